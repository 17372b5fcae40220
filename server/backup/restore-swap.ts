// Swapping a checked backup into the data folder. Each part moves with one rename inside the
// data folder (one filesystem: no copy, no EXDEV): what is there goes to the folder the restore
// keeps, then the backup's part takes its place. The plan is written before the first rename,
// so an error rolls everything back, and so does the next start after a crash in the middle.
import { mkdir, readdir, readFile, rename, rm, stat } from 'node:fs/promises';
import { dirname, join } from 'node:path';
import { fsyncDir, writeFileDurably } from '../store/durable-json-file';
import { BACKED_UP } from './backup-archive';

export interface SwapPlan {
  /** Where what the restore replaces goes. */
  kept: string;
  /** The unpacked backup. */
  staged: string;
  items: { path: string; hadOld: boolean; hasNew: boolean }[];
}

/** Restores stage in hidden folders of the data folder named like this. */
export const STAGING_PREFIX = '.khoi-phuc-';
const PLAN = 'plan.json';

const exists = (p: string) => stat(p).then(
  () => true,
  () => false,
);

async function syncFolders(dirs: string[]): Promise<void> {
  for (const dir of dirs) if (await exists(dir)) await fsyncDir(dir);
}

/** Moves the staged backup in and what it replaces out. On any error puts everything back and throws. */
export async function swapIn(dataDir: string, stagingRoot: string, staged: string, kept: string): Promise<SwapPlan> {
  const items = [];
  for (const path of BACKED_UP) items.push({ path, hadOld: await exists(join(dataDir, path)), hasNew: await exists(join(staged, path)) });
  const plan: SwapPlan = { kept, staged, items };
  // A new folder: what is in it after a crash can only have come from this swap.
  await mkdir(dirname(kept), { recursive: true });
  await mkdir(kept);
  await writeFileDurably(join(stagingRoot, PLAN), JSON.stringify(plan));
  try {
    for (const { path, hadOld, hasNew } of items) {
      if (hadOld) {
        await mkdir(dirname(join(kept, path)), { recursive: true });
        await rename(join(dataDir, path), join(kept, path));
      }
      if (hasNew) {
        await mkdir(dirname(join(dataDir, path)), { recursive: true });
        await rename(join(staged, path), join(dataDir, path));
      }
    }
    await syncFolders([dataDir, join(dataDir, 'voice'), kept, join(kept, 'voice')]);
  } catch (err) {
    await rollBack(dataDir, plan);
    throw err;
  }
  return plan;
}

/** Puts back what a swap replaced, from whatever point it reached. */
export async function rollBack(dataDir: string, plan: SwapPlan): Promise<void> {
  for (const { path, hadOld, hasNew } of [...plan.items].reverse()) {
    const live = join(dataDir, path);
    const old = join(plan.kept, path);
    const oldMovedOut = hadOld && (await exists(old));
    // What is live is the backup's only once the old one has left (or if there was none).
    if (hasNew && (await exists(live)) && (!hadOld || oldMovedOut)) {
      await mkdir(dirname(join(plan.staged, path)), { recursive: true });
      await rename(live, join(plan.staged, path));
    }
    if (oldMovedOut) await rename(old, live);
  }
  await syncFolders([dataDir, join(dataDir, 'voice')]);
  await rm(plan.kept, { recursive: true, force: true });
}

/**
 * At start: a restore a crash interrupted is rolled back (its manager never heard it had
 * worked), and every staging folder left behind is removed. Returns the plans rolled back.
 */
export async function finishInterruptedRestores(dataDir: string): Promise<SwapPlan[]> {
  const rolledBack: SwapPlan[] = [];
  for (const name of await readdir(dataDir).catch(() => [] as string[])) {
    if (!name.startsWith(STAGING_PREFIX)) continue;
    const root = join(dataDir, name);
    const text = await readFile(join(root, PLAN), 'utf8').catch(() => null);
    if (text !== null) {
      const plan = JSON.parse(text) as SwapPlan;
      await rollBack(dataDir, plan);
      rolledBack.push(plan);
    }
    await rm(root, { recursive: true, force: true });
  }
  return rolledBack;
}

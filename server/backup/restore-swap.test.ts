import { mkdir, mkdtemp, readdir, readFile, rename, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { finishInterruptedRestores, swapIn } from './restore-swap';

let root: string;
afterEach(async () => {
  await rm(root, { recursive: true, force: true });
});

/** A data folder and a staged backup, each saying which one it is in every part. */
async function setUp() {
  root = await mkdtemp(join(tmpdir(), 'qms-swap-'));
  const dataDir = join(root, 'data');
  const stagingRoot = join(dataDir, '.khoi-phuc-test');
  const staged = join(stagingRoot, 'data');
  for (const [dir, who] of [
    [dataDir, 'live'],
    [staged, 'backup'],
  ] as const) {
    await mkdir(join(dir, 'journal'), { recursive: true });
    await mkdir(join(dir, 'voice', 'custom'), { recursive: true });
    await writeFile(join(dir, 'config.json'), `{"who":"${who}"}`);
    await writeFile(join(dir, 'accounts.json'), `{"who":"${who}"}`);
    await writeFile(join(dir, 'journal', '2026-03-16.jsonl'), `${who}\n`);
    await writeFile(join(dir, 'voice', 'custom', 'chime.wav'), who);
  }
  await writeFile(join(staged, 'catalogue.json'), '{"who":"backup"}');
  return { dataDir, stagingRoot, staged, kept: join(dataDir, 'backups', 'truoc-khi-khoi-phuc-test') };
}

const read = (dir: string, p: string) => readFile(join(dir, p), 'utf8').catch(() => null);

describe('swapIn', () => {
  it('moves every part of the backup in and what it replaces to the kept folder', async () => {
    const { dataDir, stagingRoot, staged, kept } = await setUp();
    await swapIn(dataDir, stagingRoot, staged, kept);
    expect(await read(dataDir, 'config.json')).toBe('{"who":"backup"}');
    expect(await read(dataDir, 'catalogue.json')).toBe('{"who":"backup"}');
    expect(await read(dataDir, 'voice/custom/chime.wav')).toBe('backup');
    expect(await read(kept, 'journal/2026-03-16.jsonl')).toBe('live\n');
    expect(await read(kept, 'catalogue.json')).toBeNull();
  });

  it('puts everything back when a rename fails half-way', async () => {
    const { dataDir, stagingRoot, staged, kept } = await setUp();
    // The last part cannot go in: where its folder should be, the data folder has a file.
    await rm(join(dataDir, 'voice'), { recursive: true });
    await writeFile(join(dataDir, 'voice'), 'a file in the way');
    await expect(swapIn(dataDir, stagingRoot, staged, kept)).rejects.toThrow();
    expect(await read(dataDir, 'voice')).toBe('a file in the way');
    expect(await read(dataDir, 'config.json')).toBe('{"who":"live"}');
    expect(await read(dataDir, 'accounts.json')).toBe('{"who":"live"}');
    expect(await read(dataDir, 'catalogue.json')).toBeNull();
    expect(await read(dataDir, 'journal/2026-03-16.jsonl')).toBe('live\n');
    expect(await read(staged, 'config.json')).toBe('{"who":"backup"}');
    expect(await read(staged, 'catalogue.json')).toBe('{"who":"backup"}');
  });
});

describe('finishInterruptedRestores', () => {
  it('rolls back a swap a crash stopped after any number of renames, and removes the staging folder', async () => {
    for (const renamesDone of [0, 1, 2, 5, 9, 14]) {
      const { dataDir, stagingRoot, staged, kept } = await setUp();
      await swapIn(dataDir, stagingRoot, staged, kept);
      // Undo the renames after the crash point, as if they had never happened.
      const plan = JSON.parse(await readFile(join(stagingRoot, 'plan.json'), 'utf8'));
      const moves: [string, string][] = [];
      for (const { path, hadOld, hasNew } of plan.items) {
        if (hadOld) moves.push([join(dataDir, path), join(kept, path)]);
        if (hasNew) moves.push([join(staged, path), join(dataDir, path)]);
      }
      for (const [from, to] of moves.slice(renamesDone).reverse()) await rename(to, from);

      expect(await finishInterruptedRestores(dataDir)).toHaveLength(1);
      expect(await read(dataDir, 'config.json'), `after ${renamesDone} renames`).toBe('{"who":"live"}');
      expect(await read(dataDir, 'journal/2026-03-16.jsonl')).toBe('live\n');
      expect(await read(dataDir, 'voice/custom/chime.wav')).toBe('live');
      expect(await read(dataDir, 'catalogue.json')).toBeNull();
      expect((await readdir(dataDir)).filter((n) => n.startsWith('.khoi-phuc-'))).toEqual([]);
      await rm(root, { recursive: true, force: true });
    }
  });
});

// Backups of the data folder: a download on demand, one automatic archive a day, and a restore
// that is all-or-nothing. An upload is streamed into a staging folder inside the data folder
// (capped), read through once without writing anything (entry types, sizes, a whole archive),
// unpacked beside it, checked as the server will read it, and only then swapped in, with what
// it replaced kept and everything rolled back on any error. Nothing goes to the system temp folder.
import { createWriteStream } from 'node:fs';
import { mkdir, open, readdir, rename, rm, stat, statfs } from 'node:fs/promises';
import { join } from 'node:path';
import type { Readable } from 'node:stream';
import { QueueError } from '@protocol/errors';
import { fsyncDir } from '../store/durable-json-file';
import { ArchiveRefused, createBackup, extractArchive, inspectArchive } from './backup-archive';
import { backupFileName, keptBeforeRestoreName, localStamp } from './backup-names';
import { rollBack, STAGING_PREFIX, swapIn } from './restore-swap';
import { checkStagedData } from './staged-check';

export interface BackupInfo {
  name: string;
  size: number;
  createdAt: number;
}

export interface RestoreResult {
  keptPreviousIn: string;
  /** Copies of damaged files an older release put in its backups, not restored. */
  leftOut: string[];
}

/** The largest upload a restore reads; a busy centre's backup after years is a few hundred MB. */
export const MAX_UPLOAD_BYTES = 1024 * 1024 * 1024;
/** Unpacked, a backup is JSON that gzip makes 5–15 times smaller; far more is not a backup. */
const MAX_EXPANSION = 40;
const MAX_UNPACKED_BYTES = 8 * 1024 * 1024 * 1024;
/** Room left on the data folder's disk after unpacking, so the queue can still write. */
const FREE_SPACE_MARGIN = 64 * 1024 * 1024;

/** The archives in a folder, newest first. */
export async function listBackups(dir: string): Promise<BackupInfo[]> {
  const names = (await readdir(dir).catch(() => [] as string[])).filter((n) => n.endsWith('.tar.gz'));
  const out: BackupInfo[] = [];
  for (const name of names) {
    const s = await stat(join(dir, name));
    out.push({ name, size: s.size, createdAt: s.mtimeMs });
  }
  return out.sort((a, b) => b.createdAt - a.createdAt);
}

async function syncFile(file: string): Promise<void> {
  const handle = await open(file, 'r');
  try {
    await handle.sync();
  } finally {
    await handle.close();
  }
}

const refused = (message: string) => new QueueError('invalid-payload', [{ path: 'archive', message }]);

export class BackupService {
  private readonly dir: string;
  /** Restores and archives one at a time: an archive made during a swap would hold half of each. */
  private busy: Promise<unknown> = Promise.resolve();

  constructor(
    private readonly dataDir: string,
    private readonly clock: () => number,
    /** Re-reads every store from the data folder after a restore. */
    private readonly reload: () => Promise<void>,
    /** The centre's time zone, for the names of the files. */
    private readonly timeZone: () => string,
  ) {
    this.dir = join(dataDir, 'backups');
  }

  private exclusive<T>(work: () => Promise<T>): Promise<T> {
    const run = this.busy.then(work, work);
    this.busy = run.catch(() => undefined);
    return run;
  }

  /** Writes an archive of the data folder and returns its path (the caller streams it). */
  createNow(name = backupFileName(this.clock(), this.timeZone())): Promise<string> {
    return this.exclusive(async () => {
      await mkdir(this.dir, { recursive: true });
      const file = join(this.dir, name);
      // Under another name until whole: a crash mid-way must not leave a cut archive that looks done.
      const partial = join(this.dir, `.${name}.partial`);
      try {
        await createBackup(this.dataDir, partial);
        await syncFile(partial);
        await rename(partial, file);
        await fsyncDir(this.dir);
      } finally {
        await rm(partial, { force: true });
      }
      return file;
    });
  }

  /**
   * Streams an upload into a new staging folder inside the data folder, refusing it with
   * payload-too-large past MAX_UPLOAD_BYTES. Returns the staging folder; restore() removes it.
   */
  async receive(upload: Readable, maxBytes = MAX_UPLOAD_BYTES): Promise<string> {
    const root = join(this.dataDir, `${STAGING_PREFIX}${localStamp(this.clock(), this.timeZone())}`);
    await mkdir(root, { recursive: true });
    const out = createWriteStream(join(root, 'upload.tar.gz'));
    try {
      // Not pipeline(): it would destroy the request, and with it the socket the refusal goes back on.
      await new Promise<void>((resolve, reject) => {
        let seen = 0;
        const fail = (err: unknown) => {
          upload.unpipe(out);
          out.destroy();
          reject(err);
        };
        upload.on('data', (chunk: Buffer) => {
          seen += chunk.length;
          if (seen > maxBytes) fail(new QueueError('payload-too-large'));
        });
        // A client that goes away mid-way: the request closes without having ended.
        upload.on('close', () => {
          if (!upload.readableEnded) fail(refused('Tệp tải lên bị ngắt giữa chừng.'));
        });
        upload.on('error', fail);
        if (upload.destroyed) fail(refused('Tệp tải lên bị ngắt giữa chừng.'));
        out.on('error', fail);
        out.on('finish', resolve);
        upload.pipe(out);
      });
      return root;
    } catch (err) {
      await rm(root, { recursive: true, force: true });
      if (err instanceof QueueError) throw err;
      throw refused((err as NodeJS.ErrnoException).code === 'ENOSPC' ? 'Ổ dữ liệu đầy: không đủ chỗ để nhận tệp sao lưu.' : 'Tệp tải lên bị ngắt giữa chừng.');
    }
  }

  /** Restores the archive a receive() staged, all or nothing. Throws QueueError invalid-payload with each problem. */
  restore(stagingRoot: string): Promise<RestoreResult> {
    return this.exclusive(async () => {
      try {
        return await this.restoreStaged(stagingRoot);
      } catch (err) {
        if (err instanceof ArchiveRefused) throw new QueueError('invalid-payload', err.problems.slice(0, 20));
        throw err;
      } finally {
        await rm(stagingRoot, { recursive: true, force: true });
      }
    });
  }

  private async restoreStaged(root: string): Promise<RestoreResult> {
    const upload = join(root, 'upload.tar.gz');
    const { size } = await stat(upload);
    if (size === 0) throw refused('Tệp tải lên trống.');
    const { unpackedBytes, leftOut } = await inspectArchive(upload, { maxUnpackedBytes: Math.min(MAX_UNPACKED_BYTES, size * MAX_EXPANSION + 16 * 1024 * 1024) });
    const disk = await statfs(this.dataDir);
    const free = disk.bavail * disk.bsize;
    if (unpackedBytes + FREE_SPACE_MARGIN > free) {
      throw refused(`Không đủ chỗ trống trên ổ dữ liệu để khôi phục: cần ${Math.ceil((unpackedBytes + FREE_SPACE_MARGIN) / 1048576)} MB, còn ${Math.floor(free / 1048576)} MB.`);
    }
    const staged = join(root, 'data');
    await mkdir(staged);
    await extractArchive(upload, staged);
    await rm(upload);
    const problems = await checkStagedData(staged);
    if (problems.length) throw new ArchiveRefused(problems);

    const kept = join(this.dir, keptBeforeRestoreName(this.clock(), this.timeZone()));
    const plan = await swapIn(this.dataDir, root, staged, kept);
    try {
      await this.reload();
    } catch (err) {
      await rollBack(this.dataDir, plan);
      await this.reload();
      throw err;
    }
    return { keptPreviousIn: kept, leftOut };
  }

  /** Today's automatic backup if it is not there yet, and older ones beyond keepDays removed. */
  async daily(day: string, keepDays: number): Promise<void> {
    const name = `tu-dong-${day}.tar.gz`;
    const existing = await this.list();
    if (!existing.some((b) => b.name === name)) await this.createNow(name);
    const autos = (await this.list()).filter((b) => b.name.startsWith('tu-dong-')).sort((a, b) => b.name.localeCompare(a.name));
    for (const old of autos.slice(keepDays)) await rm(join(this.dir, old.name), { force: true });
  }

  list(): Promise<BackupInfo[]> {
    return listBackups(this.dir);
  }

  path(name: string): string | undefined {
    return /^[\w.-]+\.tar\.gz$/.test(name) ? join(this.dir, name) : undefined;
  }
}

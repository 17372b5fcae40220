// A lowdb Adapter that is safe against power loss: lowdb's own TextFile renames a temp
// file into place but never fsyncs, so after a crash the rename can survive while the data
// does not. Here the temp file is fsync'd before the rename and the folder after it.
// A file that does not parse is moved aside (never overwritten) and reported.
import { mkdir, open, readFile, rename } from 'node:fs/promises';
import { randomBytes } from 'node:crypto';
import { basename, dirname, join } from 'node:path';
import type { Adapter } from 'lowdb';

export class CorruptDataFileError extends Error {
  constructor(
    readonly file: string,
    readonly movedTo: string,
    cause: unknown,
  ) {
    super(`corrupt data file ${file} moved to ${movedTo}`, { cause });
    this.name = 'CorruptDataFileError';
  }
}

export async function fsyncDir(dir: string): Promise<void> {
  const handle = await open(dir, 'r');
  try {
    await handle.sync();
  } finally {
    await handle.close();
  }
}

/** Writes text so that after a crash the file holds either the old or the new content. */
export async function writeFileDurably(file: string, text: string | Uint8Array): Promise<void> {
  const dir = dirname(file);
  await mkdir(dir, { recursive: true });
  // A unique temp name: two writers of the same file must not rename each other's half.
  const tmp = join(dir, `.${basename(file)}.${process.pid}.${randomBytes(4).toString('hex')}.tmp`);
  const handle = await open(tmp, 'w');
  try {
    await handle.writeFile(text);
    await handle.sync();
  } finally {
    await handle.close();
  }
  await rename(tmp, file);
  await fsyncDir(dir);
}

/** Moves a damaged file out of the way so nobody overwrites the evidence. */
export async function moveAside(file: string, now = Date.now()): Promise<string> {
  const target = `${file}.corrupt-${new Date(now).toISOString().replace(/[:.]/g, '-')}`;
  await rename(file, target);
  return target;
}

export class DurableJSONFile<T> implements Adapter<T> {
  /** Serialises writes: two overlapping writes would race on the same temp file. */
  private last: Promise<void> = Promise.resolve();

  constructor(
    readonly file: string,
    private readonly validate: (data: unknown) => T = (d) => d as T,
  ) {}

  async read(): Promise<T | null> {
    let text: string;
    try {
      text = await readFile(this.file, 'utf8');
    } catch (err) {
      if ((err as NodeJS.ErrnoException).code === 'ENOENT') return null;
      throw err;
    }
    try {
      return this.validate(JSON.parse(text));
    } catch (err) {
      const movedTo = await moveAside(this.file);
      throw new CorruptDataFileError(this.file, movedTo, err);
    }
  }

  write(data: T): Promise<void> {
    const text = JSON.stringify(data, null, 1);
    const next = this.last.then(() => writeFileDurably(this.file, text));
    this.last = next.catch(() => undefined);
    return next;
  }
}

// One append-only file of events per local day (<dataDir>/journal/YYYY-MM-DD.jsonl).
// lowdb rewrites a whole file per write, which at a busy day's size blocks the event loop
// for hundreds of milliseconds; appending a line and fsyncing costs ~0.3 ms. Appends that
// arrive while a sync is running share the next one (group commit), so sixteen clients
// issuing at once pay for one fsync, not sixteen.
//
// A batch counts as written only when every byte of it went out (a short write is a
// failure) and the sync returned. After any failure the journal refuses every append until
// recover() has cut the file back to its last acknowledged byte and read it back: the bytes
// of a failed batch may or may not be on disk, and a later batch must never follow them.
import { constants } from 'node:fs';
import { mkdir, open, stat, type FileHandle } from 'node:fs/promises';
import { join } from 'node:path';
import { crc32 } from 'node:zlib';
import type { QueueEvent } from '@protocol/queue';
import { fsyncDir, writeFileDurably } from './durable-json-file';
import { formatJournalLine } from './journal-line';
import { journalFile, readJournal, type DamagedLine, type JournalContents } from './journal-reader';

export { journalFile, readJournal };

// Where the system has it (Linux), the file is opened for synchronised data writes (O_DSYNC):
// each write returns once its bytes are on disk, as a write and an fdatasync would, in one
// call to the thread pool instead of two.
const DATA_SYNC = constants.O_DSYNC;
const APPEND_FLAGS = DATA_SYNC === undefined ? 'a+' : constants.O_APPEND | constants.O_CREAT | constants.O_RDWR | DATA_SYNC;

/** The journal cannot take appends until it has recovered from a failed write. */
export class StorageUnavailableError extends Error {
  readonly code: string;
  constructor(cause: unknown) {
    super(`journal unavailable after a failed write: ${(cause as Error)?.message ?? cause}`, { cause });
    this.name = 'StorageUnavailableError';
    this.code = (cause as NodeJS.ErrnoException)?.code ?? 'EIO';
  }
}

export interface OpenedJournal {
  journal: DayJournal;
  contents: JournalContents;
  /** Where each damaged line's copy is (made now or at an earlier start); `null` when it could not be copied. */
  quarantine: { damage: DamagedLine; copy: string | null }[];
}

interface Waiter {
  resolve: () => void;
  reject: (err: unknown) => void;
}

/** Damaged lines stay in the journal (it is never rewritten); a copy of each goes here once. */
export function quarantineFile(dataDir: string, day: string, damage: DamagedLine): string {
  return join(dataDir, 'quarantine', `${day}-line${damage.line}-${crc32(damage.bytes).toString(16).padStart(8, '0')}.jsonl`);
}

async function quarantine(dataDir: string, day: string, damage: DamagedLine): Promise<string | null> {
  const copy = quarantineFile(dataDir, day, damage);
  if (await stat(copy).then(() => true, () => false)) return copy;
  try {
    await writeFileDurably(copy, Buffer.concat([damage.bytes, Buffer.from('\n')]));
    return copy;
  } catch {
    return null; // a full disk: the line is still in the journal, the next start copies it
  }
}

export class DayJournal {
  private pending: Buffer[] = [];
  private waiters: Waiter[] = [];
  private flushing: Promise<void> | null = null;
  private closed = false;
  private failure: unknown = null;

  private constructor(
    readonly day: string,
    readonly file: string,
    private handle: FileHandle,
    /** Bytes of the file that are acknowledged: the last good event ends here. */
    private length: number,
  ) {}

  /** Opens (creating if needed) the day's journal, cutting off a torn last line and copying damaged lines aside. */
  static async open(dataDir: string, day: string): Promise<OpenedJournal> {
    const dir = join(dataDir, 'journal');
    await mkdir(dir, { recursive: true });
    const file = journalFile(dataDir, day);
    const contents = await readJournal(file);
    const copies = [];
    for (const damage of contents.damaged) copies.push({ damage, copy: await quarantine(dataDir, day, damage) });
    const handle = await open(file, APPEND_FLAGS);
    if (contents.tornBytes > 0) {
      await handle.truncate(contents.wholeLength);
      await handle.sync();
    }
    await fsyncDir(dir);
    return { journal: new DayJournal(day, file, handle, contents.wholeLength), contents, quarantine: copies };
  }

  /** The error that stopped appends, until recover() succeeds. */
  get unavailable(): unknown {
    return this.failure;
  }

  /** Resolves once every byte of the events is on disk; rejects with StorageUnavailableError otherwise. */
  append(events: readonly QueueEvent[]): Promise<void> {
    if (this.closed) return Promise.reject(new Error(`journal ${this.day} is closed`));
    if (this.failure) return Promise.reject(new StorageUnavailableError(this.failure));
    if (events.length === 0) return Promise.resolve();
    let text = '';
    for (const e of events) text += formatJournalLine(e);
    this.pending.push(Buffer.from(text));
    return new Promise<void>((resolve, reject) => {
      this.waiters.push({ resolve, reject });
      this.flushing ??= this.flush();
    });
  }

  private async flush(): Promise<void> {
    while (this.pending.length > 0) {
      const batch = this.pending.length === 1 ? this.pending[0] : Buffer.concat(this.pending);
      const waiters = this.waiters;
      this.pending = [];
      this.waiters = [];
      try {
        const { bytesWritten } = await this.handle.write(batch);
        if (bytesWritten !== batch.length) throw Object.assign(new Error(`short write: ${bytesWritten} of ${batch.length} bytes`), { code: 'ENOSPC' });
        if (DATA_SYNC === undefined) await this.handle.datasync();
        this.length += batch.length;
        for (const w of waiters) w.resolve();
      } catch (err) {
        this.failure = err;
        // The failed batch may be partly or wholly in the file: cut it off before anyone hears
        // "refused", so a restart before recovery cannot bring it back (needs no free space).
        await this.handle.truncate(this.length).catch(() => undefined);
        // Everything queued behind the failed batch was decided on top of it: refuse it all.
        const refused = [...waiters, ...this.waiters];
        this.pending = [];
        this.waiters = [];
        for (const w of refused) w.reject(new StorageUnavailableError(err));
      }
    }
    this.flushing = null;
  }

  /**
   * After a failed write: cuts the file back to the last acknowledged byte, syncs, reads it
   * back and checks that it ends where the acknowledged events end. Throws (and stays
   * unavailable) if any step fails; the caller tries again later.
   */
  async recover(): Promise<JournalContents> {
    if (this.flushing) await this.flushing;
    await this.handle.close().catch(() => undefined);
    const cut = await open(this.file, 'r+');
    try {
      await cut.truncate(this.length);
      await cut.sync();
    } finally {
      await cut.close();
    }
    const contents = await readJournal(this.file);
    if (contents.wholeLength !== this.length || contents.tornBytes !== 0) {
      throw new Error(`journal ${this.file} reads back ${contents.wholeLength + contents.tornBytes} bytes, expected ${this.length}`);
    }
    this.handle = await open(this.file, APPEND_FLAGS);
    this.failure = null;
    return contents;
  }

  async close(): Promise<void> {
    this.closed = true;
    if (this.flushing) await this.flushing;
    await this.handle.close().catch(() => undefined);
  }
}

// One append-only file of events per local day (<dataDir>/journal/YYYY-MM-DD.jsonl).
// lowdb rewrites a whole file per write, which at a busy day's size blocks the event loop
// for hundreds of milliseconds; appending a line and fsyncing costs ~0.3 ms. Appends that
// arrive while a sync is running share the next one (group commit), so sixteen clients
// issuing at once pay for one fsync, not sixteen.
import { copyFile, mkdir, open, readFile, type FileHandle } from 'node:fs/promises';
import { join } from 'node:path';
import type { QueueEvent } from '@protocol/queue';
import { fsyncDir } from './durable-json-file';

export interface JournalRepair {
  file: string;
  /** A torn last line: a write the crash interrupted, never acknowledged to anyone. */
  tornTail: boolean;
  /** Unreadable lines in the middle: the original was copied here before truncating. */
  copiedTo?: string;
  keptEvents: number;
}

export interface ReadResult {
  events: QueueEvent[];
  repair?: JournalRepair;
  /** Byte length of the good prefix. */
  goodLength: number;
}

export function journalFile(dataDir: string, day: string): string {
  return join(dataDir, 'journal', `${day}.jsonl`);
}

function parseJournal(text: string): { events: QueueEvent[]; goodLength: number; badLine: boolean; tornTail: boolean } {
  const events: QueueEvent[] = [];
  let offset = 0;
  while (offset < text.length) {
    const nl = text.indexOf('\n', offset);
    if (nl < 0) return { events, goodLength: Buffer.byteLength(text.slice(0, offset)), badLine: false, tornTail: true };
    const line = text.slice(offset, nl);
    try {
      const e = JSON.parse(line) as QueueEvent;
      if (typeof e.seq !== 'number' || typeof e.type !== 'string' || e.seq !== events.length + 1) throw new Error('bad event');
      events.push(e);
    } catch {
      const isLast = nl === text.length - 1;
      return { events, goodLength: Buffer.byteLength(text.slice(0, offset)), badLine: !isLast, tornTail: isLast };
    }
    offset = nl + 1;
  }
  return { events, goodLength: Buffer.byteLength(text), badLine: false, tornTail: false };
}

/** Reads a day's events, cutting off anything after the last whole, valid event. */
export async function readJournal(file: string, now = Date.now()): Promise<ReadResult> {
  let text: string;
  try {
    text = await readFile(file, 'utf8');
  } catch (err) {
    if ((err as NodeJS.ErrnoException).code === 'ENOENT') return { events: [], goodLength: 0 };
    throw err;
  }
  const parsed = parseJournal(text);
  if (!parsed.badLine && !parsed.tornTail) return { events: parsed.events, goodLength: parsed.goodLength };
  const repair: JournalRepair = { file, tornTail: parsed.tornTail, keptEvents: parsed.events.length };
  if (parsed.badLine) {
    repair.copiedTo = `${file}.corrupt-${new Date(now).toISOString().replace(/[:.]/g, '-')}`;
    await copyFile(file, repair.copiedTo);
  }
  return { events: parsed.events, goodLength: parsed.goodLength, repair };
}

interface Waiter {
  resolve: () => void;
  reject: (err: unknown) => void;
}

export class DayJournal {
  private pending: string[] = [];
  private waiters: Waiter[] = [];
  private flushing: Promise<void> | null = null;
  private closed = false;

  private constructor(
    readonly day: string,
    readonly file: string,
    private readonly handle: FileHandle,
  ) {}

  /** Opens (creating if needed) the day's journal, truncated to its good prefix. */
  static async open(dataDir: string, day: string): Promise<{ journal: DayJournal; events: QueueEvent[]; repair?: JournalRepair }> {
    const dir = join(dataDir, 'journal');
    await mkdir(dir, { recursive: true });
    const file = journalFile(dataDir, day);
    const read = await readJournal(file);
    const handle = await open(file, 'a+');
    if (read.repair) {
      await handle.truncate(read.goodLength);
      await handle.sync();
    }
    await fsyncDir(dir);
    return { journal: new DayJournal(day, file, handle), events: read.events, repair: read.repair };
  }

  /** Resolves once the events are on disk. */
  append(events: readonly QueueEvent[]): Promise<void> {
    if (this.closed) return Promise.reject(new Error(`journal ${this.day} is closed`));
    if (events.length === 0) return Promise.resolve();
    let text = '';
    for (const e of events) text += JSON.stringify(e) + '\n';
    this.pending.push(text);
    return new Promise<void>((resolve, reject) => {
      this.waiters.push({ resolve, reject });
      this.flushing ??= this.flush();
    });
  }

  private async flush(): Promise<void> {
    while (this.pending.length > 0) {
      const text = this.pending.join('');
      const waiters = this.waiters;
      this.pending = [];
      this.waiters = [];
      try {
        await this.handle.write(text);
        await this.handle.datasync();
        for (const w of waiters) w.resolve();
      } catch (err) {
        for (const w of waiters) w.reject(err);
      }
    }
    this.flushing = null;
  }

  async close(): Promise<void> {
    this.closed = true;
    if (this.flushing) await this.flushing;
    await this.handle.close();
  }
}

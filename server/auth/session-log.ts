// Sign-in sessions: in memory, with a durable tail in <dataDir>/sessions.jsonl (one line per
// sign-in, sign-out or counter chosen). Earlier releases kept them inside accounts.json and
// rewrote that whole file per sign-in, so a full disk stopped everyone from signing in. Now
// a sign-in is answered from memory even when its line cannot be written: the line waits
// and goes out with the next one (a restart before that signs the person out, nothing worse).
import { open, readFile } from 'node:fs/promises';
import { join } from 'node:path';
import type { Logger } from 'pino';
import type { Low } from 'lowdb';
import { z } from 'zod';
import { writeFileDurably } from '../store/durable-json-file';
import type { Accounts, Session } from './accounts-store';

const sessionLineSchema = z.discriminatedUnion('op', [
  z.object({ op: z.literal('open'), tokenHash: z.string(), userId: z.string(), counterId: z.number().optional(), createdAt: z.number(), expiresAt: z.number() }),
  z.object({ op: z.literal('end'), tokenHash: z.string() }),
  z.object({ op: z.literal('end-user'), userId: z.string() }),
  z.object({ op: z.literal('counter'), tokenHash: z.string(), counterId: z.number().optional() }),
]);

export type SessionLine = z.infer<typeof sessionLineSchema>;

/** Lines written since the last compaction beyond which the file is rewritten with live sessions only. */
const COMPACT_AFTER_LINES = 2000;

export class SessionLog {
  private readonly sessions = new Map<string, Session>();
  private unsaved: string[] = [];
  private writing: Promise<void> = Promise.resolve();
  private linesSinceCompaction = 0;

  private constructor(
    private readonly file: string,
    private readonly clock: () => number,
    private readonly logger: Logger,
  ) {}

  /** Reads the log, takes over sessions an older release left in accounts.json, and compacts. */
  static async open(dataDir: string, accounts: Low<Accounts>, clock: () => number, logger: Logger): Promise<SessionLog> {
    const log = new SessionLog(join(dataDir, 'sessions.jsonl'), clock, logger);
    const legacy = accounts.data.sessions;
    for (const s of legacy) log.sessions.set(s.tokenHash, { ...s });
    const text = await readFile(log.file, 'utf8').catch((err: NodeJS.ErrnoException) => {
      if (err.code === 'ENOENT') return '';
      throw err;
    });
    for (const raw of text.split('\n')) {
      if (raw === '') continue;
      try {
        log.apply(sessionLineSchema.parse(JSON.parse(raw)));
      } catch {
        logger.warn({ file: log.file }, 'unreadable session line skipped (its sign-in must be repeated)');
      }
    }
    // Once the live sessions are in this file, accounts.json no longer needs to carry them:
    // its next write (a user edited) drops them.
    if (await log.compact()) accounts.data.sessions = [];
    return log;
  }

  get(tokenHash: string): Session | undefined {
    return this.sessions.get(tokenHash);
  }

  /** Applies the change now and writes it; a failed write is kept and retried with the next line. */
  async record(line: SessionLine): Promise<void> {
    this.apply(line);
    this.unsaved.push(JSON.stringify(line));
    const next = this.writing.then(() => this.writeUnsaved());
    this.writing = next;
    await next;
    if (++this.linesSinceCompaction > COMPACT_AFTER_LINES + this.sessions.size) void this.compact();
  }

  private apply(line: SessionLine): void {
    switch (line.op) {
      case 'open': {
        const { op: _op, ...session } = line;
        this.sessions.set(line.tokenHash, session);
        break;
      }
      case 'end':
        this.sessions.delete(line.tokenHash);
        break;
      case 'end-user':
        for (const [h, s] of this.sessions) if (s.userId === line.userId) this.sessions.delete(h);
        break;
      case 'counter': {
        const s = this.sessions.get(line.tokenHash);
        if (!s) break;
        if (line.counterId === undefined) delete s.counterId;
        else s.counterId = line.counterId;
        break;
      }
    }
  }

  private async writeUnsaved(): Promise<void> {
    if (this.unsaved.length === 0) return;
    const lines = this.unsaved;
    // A leading newline ends whatever a failed earlier write left half-written.
    const text = `\n${lines.join('\n')}\n`;
    try {
      const handle = await open(this.file, 'a');
      try {
        const { bytesWritten } = await handle.write(text);
        if (bytesWritten !== Buffer.byteLength(text)) throw Object.assign(new Error('short write'), { code: 'ENOSPC' });
        await handle.datasync();
      } finally {
        await handle.close();
      }
      this.unsaved = this.unsaved.slice(lines.length);
    } catch (err) {
      this.logger.warn({ err, waiting: this.unsaved.length }, 'sign-in kept in memory; its line is written once the disk takes it');
    }
  }

  /** Rewrites the file with the live sessions only. False if the disk would not take it. */
  private compact(): Promise<boolean> {
    const run = this.writing.then(async () => {
      const now = this.clock();
      for (const [h, s] of this.sessions) if (s.expiresAt <= now) this.sessions.delete(h);
      const text = [...this.sessions.values()].map((s) => `${JSON.stringify({ op: 'open', ...s })}\n`).join('');
      try {
        await writeFileDurably(this.file, text);
        this.unsaved = [];
        this.linesSinceCompaction = 0;
        return true;
      } catch (err) {
        this.logger.warn({ err }, 'session log not compacted (disk full?)');
        return false;
      }
    });
    this.writing = run.then(() => undefined);
    return run;
  }
}

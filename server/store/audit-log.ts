// Who did what and when, for the things the queue journal does not already say: sign-ins,
// configuration and account changes, device pairing, imports, backups, and managers acting
// at counters. One append-only file per month (<dataDir>/audit/YYYY-MM.jsonl), fsync'd.
// Secrets never enter it: callers pass names and ids, never passwords or tokens.
import { mkdir, open, readdir, readFile } from 'node:fs/promises';
import { join } from 'node:path';

export interface AuditEntry {
  at: number;
  who: string;
  what: string;
  detail?: unknown;
}

export class AuditLog {
  private chain: Promise<void> = Promise.resolve();

  constructor(
    private readonly dir: string,
    private readonly clock: () => number,
    private readonly onError: (err: unknown) => void,
  ) {}

  record(who: string | undefined, what: string, detail?: unknown): Promise<void> {
    const entry: AuditEntry = { at: this.clock(), who: who ?? 'unknown', what, ...(detail !== undefined ? { detail } : {}) };
    const month = new Date(entry.at).toISOString().slice(0, 7);
    this.chain = this.chain
      .then(async () => {
        await mkdir(this.dir, { recursive: true });
        const fh = await open(join(this.dir, `${month}.jsonl`), 'a');
        try {
          await fh.write(JSON.stringify(entry) + '\n');
          await fh.datasync();
        } finally {
          await fh.close();
        }
      })
      .catch(this.onError);
    return this.chain;
  }

  /** Resolves once every entry recorded so far is on disk (the server waits for it when closing). */
  flush(): Promise<void> {
    return this.chain;
  }

  /** The newest entries first, across months. */
  async latest(limit: number): Promise<AuditEntry[]> {
    await this.chain;
    const files = (await readdir(this.dir).catch(() => [] as string[])).filter((f) => f.endsWith('.jsonl')).sort().reverse();
    const out: AuditEntry[] = [];
    for (const f of files) {
      const lines = (await readFile(join(this.dir, f), 'utf8')).split('\n').filter(Boolean).reverse();
      for (const line of lines) {
        try {
          out.push(JSON.parse(line) as AuditEntry);
        } catch {
          continue; // a torn last line from a crash
        }
        if (out.length >= limit) return out;
      }
    }
    return out;
  }
}

// After a failed journal write the server waits for the disk on its own: every interval it
// reads the free space (for the managers' alert) and, once there is room, proves the disk
// takes a write and a sync before the journal is recovered. Nobody has to restart anything
// when space comes back.
import { open, statfs, unlink } from 'node:fs/promises';
import { join } from 'node:path';
import type { Logger } from 'pino';

export type StorageHealth = { ok: true } | { ok: false; code: string; freeBytes: number | null };

/** Room the disk must have before issuing resumes, so it does not stop again at once. */
const HEADROOM_BYTES = 1024 * 1024;
const PROBE_BYTES = 64 * 1024;

export interface StorageProbeOptions {
  dir: string;
  intervalMs: number;
  /** Makes the journal writable again; throws if it cannot yet. */
  recover: () => Promise<void>;
  onHealth: (health: StorageHealth) => void;
  logger: Logger;
}

export async function freeBytes(dir: string): Promise<number | null> {
  try {
    const s = await statfs(dir);
    return s.bavail * s.bsize;
  } catch {
    return null;
  }
}

async function diskTakesAWrite(dir: string): Promise<boolean> {
  const file = join(dir, '.write-probe');
  try {
    const handle = await open(file, 'w');
    try {
      const { bytesWritten } = await handle.write(Buffer.alloc(PROBE_BYTES));
      await handle.sync();
      return bytesWritten === PROBE_BYTES;
    } finally {
      await handle.close();
    }
  } catch {
    return false;
  } finally {
    await unlink(file).catch(() => undefined);
  }
}

export class StorageProbe {
  private timer: NodeJS.Timeout | null = null;
  private code = '';
  private lastFree: number | null | undefined;
  private checking = false;

  constructor(private readonly opts: StorageProbeOptions) {}

  get down(): boolean {
    return this.timer !== null;
  }

  /** A write failed: report it and start waiting for the disk. */
  failed(cause: unknown): void {
    const code = (cause as NodeJS.ErrnoException)?.code ?? 'EIO';
    if (this.timer) return;
    this.code = code;
    this.lastFree = undefined;
    this.opts.logger.error({ err: cause, code }, 'journal write failed; issuing stops until the disk takes writes again');
    this.timer = setInterval(() => void this.check(), this.opts.intervalMs);
    void this.check();
  }

  private async check(): Promise<void> {
    if (this.checking || !this.timer) return;
    this.checking = true;
    try {
      const free = await freeBytes(this.opts.dir);
      if (free !== this.lastFree) {
        this.lastFree = free;
        this.opts.onHealth({ ok: false, code: this.code, freeBytes: free });
      }
      if (free !== null && free < HEADROOM_BYTES) return;
      if (!(await diskTakesAWrite(this.opts.dir))) return;
      await this.opts.recover();
      this.stop();
      this.opts.onHealth({ ok: true });
    } catch (err) {
      this.opts.logger.warn({ err }, 'journal not recovered yet');
    } finally {
      this.checking = false;
    }
  }

  stop(): void {
    if (this.timer) clearInterval(this.timer);
    this.timer = null;
  }
}

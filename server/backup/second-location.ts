// A copy that survives the PC: every daily archive also goes to a second location managers
// choose (a USB drive or a network share's mount point). Each copy is written under another
// name, synced, read back and compared by SHA-256 before it counts; the location is rotated
// like the backups folder. A location that is missing, on the data folder's own disk (a drive
// that is not mounted leaves an empty folder on the system disk), full or failing raises an
// alert until a copy succeeds again. What happened last is kept in backups/second-location.json.
import { createHash } from 'node:crypto';
import { createReadStream, createWriteStream } from 'node:fs';
import { open, readdir, readFile, rename, rm, stat } from 'node:fs/promises';
import { join } from 'node:path';
import { pipeline } from 'node:stream/promises';
import type { Alerts } from '../application/alerts';
import { fsyncDir, writeFileDurably } from '../store/durable-json-file';
import type { SecondLocationStatus } from '@protocol/status';

const DAILY = /^tu-dong-\d{4}-\d{2}-\d{2}\.tar\.gz$/;
const ALERT_ID = 'storage:second-location';
/** After a failed copy, wait this long before copying again (the ticker asks every 15 s). */
const RETRY_AFTER_MS = 5 * 60_000;

async function sha256(file: string): Promise<string> {
  const hash = createHash('sha256');
  await pipeline(createReadStream(file), hash);
  return hash.digest('hex');
}

function failureText(err: unknown): string {
  const code = (err as NodeJS.ErrnoException).code;
  if (code === 'ENOSPC' || code === 'EDQUOT') return 'ổ đầy, không còn chỗ';
  if (code === 'EROFS') return 'ổ chỉ cho đọc, không ghi được';
  if (code === 'EACCES' || code === 'EPERM') return 'không có quyền ghi';
  if (code === 'EIO') return 'lỗi đọc ghi của ổ';
  return code ?? String((err as Error).message ?? err);
}

class CopyFailed extends Error {}

export class SecondLocation {
  private state: SecondLocationStatus = { location: '', lastGoodCopy: null, problem: null };
  private failedAt: { location: string; at: number } | null = null;
  private running: Promise<SecondLocationStatus> | null = null;
  private readonly statusFile: string;

  private constructor(
    private readonly dataDir: string,
    private readonly backupsDir: string,
    private readonly clock: () => number,
    private readonly alerts: Alerts,
  ) {
    this.statusFile = join(backupsDir, 'second-location.json');
  }

  static async open(dataDir: string, clock: () => number, alerts: Alerts): Promise<SecondLocation> {
    const second = new SecondLocation(dataDir, join(dataDir, 'backups'), clock, alerts);
    const text = await readFile(second.statusFile, 'utf8').catch(() => null);
    if (text !== null) {
      try {
        const { format: _format, ...saved } = JSON.parse(text) as SecondLocationStatus & { format: number };
        second.state = saved;
      } catch {
        // Only a record of past copies: the next copy writes it again.
      }
    }
    if (second.state.problem) alerts.raise(ALERT_ID, 'storage', second.alertText(second.state.location, second.state.problem.message));
    return second;
  }

  status(): SecondLocationStatus {
    return structuredClone(this.state);
  }

  /**
   * Brings the location up to date: every daily archive kept here that is not there yet is
   * copied and verified, older ones there are removed. `force` ignores the wait after a failure.
   */
  sync(location: string, keepDays: number, force = false): Promise<SecondLocationStatus> {
    this.running ??= this.syncNow(location, keepDays, force).finally(() => {
      this.running = null;
    });
    return this.running;
  }

  private alertText(location: string, message: string): string {
    return `Chưa sao được bản sao lưu sang nơi thứ hai (${location}): ${message}.`;
  }

  private async syncNow(location: string, keepDays: number, force: boolean): Promise<SecondLocationStatus> {
    if (location !== this.state.location) {
      this.state = { location, lastGoodCopy: null, problem: null };
      this.failedAt = null;
    }
    if (!location) {
      this.alerts.clear(ALERT_ID);
      await this.save();
      return this.status();
    }
    if (!force && this.failedAt?.location === location && this.clock() - this.failedAt.at < RETRY_AFTER_MS) return this.status();
    try {
      await this.checkLocation(location);
      const daily = (await readdir(this.backupsDir).catch(() => [] as string[])).filter((n) => DAILY.test(n)).sort().reverse().slice(0, keepDays);
      for (const name of [...daily].reverse()) await this.copyIfMissing(name, location);
      await this.rotate(location, keepDays);
      this.state.problem = null;
      this.failedAt = null;
      this.alerts.clear(ALERT_ID);
    } catch (err) {
      const message = err instanceof CopyFailed ? err.message : failureText(err);
      this.state.problem = { at: this.clock(), message };
      this.failedAt = { location, at: this.clock() };
      this.alerts.raise(ALERT_ID, 'storage', this.alertText(location, message));
    }
    await this.save().catch(() => undefined);
    return this.status();
  }

  private async checkLocation(location: string): Promise<void> {
    const there = await stat(location).catch(() => null);
    if (!there?.isDirectory()) throw new CopyFailed('không thấy thư mục này (ổ USB chưa cắm, hoặc thư mục mạng chưa được gắn)');
    const here = await stat(this.dataDir);
    if (there.dev === here.dev) throw new CopyFailed('thư mục này nằm trên cùng ổ đĩa với dữ liệu (ổ USB hoặc thư mục mạng chưa được gắn vào đây?), hỏng ổ là mất cả hai');
  }

  private async copyIfMissing(name: string, location: string): Promise<void> {
    const source = join(this.backupsDir, name);
    const target = join(location, name);
    const { size } = await stat(source);
    const present = await stat(target).catch(() => null);
    // Already there from an earlier verified copy (archives are never rewritten once made).
    if (present?.size === size && (this.state.lastGoodCopy?.name ?? '') >= name) return;
    const partial = join(location, `.${name}.partial`);
    try {
      const expected = await sha256(source);
      await pipeline(createReadStream(source), createWriteStream(partial));
      const handle = await open(partial, 'r');
      try {
        await handle.sync();
      } finally {
        await handle.close();
      }
      // Read back from the drive, not trusted from what was written.
      if ((await sha256(partial)) !== expected) throw new CopyFailed('bản sao đọc lại không khớp với bản gốc (ổ có thể hỏng)');
      await rename(partial, target);
      await fsyncDir(location);
    } finally {
      await rm(partial, { force: true }).catch(() => undefined);
    }
    if ((this.state.lastGoodCopy?.name ?? '') <= name) this.state.lastGoodCopy = { name, at: this.clock(), bytes: size };
  }

  private async rotate(location: string, keepDays: number): Promise<void> {
    const there = (await readdir(location)).filter((n) => DAILY.test(n)).sort().reverse();
    for (const old of there.slice(keepDays)) await rm(join(location, old), { force: true });
  }

  private save(): Promise<void> {
    return writeFileDurably(this.statusFile, JSON.stringify({ format: 1, ...this.state }));
  }
}

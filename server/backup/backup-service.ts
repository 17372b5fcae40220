// Backups of the data folder: a download on demand, a restore that is checked before
// anything is replaced (and keeps what it replaced), and one automatic archive a day.
import { mkdir, readdir, rename, rm, stat } from 'node:fs/promises';
import { join } from 'node:path';
import { BACKED_UP, createBackup, unpackAndValidate } from './backup-archive';
import { backupFileName, keptBeforeRestoreName } from './backup-names';

export interface BackupInfo {
  name: string;
  size: number;
  createdAt: number;
}

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

export class BackupService {
  private readonly dir: string;

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

  /** Writes an archive of the data folder and returns its path (the caller streams it). */
  async createNow(name = backupFileName(this.clock(), this.timeZone())): Promise<string> {
    await mkdir(this.dir, { recursive: true });
    const file = join(this.dir, name);
    await createBackup(this.dataDir, file);
    return file;
  }

  async restore(archive: Buffer): Promise<{ keptPreviousIn: string }> {
    const staging = await unpackAndValidate(archive);
    const kept = join(this.dir, keptBeforeRestoreName(this.clock(), this.timeZone()));
    await mkdir(join(kept, 'voice'), { recursive: true });
    await mkdir(join(this.dataDir, 'voice'), { recursive: true });
    try {
      for (const p of BACKED_UP) {
        if (await stat(join(this.dataDir, p)).catch(() => null)) await rename(join(this.dataDir, p), join(kept, p));
        if (await stat(join(staging, p)).catch(() => null)) await rename(join(staging, p), join(this.dataDir, p));
      }
    } finally {
      await rm(staging, { recursive: true, force: true });
    }
    await this.reload();
    return { keptPreviousIn: kept };
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

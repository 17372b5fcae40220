// The real server process under libfaketime: its wall clock is whatever the timestamp file
// says ("@2026-11-24 16:59:00" starts the clock there and lets it run), re-read every
// second, while its monotonic clock (timers) stays real. The test steps the clock back and
// forward by writing the file, as a bad NTP answer or a flat CMOS battery would.
import { spawn, type ChildProcess } from 'node:child_process';
import { existsSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { LIBFAKETIME } from '../soak/server-process';


export function hasFaketime(): boolean {
  return existsSync(LIBFAKETIME);
}

/** "@YYYY-MM-DD HH:MM:SS" in UTC (the server runs with TZ=UTC; the centre's zone is its own). */
export function faketimeStamp(utcMs: number): string {
  return `@${new Date(utcMs).toISOString().slice(0, 19).replace('T', ' ')}`;
}

export interface FaketimeServer {
  url: string;
  proc: ChildProcess;
  log(): string;
  stop(): Promise<void>;
}

export function setServerClock(timestampFile: string, utcMs: number): void {
  writeFileSync(timestampFile, `${faketimeStamp(utcMs)}\n`);
}

/** Starts `server/main.ts` with its clock read from `timestampFile`; resolves once it listens. */
export function startFaketimeServer(opts: { dataDir: string; timestampFile: string; adminPassword: string; env?: Record<string, string> }): Promise<FaketimeServer> {
  const proc = spawn(process.execPath, ['--import', 'tsx', 'server/main.ts'], {
    env: {
      ...process.env,
      TZ: 'UTC',
      LD_PRELOAD: LIBFAKETIME,
      FAKETIME_TIMESTAMP_FILE: opts.timestampFile,
      FAKETIME_CACHE_DURATION: '1',
      FAKETIME_DONT_FAKE_MONOTONIC: '1',
      QMS_DATA_DIR: opts.dataDir,
      PORT: '0',
      QMS_HOST: '127.0.0.1',
      QMS_ADMIN_PASSWORD: opts.adminPassword,
      QMS_LOG_LEVEL: 'info',
      QMS_PRINTER: `file:${join(opts.dataDir, 'prints')}`,
      ...opts.env,
    },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let out = '';
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`server did not start: ${out}`)), 30_000);
    proc.stdout!.on('data', (chunk: Buffer) => {
      out += chunk.toString();
      const m = out.match(/"port":(\d+),"url"/);
      if (m && timer) {
        clearTimeout(timer);
        resolve({
          url: `http://127.0.0.1:${m[1]}`,
          proc,
          log: () => out,
          stop: () =>
            new Promise<void>((done) => {
              if (proc.exitCode !== null) return done();
              proc.once('exit', () => done());
              proc.kill('SIGTERM');
            }),
        });
      }
    });
    proc.stderr!.on('data', (chunk: Buffer) => (out += chunk.toString()));
    proc.once('exit', (code) => {
      clearTimeout(timer);
      reject(new Error(`server exited ${code}: ${out}`));
    });
  });
}

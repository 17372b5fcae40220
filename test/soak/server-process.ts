// The real server as a child process (node + tsx, no npm wrapper, so SIGKILL hits the
// server itself) on one fixed port, so devices reconnect to the same address after a
// kill -9 and a restart on the same data folder.
import { spawn, type ChildProcess } from 'node:child_process';
import { closeSync, openSync, readFileSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import net from 'node:net';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { patience } from '../support/patience';

export const REPO_ROOT = fileURLToPath(new URL('../..', import.meta.url));
const SLOW_DISK_PRELOAD = fileURLToPath(new URL('./slow-disk-preload.ts', import.meta.url));
export const LIBFAKETIME = '/usr/lib/x86_64-linux-gnu/faketime/libfaketime.so.1';
const START_TIMEOUT_MS = 30_000;

function canListen(port: number): Promise<boolean> {
  return new Promise((resolve) => {
    const probe = net.createServer();
    probe.once('error', () => resolve(false));
    probe.listen(port, '127.0.0.1', () => probe.close(() => resolve(true)));
  });
}

/** The first port of the kernel's ephemeral range (what port 0 and outgoing connections get). */
function ephemeralStart(): number {
  try {
    return Number(readFileSync('/proc/sys/net/ipv4/ip_local_port_range', 'utf8').trim().split(/\s+/)[0]) || 32768;
  } catch {
    return 32768;
  }
}

/**
 * A free port below the ephemeral range: while the killed server is down, another test
 * listening on port 0 (or any outgoing connection) cannot be handed the soak's port.
 */
export async function freePort(): Promise<number> {
  const below = ephemeralStart();
  for (let tries = 0; tries < 50; tries++) {
    const port = 20_000 + Math.floor(Math.random() * (below - 20_000));
    if (await canListen(port)) return port;
  }
  throw new Error(`no free port between 20000 and ${below}`);
}

export interface ServerProcessOptions {
  dataDir: string;
  /** Where each start's stdout and stderr go (server-1.log, server-2.log, …). */
  logDir: string;
  port: number;
  adminPassword: string;
  printer: string;
  /** The slow-disk preload reads its delay from this file (see slow-disk-preload.ts). */
  slowDiskFile: string;
  /** When set, the server runs under libfaketime and its clock follows this file ("+0", "-600", "@2026-03-02 01:00:00"). */
  clockFile?: string;
  /** Environment the server starts with besides the soak's own settings. */
  env?: Record<string, string>;
  /** How long a start may take before the soak gives up (default 30 s). */
  startTimeoutMs?: number;
}

export class ServerProcess {
  readonly url: string;
  starts = 0;
  kills = 0;
  private child: ChildProcess | null = null;
  private exited: Promise<void> = Promise.resolve();

  constructor(private readonly opts: ServerProcessOptions) {
    this.url = `http://127.0.0.1:${opts.port}`;
  }

  get running(): boolean {
    return this.child !== null;
  }

  get pid(): number | undefined {
    return this.child?.pid;
  }

  /** Starts the server and resolves once /api/health answers. */
  async start(): Promise<void> {
    if (this.child) throw new Error('server already running');
    this.starts++;
    const log = openSync(join(this.opts.logDir, `server-${this.starts}.log`), 'w');
    const child = spawn(process.execPath, ['--import', 'tsx', '--import', SLOW_DISK_PRELOAD, 'server/main.ts'], {
      cwd: REPO_ROOT,
      env: {
        ...process.env,
        QMS_DATA_DIR: this.opts.dataDir,
        PORT: String(this.opts.port),
        QMS_HOST: '127.0.0.1',
        QMS_PUBLIC_URL: this.url,
        QMS_ADMIN_PASSWORD: this.opts.adminPassword,
        QMS_LOG_LEVEL: 'info',
        QMS_PRINTER: this.opts.printer,
        SOAK_SLOW_DISK_FILE: this.opts.slowDiskFile,
        ...(this.opts.clockFile
          ? { LD_PRELOAD: LIBFAKETIME, FAKETIME_TIMESTAMP_FILE: this.opts.clockFile, FAKETIME_CACHE_DURATION: '1', FAKETIME_DONT_FAKE_MONOTONIC: '1' }
          : {}),
        ...this.opts.env,
      },
      stdio: ['ignore', log, log],
    });
    closeSync(log);
    this.child = child;
    let exitCode: number | null | undefined;
    this.exited = new Promise((resolve) =>
      child.once('exit', (code, signal) => {
        exitCode = code ?? (signal ? -1 : null);
        if (this.child === child) this.child = null;
        resolve();
      }),
    );
    // A start takes longer on a loaded machine: the deadline stretches with the load.
    const timeoutMs = this.opts.startTimeoutMs ?? patience(START_TIMEOUT_MS);
    const deadline = Date.now() + timeoutMs;
    for (;;) {
      if (exitCode !== undefined) throw new Error(`server exited during start (code ${exitCode}); see ${this.logFile()}`);
      if (Date.now() > deadline) throw new Error(`server did not answer within ${timeoutMs} ms; see ${this.logFile()}`);
      try {
        const res = await fetch(`${this.url}/api/health`, { signal: AbortSignal.timeout(1000) });
        if (res.ok) return;
      } catch {
        /* not listening yet */
      }
      await new Promise((r) => setTimeout(r, 50));
    }
  }

  /** kill -9: no shutdown hook runs, whatever was in flight is cut. */
  async kill(): Promise<void> {
    if (!this.child) return;
    this.kills++;
    this.child.kill('SIGKILL');
    await this.exited;
  }

  /** The end of the run: SIGTERM lets the server close its journal; SIGKILL if it hangs. */
  async stop(): Promise<void> {
    const child = this.child;
    if (!child) return;
    child.kill('SIGTERM');
    const timer = setTimeout(() => child.kill('SIGKILL'), 5000);
    await this.exited;
    clearTimeout(timer);
  }

  /** True once the current start's log holds `text`. */
  async waitForLog(text: string, timeoutMs: number): Promise<boolean> {
    const deadline = Date.now() + timeoutMs;
    while (Date.now() < deadline) {
      if ((await readFile(this.logFile(), 'utf8').catch(() => '')).includes(text)) return true;
      await new Promise((r) => setTimeout(r, 100));
    }
    return false;
  }

  logFile(): string {
    return join(this.opts.logDir, `server-${this.starts}.log`);
  }
}

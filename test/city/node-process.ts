// A server of this repository as a child process (node + tsx, no npm wrapper, so SIGKILL
// hits the server itself), started when its health address answers.
import { spawn, type ChildProcess } from 'node:child_process';
import { closeSync, openSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { request } from './https-json';

export const REPO_ROOT = fileURLToPath(new URL('../..', import.meta.url));
const START_TIMEOUT_MS = 60_000;

export class NodeProcess {
  starts = 0;
  private child: ChildProcess | null = null;
  private exited: Promise<void> = Promise.resolve();

  constructor(
    readonly name: string,
    private readonly entry: string,
    private readonly env: Record<string, string>,
    readonly url: string,
    private readonly logDir: string,
    private readonly ca?: string,
  ) {}

  get pid(): number | undefined {
    return this.child?.pid;
  }

  async start(): Promise<void> {
    if (this.child) throw new Error(`${this.name} already running`);
    this.starts++;
    const log = openSync(this.logFile(), 'w');
    const child = spawn(process.execPath, ['--import', 'tsx', this.entry], { cwd: REPO_ROOT, env: { ...process.env, ...this.env }, stdio: ['ignore', log, log] });
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
    const deadline = Date.now() + START_TIMEOUT_MS;
    for (;;) {
      if (exitCode !== undefined) throw new Error(`${this.name} exited during start (code ${exitCode}); see ${this.logFile()}`);
      if (Date.now() > deadline) throw new Error(`${this.name} did not answer within ${START_TIMEOUT_MS} ms; see ${this.logFile()}`);
      const res = await request('GET', `${this.url}/api/health`, { ca: this.ca, timeoutMs: 1000 }).catch(() => null);
      if (res?.status === 200) return;
      await new Promise((r) => setTimeout(r, 100));
    }
  }

  /** kill -9: nothing in flight is finished. */
  async kill(): Promise<void> {
    if (!this.child) return;
    this.child.kill('SIGKILL');
    await this.exited;
  }

  async stop(): Promise<void> {
    const child = this.child;
    if (!child) return;
    child.kill('SIGTERM');
    const timer = setTimeout(() => child.kill('SIGKILL'), 5000);
    await this.exited;
    clearTimeout(timer);
  }

  logFile(): string {
    return join(this.logDir, `${this.name}-${this.starts}.log`);
  }
}

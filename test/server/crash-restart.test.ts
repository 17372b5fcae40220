// kill -9 in the middle of a busy burst, then start again on the same data folder:
// every ticket that was acknowledged is still there, and numbering carries on.
import { spawn, type ChildProcess } from 'node:child_process';
import { appendFile, mkdtemp, readdir, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { patience } from '../support/patience';

const ADMIN = 'crash-test-admin-pw';
const children: ChildProcess[] = [];
let dataDir = '';

afterEach(async () => {
  for (const c of children) c.kill('SIGKILL');
  children.length = 0;
  if (dataDir) await rm(dataDir, { recursive: true, force: true });
});

/** Starts the real server process (node + tsx, no npm wrapper, so SIGKILL hits the server itself). */
function startServer(dir: string): Promise<{ url: string; proc: ChildProcess }> {
  const proc = spawn(process.execPath, ['--import', 'tsx', 'server/main.ts'], {
    env: { ...process.env, QMS_DATA_DIR: dir, PORT: '0', QMS_HOST: '127.0.0.1', QMS_ADMIN_PASSWORD: ADMIN, QMS_LOG_LEVEL: 'info', QMS_PRINTER: `file:${join(dir, 'prints')}` },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  children.push(proc);
  return new Promise((resolve, reject) => {
    let out = '';
    const timer = setTimeout(() => reject(new Error(`server did not start: ${out}`)), patience(30_000));
    proc.stdout!.on('data', (chunk: Buffer) => {
      out += chunk.toString();
      const m = out.match(/"port":(\d+),"url"/);
      if (m) {
        clearTimeout(timer);
        resolve({ url: `http://127.0.0.1:${m[1]}`, proc });
      }
    });
    proc.stderr!.on('data', (chunk: Buffer) => (out += chunk.toString()));
    proc.on('exit', (code) => reject(new Error(`server exited ${code}: ${out}`)));
  });
}

async function post(url: string, path: string, body: unknown, token?: string) {
  const res = await fetch(url + path, {
    method: 'POST',
    headers: { 'content-type': 'application/json', ...(token ? { authorization: `Bearer ${token}` } : {}) },
    body: JSON.stringify(body),
  });
  return { status: res.status, body: await res.json() };
}

describe('a server killed at any moment', () => {
  it('keeps every acknowledged ticket and never repeats a number after restart', { timeout: patience(90_000) }, async () => {
    dataDir = await mkdtemp(join(tmpdir(), 'qms-crash-'));
    const first = await startServer(dataDir);
    const token = (await post(first.url, '/api/auth/login', { username: 'admin', password: ADMIN })).body.token as string;

    const acked: string[] = [];
    let stop = false;
    const worker = async () => {
      while (!stop) {
        try {
          const r = await post(first.url, '/api/tickets', { serviceId: 'chung-thuc' }, token);
          if (r.status === 201) acked.push(r.body.label);
        } catch {
          return; // the server is gone
        }
      }
    };
    const workers = Array.from({ length: 8 }, worker);
    await expect.poll(() => acked.length, { timeout: patience(30_000), interval: 5 }).toBeGreaterThanOrEqual(150);
    first.proc.kill('SIGKILL');
    stop = true;
    await Promise.all(workers);

    const second = await startServer(dataDir);
    // Sessions are on disk: the same token still works after the restart.
    const state = await (await fetch(`${second.url}/api/state`, { headers: { authorization: `Bearer ${token}` } })).json();
    const waiting = state.services.find((s: { id: string }) => s.id === 'chung-thuc').waiting as number;
    expect(waiting).toBeGreaterThanOrEqual(acked.length);
    const day = (await (await fetch(`${second.url}/api/health`)).json()).day as string;
    const lines = (await readFile(join(dataDir, 'journal', `${day}.jsonl`), 'utf8')).trim().split('\n').map((l) => JSON.parse(l));
    const labels = lines.filter((e) => e.type === 'ticket.issued').map((e) => e.ticket.label as string);
    expect(new Set(labels).size).toBe(labels.length);
    for (const label of acked) expect(labels).toContain(label);
    const next = await post(second.url, '/api/tickets', { serviceId: 'chung-thuc' }, token);
    expect(Number(next.body.label)).toBe(1001 + labels.length);
  });

  it('cuts off a torn last line, and sets a damaged line aside keeping every event after it', { timeout: patience(90_000) }, async () => {
    dataDir = await mkdtemp(join(tmpdir(), 'qms-crash-'));
    const first = await startServer(dataDir);
    const token = (await post(first.url, '/api/auth/login', { username: 'admin', password: ADMIN })).body.token as string;
    await post(first.url, '/api/tickets', { serviceId: 'ho-tich' }, token);
    const day = (await (await fetch(`${first.url}/api/health`)).json()).day as string;
    first.proc.kill('SIGKILL');
    const file = join(dataDir, 'journal', `${day}.jsonl`);
    await appendFile(file, '{"seq":3,"type":"ticket.iss'); // a write the crash interrupted

    const second = await startServer(dataDir);
    const r = await post(second.url, '/api/tickets', { serviceId: 'ho-tich' }, token);
    expect(r.body.label).toBe('2002');
    second.proc.kill('SIGKILL');

    const text = await readFile(file, 'utf8');
    // The torn line is gone and the day goes on after it: opened, 2001, 2002.
    expect(text.trim().split('\n').map((l) => JSON.parse(l).seq)).toEqual([1, 2, 3]);
    await writeFile(file, text.replace('"type":"ticket.issued"', '"type":"ticket.issued"XX')); // damage the middle
    const third = await startServer(dataDir);
    const health = await (await fetch(`${third.url}/api/health`)).json();
    // 2002 came after the damaged line (2001's): it is still there, and numbering goes on.
    expect(health.seq).toBe(3);
    const after = await post(third.url, '/api/tickets', { serviceId: 'ho-tich' }, token);
    expect(after.body.label).toBe('2003');
    const copies = await readdir(join(dataDir, 'quarantine'));
    expect(copies.filter((f) => f.startsWith(`${day}-line2-`))).toHaveLength(1);
  });
});

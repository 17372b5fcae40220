// Restore under attack and in normal use: an anonymous 300 MB upload and a 1 MB gzip bomb that
// unpacks to 1 GB must be refused at once with the server's memory flat; a real backup restores.
// Each upload comes from its own process, so the memory measured is the server's alone.
import { spawn } from 'node:child_process';
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { gzipBomb } from '../test/support/archives';
import { startTestServer } from '../test/support/server';
import type { Figure } from './stats';

const MiB = 1024 * 1024;
const FIXTURE_BACKUP = fileURLToPath(new URL('../test/fixtures/data-0.1.0/data/backups/tu-dong-2026-03-18.tar.gz', import.meta.url));

function upload(url: string, token: string | null, what: string | number): Promise<{ status: number; ms: number; sentWhenAnswered: number; attempts: number }> {
  const child = spawn(process.execPath, ['--import', 'tsx', 'bench/restore-upload-client.ts', url, token ?? '-', String(what)], { stdio: ['ignore', 'pipe', 'inherit'] });
  let out = '';
  child.stdout.on('data', (c: Buffer) => (out += c.toString()));
  return new Promise((resolve, reject) => child.on('exit', (code) => (code === 0 ? resolve(JSON.parse(out)) : reject(new Error(`restore upload client exited with ${code}`)))));
}

/** Runs an upload while sampling the server's resident memory; returns the answer and the peak growth. */
async function measured(run: () => ReturnType<typeof upload>) {
  global.gc?.();
  const base = process.memoryUsage().rss;
  let peak = base;
  const sampler = setInterval(() => (peak = Math.max(peak, process.memoryUsage().rss)), 5);
  try {
    const answer = await run();
    return { ...answer, growthMiB: (Math.max(peak, process.memoryUsage().rss) - base) / MiB };
  } finally {
    clearInterval(sampler);
  }
}

export async function benchRestore(): Promise<Figure[]> {
  const server = await startTestServer({ deps: { prepareVoiceOnChange: false } });
  const dir = await mkdtemp(join(tmpdir(), 'qms-bench-restore-'));
  try {
    const admin = await server.login();
    const empty = await measured(() => upload(server.url, null, 0));
    const anonymous = await measured(() => upload(server.url, null, 300 * MiB));
    const bombFile = join(dir, 'bomb.tar.gz');
    await writeFile(bombFile, gzipBomb(1, 1024));
    const bomb = await measured(() => upload(server.url, admin, bombFile));
    const real = await measured(() => upload(server.url, admin, FIXTURE_BACKUP));
    if (anonymous.status !== 401 || bomb.status !== 400 || real.status !== 200) throw new Error(`unexpected answers ${anonymous.status} ${bomb.status} ${real.status}`);
    const bombBytes = (await readFile(bombFile)).length;
    return [
      { name: 'anonymous empty upload → 401 (floor, same run)', value: empty.ms, unit: 'ms' },
      { name: 'anonymous 300 MB upload → 401', value: anonymous.ms, unit: 'ms', target: '≤ 1000 (well under a second)' },
      { name: '  of it sent before the answer', value: anonymous.sentWhenAnswered / MiB, unit: 'MiB' },
      { name: '  attempts until one read its answer (the others: EPIPE first)', value: anonymous.attempts, unit: '' },
      { name: '  server memory growth during it', value: anonymous.growthMiB, unit: 'MiB', target: '≤ 50' },
      { name: `gzip bomb (${(bombBytes / MiB).toFixed(1)} MB → 1 GiB) → 400`, value: bomb.ms, unit: 'ms', target: '≤ 1000' },
      { name: '  server memory growth during it', value: bomb.growthMiB, unit: 'MiB', target: '≤ 50' },
      { name: 'restore of release 0.1.0\'s daily backup (migrated)', value: real.ms, unit: 'ms' },
    ];
  } finally {
    await server.close();
    await rm(dir, { recursive: true, force: true });
  }
}

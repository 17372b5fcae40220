// `npm start` runs the compiled server (scripts/build-server.mjs → dist-server/), not the
// sources: this starts exactly that, from a fresh compile, and uses every thread it has — the
// queue's, the password hasher's, the reports' (a report), the speech engine's (a number never
// spoken) and the file writer's process (a workbook: its lazily loaded chunk) — with no
// TypeScript loader anywhere.
import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sampleCentre } from '@protocol/sample-centre';
import { addDays } from '@protocol/calendar-days';
import { localDay } from '@protocol/local-time';
import { spokenClipTexts } from '../../server/devices/speech/clip-catalog';
import { WARM_UP_BUILDS } from '../../server/reports/warm-up';
import { simulatePeriod } from '../../server/simulator/simulate';
import { patience } from '../support/patience';
import { childPids } from '../support/proc';

const ADMIN = 'compiled-server-admin-pw';
let dataDir = '';
let proc: ChildProcess | undefined;
let url = '';
let token = '';
/** The voice's clip files on disk the moment the server said where it answers. */
let clipsWhenAnswering: string[] = [];
/** The log's lines before the one saying where it answers. */
let logBeforeAnswering: { msg?: string; builds?: number }[] = [];

async function call(method: string, path: string, body?: unknown) {
  const res = await fetch(url + path, {
    method,
    headers: { ...(body === undefined ? {} : { 'content-type': 'application/json' }), ...(token ? { authorization: `Bearer ${token}` } : {}) },
    ...(body === undefined ? {} : { body: JSON.stringify(body) }),
  });
  const type = res.headers.get('content-type') ?? '';
  return { status: res.status, type, body: type.includes('json') ? await res.json() : Buffer.from(await res.arrayBuffer()) };
}

beforeAll(async () => {
  const built = spawnSync(process.execPath, ['scripts/build-server.mjs'], { encoding: 'utf8' });
  expect(built.status, built.stderr).toBe(0);
  dataDir = await mkdtemp(join(tmpdir(), 'qms-compiled-'));
  // Closed days before its first start, for the reports' warm-up to build over.
  const today = localDay(Date.now(), sampleCentre.centre.timeZone);
  await simulatePeriod({ dataDir, from: addDays(today, -9), to: addDays(today, -2), visits: 120, seed: 4 });
  proc = spawn(process.execPath, ['dist-server/main.mjs'], {
    env: { ...process.env, QMS_DATA_DIR: dataDir, PORT: '0', QMS_HOST: '127.0.0.1', QMS_ADMIN_PASSWORD: ADMIN, QMS_LOG_LEVEL: 'info', QMS_PRINTER: `file:${join(dataDir, 'prints')}` },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  url = await new Promise<string>((resolve, reject) => {
    let out = '';
    const timer = setTimeout(() => reject(new Error(`compiled server did not start: ${out}`)), patience(30_000));
    proc!.stdout!.on('data', (chunk: Buffer) => {
      out += chunk.toString();
      const m = out.match(/"port":(\d+),"url"/);
      if (m) {
        logBeforeAnswering = out.slice(0, out.lastIndexOf('\n', m.index)).split('\n').flatMap((line) => (line.startsWith('{') ? [JSON.parse(line)] : []));
        clearTimeout(timer);
        resolve(`http://127.0.0.1:${m[1]}`);
      }
    });
    proc!.stderr!.on('data', (chunk: Buffer) => (out += chunk.toString()));
    proc!.once('exit', (code) => reject(new Error(`compiled server exited ${code}: ${out}`)));
  });
  clipsWhenAnswering = existsSync(join(dataDir, 'voice', 'default')) ? readdirSync(join(dataDir, 'voice', 'default')).filter((f) => f.endsWith('.wav')) : [];
  const login = await call('POST', '/api/auth/login', { username: 'admin', password: ADMIN });
  expect(login.status).toBe(200);
  token = login.body.token;
}, patience(60_000));

afterAll(async () => {
  proc?.kill('SIGKILL');
  if (dataDir) await rm(dataDir, { recursive: true, force: true });
});

describe('the compiled server (npm start)', () => {
  it('loads skia (tickets) and serialport (serial lines) only once something needs them', () => {
    const maps = readFileSync(`/proc/${proc!.pid}/maps`, 'utf8');
    expect(maps).not.toContain('skia');
    expect(maps).not.toContain('serialport');
  });

  it('issues a durable ticket and prints it, and reports it from its reports thread, as a workbook too from its file writer', async () => {
    // The kiosk prints every ticket it issues: a manager pairs it where it stands.
    const kiosk = await call('POST', '/api/devices/pair', { deviceId: 'kiosk-1' });
    expect(kiosk.status).toBe(201);
    const manager = token;
    token = kiosk.body.token;
    const issued = await call('POST', '/api/tickets', { serviceId: 'chung-thuc' });
    token = manager;
    expect(issued.status).toBe(201);
    const day = (await call('GET', '/api/health')).body.day as string;
    const journal = readFileSync(join(dataDir, 'journal', `${day}.jsonl`), 'utf8');
    expect(journal).toContain(issued.body.id);
    expect(issued.body.printed).toBe(true);
    expect(readdirSync(join(dataDir, 'prints')).some((f) => f.endsWith('.png'))).toBe(true);
    expect(readFileSync(`/proc/${proc!.pid}/maps`, 'utf8')).toContain('skia');

    const report = await call('GET', `/api/reports?from=${day}&to=${day}`);
    expect(report.status).toBe(200);
    expect(report.body.totals.visits.visits).toBe(1);
    const workbook = await call('GET', `/api/reports/export.xlsx?from=${day}&to=${day}`);
    expect(workbook.status).toBe(200);
    expect((workbook.body as Buffer).subarray(0, 2).toString()).toBe('PK');
  });

  // A new data folder's voice is made before the server answers (server/main.ts).
  it('answers with every clip of its voice made', () => {
    expect(clipsWhenAnswering.sort()).toEqual([...spokenClipTexts(sampleCentre.voice).keys()].map((key) => `${key}.wav`).sort());
  });

  // Its reports' code compiled before it answers (server/main.ts), over the closed days.
  it('answers with its reports warmed up', () => {
    expect(logBeforeAnswering.find((line) => line.msg === 'reports warmed up')?.builds).toBe(WARM_UP_BUILDS.length);
  });

  it('speaks a number never spoken before from its speech thread', { timeout: patience(60_000) }, async () => {
    const wav = await call('GET', '/api/voice/call.wav?label=4321&counter=3');
    expect(wav.status).toBe(200);
    const bytes = wav.body as Buffer;
    expect(bytes.subarray(0, 4).toString()).toBe('RIFF');
    // Far more than the chime alone: the sentence was synthesised.
    expect(bytes.length).toBeGreaterThan(100_000);
  });

  // After the two tests above: the reports' and the speech threads are up (each goes after a
  // minute idle), and the password hasher's since the sign-in.
  it('runs the password hasher, the reports and the speech engine below the queue’s thread', () => {
    const niceOf = (tid: string) => Number(readFileSync(`/proc/${proc!.pid}/task/${tid}/stat`, 'utf8').split(') ')[1].split(' ')[16]);
    const tids = readdirSync(`/proc/${proc!.pid}/task`);
    expect(niceOf(String(proc!.pid))).toBe(0);
    expect(tids.filter((t) => niceOf(t) === 10)).toHaveLength(3);
  });

  // tsx compiles through an esbuild service process it starts beside the server.
  it('runs with no TypeScript loader: no esbuild service beside it', () => {
    // The kernel's list of the server's children, from each of its threads; one that ends
    // meanwhile (a report file writer) has no name left to read and is no loader.
    const names = childPids(proc!.pid!).flatMap((p) => {
      try {
        return [readFileSync(`/proc/${p}/comm`, 'utf8').trim()];
      } catch {
        return [];
      }
    });
    expect(names).not.toContain('esbuild');
  });
});

/** The packages a compiled entry loads as it starts: its static imports, followed through its chunks. */
function packagesLoadedBy(entry: string): string[] {
  const seen = new Set<string>();
  const packages = new Set<string>();
  const visit = (file: string) => {
    if (seen.has(file)) return;
    seen.add(file);
    const code = readFileSync(join('dist-server', file), 'utf8');
    // Static imports only: `import(...)` is what loads a chunk when first needed.
    for (const m of code.matchAll(/^(?:import|export)\b[^'"();]*?(?:from\s*)?["']([^"']+)["'];?$/gm)) {
      const spec = m[1];
      if (spec.startsWith('./')) visit(spec.slice(2));
      else if (!spec.startsWith('node:')) packages.add(spec);
    }
  };
  visit(entry);
  return [...packages].sort();
}

describe("the reports' thread as compiled", () => {
  // A thread started afresh (after a minute idle) answers the next report: what it loads at
  // start is part of that answer's time. zod alone cost it 50 ms, piscina 15 and papaparse 10.
  it('starts with no package loaded: the file writers come when a file is asked for', () => {
    expect(packagesLoadedBy('main.mjs')).toContain('zod');
    expect(packagesLoadedBy('report-worker.mjs')).toEqual([]);
  });
});

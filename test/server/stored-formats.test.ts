// Stored files carry their format and are migrated on open; a file that cannot be read stops
// the start with one sentence naming it and the latest backup, and is left as it was. Before,
// a config.json that did not validate was moved aside and the sample centre ("phường Mẫu")
// took its place; a damaged accounts.json brought back the 12 sample accounts with the public
// password and dropped every pairing.
import { spawn } from 'node:child_process';
import { cp, mkdtemp, readdir, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterEach, describe, expect, it } from 'vitest';
import { startTestServer, type TestServer } from '../support/server';

const FIXTURE = fileURLToPath(new URL('../fixtures/data-0.1.0/', import.meta.url));
const REPO = fileURLToPath(new URL('../..', import.meta.url));
const recorded = JSON.parse(await readFile(join(FIXTURE, 'recorded.json'), 'utf8'));
const clock = () => recorded.clock + 60_000;

let server: TestServer | undefined;
let dataDir: string;
afterEach(async () => {
  await server?.close();
  server = undefined;
  await rm(dataDir, { recursive: true, force: true });
});

async function releaseFolder(): Promise<string> {
  dataDir = await mkdtemp(join(tmpdir(), 'qms-formats-'));
  await cp(join(FIXTURE, 'data'), dataDir, { recursive: true });
  return dataDir;
}

const start = (dir: string) => startTestServer({ dataDir: dir, deps: { clock, prepareVoiceOnChange: false } });

/** Starts the server expecting a refusal; returns the sentence. */
async function refusal(dir: string): Promise<string> {
  const err = await start(dir).then(
    (s) => {
      server = s;
      throw new Error('the server started');
    },
    (e: Error) => e,
  );
  expect(err.name).toBe('StartRefused');
  return err.message;
}

describe('stored formats', () => {
  it('migrates release 0.1.0\'s config.json to the current format, keeping the file as it was', async () => {
    const dir = await releaseFolder();
    const original = await readFile(join(dir, 'config.json'), 'utf8');
    server = await start(dir);
    const onDisk = JSON.parse(await readFile(join(dir, 'config.json'), 'utf8'));
    expect(onDisk).toMatchObject({
      format: 3,
      centre: { name: recorded.config.centre.name },
      backup: { keepDays: 14, secondLocation: '' },
      phoneNumbers: { enabled: false, priorityCategoryIds: [] },
      appointments: { enabled: false, fields: [] },
    });
    const copies = (await readdir(dir)).filter((n) => n.startsWith('config.json.format-1-'));
    expect(copies).toHaveLength(1);
    expect(await readFile(join(dir, copies[0]), 'utf8')).toBe(original);

    // accounts.json is already in the current format: nothing to migrate, and the next write says so.
    expect((await readdir(dir)).some((n) => n.startsWith('accounts.json.format-'))).toBe(false);
    await server.login('canbo1', recorded.passwords.canbo1);
    await server.app.close();
    expect(JSON.parse(await readFile(join(dir, 'accounts.json'), 'utf8')).format).toBe(1);

    // A second start has nothing more to migrate.
    server = await start(dir);
    expect((await readdir(dir)).filter((n) => n.startsWith('config.json.format-'))).toHaveLength(1);
  });

  it('refuses to start on a config.json cut in half, naming it and the latest backup, and leaves it as it is', async () => {
    const dir = await releaseFolder();
    const text = await readFile(join(dir, 'config.json'), 'utf8');
    await writeFile(join(dir, 'config.json'), text.slice(0, text.length / 2));
    const sentence = await refusal(dir);
    expect(sentence).toContain(join(dir, 'config.json'));
    expect(sentence).toContain(join(dir, 'backups', 'tu-dong-2026-03-18.tar.gz'));
    expect(sentence).toMatch(/Không mở được tệp dữ liệu .* \/ Cannot open data file /);
    expect(await readFile(join(dir, 'config.json'), 'utf8')).toBe(text.slice(0, text.length / 2));
    expect((await readdir(dir)).filter((n) => n.startsWith('config.json'))).toEqual(['config.json']);
  });

  it('refuses to start on a config.json that no longer validates, naming the field', async () => {
    const dir = await releaseFolder();
    const config = JSON.parse(await readFile(join(dir, 'config.json'), 'utf8'));
    config.counters[4].serviceIds = ['ho-tich-cu'];
    await writeFile(join(dir, 'config.json'), JSON.stringify(config));
    const sentence = await refusal(dir);
    expect(sentence).toContain('counters.4.serviceIds: unknown field ho-tich-cu');
    expect(JSON.parse(await readFile(join(dir, 'config.json'), 'utf8'))).toEqual(config);
  });

  it('refuses to start on a damaged accounts.json: no sample accounts, and the pairings stay on disk', async () => {
    const dir = await releaseFolder();
    const text = await readFile(join(dir, 'accounts.json'), 'utf8');
    await writeFile(join(dir, 'accounts.json'), text.slice(0, 2000));
    const sentence = await refusal(dir);
    expect(sentence).toContain(join(dir, 'accounts.json'));
    expect(await readFile(join(dir, 'accounts.json'), 'utf8')).toBe(text.slice(0, 2000));
    expect((await readdir(dir)).filter((n) => n.startsWith('accounts.json'))).toEqual(['accounts.json']);
  });

  it('refuses to start on a file from a newer release, naming both formats', async () => {
    const dir = await releaseFolder();
    const config = JSON.parse(await readFile(join(dir, 'config.json'), 'utf8'));
    await writeFile(join(dir, 'config.json'), JSON.stringify({ ...config, format: 7 }));
    expect(await refusal(dir)).toContain('written by a newer release (format 7; this release reads formats up to 3)');
  });

  it('refuses to start when config.json is gone but accounts.json is there: that is not a first start', async () => {
    const dir = await releaseFolder();
    await rm(join(dir, 'config.json'));
    expect(await refusal(dir)).toContain('missing while accounts.json is there');
    expect((await readdir(dir)).includes('config.json')).toBe(false);
  });

  it('the real server process prints the one sentence and exits with 1', async () => {
    const dir = await releaseFolder();
    await writeFile(join(dir, 'accounts.json'), '{"users": [');
    const child = spawn(process.execPath, ['--import', 'tsx', 'server/main.ts'], {
      cwd: REPO,
      env: { ...process.env, QMS_DATA_DIR: dir, PORT: '0', QMS_HOST: '127.0.0.1', QMS_LOG_LEVEL: 'info' },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let output = '';
    child.stdout.on('data', (b) => (output += b));
    child.stderr.on('data', (b) => (output += b));
    // A server that starts instead (the old behaviour) is stopped, and the test fails below.
    const timer = setTimeout(() => child.kill('SIGKILL'), 20_000);
    const code = await new Promise<number | null>((resolve) => child.on('exit', resolve));
    clearTimeout(timer);
    expect(code).toBe(1);
    const fatal = output
      .split('\n')
      .filter(Boolean)
      .map((l) => JSON.parse(l))
      .filter((l) => l.level === 60);
    expect(fatal).toHaveLength(1);
    expect(fatal[0].msg).toContain(`Không mở được tệp dữ liệu ${join(dir, 'accounts.json')}`);
    expect(output).not.toContain('Máy chủ xếp hàng đang chạy');
  });
});

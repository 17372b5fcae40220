// A new release opens every older release's data folder unchanged: the same centre, the same
// people and paired devices, today's queue where it was, and the same figures in the reports.
// Each test/fixtures/data-<release>/ was written by that release through its own API
// (test/fixtures/write-data-folder.ts); recorded.json is what that server answered then.
import { cp, mkdtemp, readdir, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterEach, describe, expect, it } from 'vitest';
import { newFigures, oldFigures } from '../support/report-figures';
import { startTestServer, type TestServer } from '../support/server';

const fixtures = fileURLToPath(new URL('../fixtures/', import.meta.url));
const releases = (await readdir(fixtures)).filter((name) => name.startsWith('data-')).sort();

let server: TestServer | undefined;
let dataDir: string | undefined;
afterEach(async () => {
  await server?.close();
  server = undefined;
  if (dataDir) await rm(dataDir, { recursive: true, force: true });
});

/** A copy of the fixture's data folder: the server migrates what it opens, the fixture stays as written. */
async function copyOf(release: string): Promise<string> {
  dataDir = await mkdtemp(join(tmpdir(), `qms-${release}-`));
  await cp(join(fixtures, release, 'data'), dataDir, { recursive: true });
  return dataDir;
}

/** The last label issued today for a field, read from the fixture's own journal. */
async function lastLabelToday(release: string, day: string, serviceId: string): Promise<string> {
  const lines = (await readFile(join(fixtures, release, 'data', 'journal', `${day}.jsonl`), 'utf8')).trim().split('\n');
  const issued = lines.map((l) => JSON.parse(l)).filter((e) => e.type === 'ticket.issued' && e.ticket.serviceId === serviceId);
  return issued.at(-1).ticket.label;
}

describe.each(releases)('the data folder of release %s', (release) => {
  it('opens with the same centre, accounts, paired devices, queue and figures', async () => {
    const recorded = JSON.parse(await readFile(join(fixtures, release, 'recorded.json'), 'utf8'));
    const now = recorded.clock + 5 * 60_000;
    server = await startTestServer({ dataDir: await copyOf(release), deps: { clock: () => now, prepareVoiceOnChange: false } });

    // The session a manager had open before the upgrade still works, and so does every password.
    expect((await server.http('GET', '/api/auth/me', undefined, recorded.managerSession)).body).toMatchObject({ role: 'manager', id: 'admin' });
    const admin = await server.login('admin', recorded.passwords.admin);
    expect(await server.login('canbo1', recorded.passwords.canbo1)).toBeTruthy();
    expect(await server.login('canbo10', recorded.passwords.canbo10)).toBeTruthy();
    expect((await server.http('POST', '/api/auth/login', { username: 'canbo1', password: 'doimatkhau' })).status).toBe(401);
    expect((await server.http('POST', '/api/auth/login', { username: 'quansu1', password: 'doimatkhau' })).status).toBe(401);

    // Not the sample centre: the centre's own name, fields and hours.
    expect((await server.http('GET', '/api/config', undefined, admin)).body).toMatchObject(recorded.config);
    // The same accounts; a release before 0.2 did not record which still had the sample password, so it is worked out once.
    const users = (await server.http('GET', '/api/users', undefined, admin)).body as { username: string; mustChangePassword: boolean }[];
    expect(users).toEqual(recorded.users.map((u: object) => ({ ...u, mustChangePassword: expect.any(Boolean) })));
    const stillDefault = users.filter((u) => u.mustChangePassword).map((u) => u.username);
    expect(stillDefault).not.toContain('canbo1');
    expect(stillDefault).toContain('canbo2');

    // Every paired device is still paired: its token still says who it is.
    for (const [deviceId, token] of Object.entries(recorded.deviceTokens as Record<string, string>)) {
      expect((await server.http('GET', '/api/auth/me', undefined, token)).body).toMatchObject({ id: deviceId });
    }
    const devices = (await server.http('GET', '/api/devices', undefined, admin)).body as { id: string; pairedTokens: number }[];
    expect(Object.fromEntries(devices.filter((d) => d.pairedTokens > 0).map((d) => [d.id, d.pairedTokens]))).toEqual(recorded.pairings);

    // Today's queue is where it was, and numbering carries on.
    expect((await server.http('GET', '/api/state', undefined, admin)).body).toMatchObject(recorded.state);
    const health = (await server.http('GET', '/api/health', undefined, admin)).body;
    expect(health.day).toBe(recorded.health.day);
    // Every event of the day is still there; the rating prompts that ran out since then add theirs.
    expect(health.seq).toBeGreaterThanOrEqual(recorded.health.seq);
    const last = Number(await lastLabelToday(release, recorded.health.day, 'ho-tich'));
    expect((await server.http('POST', '/api/tickets', { serviceId: 'ho-tich' }, admin)).body.label).toBe(String(last + 1));

    // The figures managers reported then are the figures they get now.
    const { from, to } = recorded.closedDaysReport;
    expect(newFigures((await server.http('GET', `/api/reports?from=${from}&to=${to}`, undefined, admin)).body)).toEqual(oldFigures(recorded.closedDaysReport));
    expect((await server.http('GET', '/api/procedures?limit=100', undefined, admin)).body).toEqual(recorded.procedures);
    const audit = (await server.http('GET', '/api/audit?limit=1000', undefined, admin)).body as unknown[];
    expect(audit.slice(audit.length - recorded.audit.length)).toEqual(recorded.audit);
    const backups = (await server.http('GET', '/api/backup/list', undefined, admin)).body as { name: string }[];
    expect(backups.map((b) => b.name)).toEqual(expect.arrayContaining(recorded.backups.map((b: { name: string }) => b.name)));
  });

  it('closes the last open day on a later day with the figures it had', async () => {
    const recorded = JSON.parse(await readFile(join(fixtures, release, 'recorded.json'), 'utf8'));
    const nextMorning = recorded.clock + 24 * 3_600_000;
    server = await startTestServer({ dataDir: await copyOf(release), deps: { clock: () => nextMorning, prepareVoiceOnChange: false } });
    const admin = await server.login('admin', recorded.passwords.admin);
    expect((await server.http('GET', '/api/health', undefined, admin)).body.day).not.toBe(recorded.health.day);
    const { from, to } = recorded.periodReport;
    const report = (await server.http('GET', `/api/reports?from=${from}&to=${to}`, undefined, admin)).body;
    // Today was live then and is a closed day now; every figure is the same.
    expect(newFigures(report, recorded.periodReport.includesToday)).toEqual(oldFigures(recorded.periodReport));
  });
});

// Guessing passwords and pairing codes from the citizens' side: a burst is counted before
// any hash, a stranger does not lock the managers out, and pairing has its own budget.
import { afterEach, describe, expect, it } from 'vitest';
import { httpFrom } from '../support/http-from';
import { ADMIN_PASSWORD, startTestServer, type TestServer } from '../support/server';

const STRANGER = '127.0.0.5';
const KIOSK = '127.0.0.2';
const STAFF_PC = '127.0.0.3';

let server: TestServer | undefined;
afterEach(async () => {
  await server?.close();
  server = undefined;
});

/** A clock that stands still: however long the machine takes over a burst, no backoff runs out during it. */
function stillClock() {
  const now = Date.now();
  return { deps: { clock: () => now } };
}

const login = (from: string, username: string, password: string) => httpFrom(from, server!.url, 'POST', '/api/auth/login', { username, password });
const codes = (answers: { body: { code?: string } }[]) => answers.map((a) => a.body.code ?? 'ok').sort();
const count = (list: string[]) => list.reduce<Record<string, number>>((m, c) => ((m[c] = (m[c] ?? 0) + 1), m), {});

describe('password guessing', () => {
  it('checks only five of 200 wrong passwords sent at once, and the right one after them gets no token', async () => {
    server = await startTestServer(stillClock());
    const burst = count(codes(await Promise.all(Array.from({ length: 200 }, (_, i) => login(STRANGER, 'admin', `sai-${i}`)))));
    // Refused unchecked: rate-limited while five are being checked, account-locked once they failed.
    expect(burst['login-failed']).toBe(5);
    expect((burst['rate-limited'] ?? 0) + (burst['account-locked'] ?? 0)).toBe(195);
    const right = await login(STRANGER, 'admin', ADMIN_PASSWORD);
    expect(right.status).toBe(429);
    // Locked for the name, or refused by the address's request budget first: either way unchecked.
    expect(['account-locked', 'rate-limited']).toContain(right.body.code);
    expect(right.body.messageVi).toEqual(expect.any(String));
    expect(right.body.token).toBeUndefined();
  });

  it('does not lock the manager out at the kiosk while a stranger guesses the manager\u2019s password elsewhere', async () => {
    server = await startTestServer();
    await Promise.all(Array.from({ length: 200 }, (_, i) => login(STRANGER, 'admin', `sai-${i}`)));
    const atKiosk = await login(KIOSK, 'admin', ADMIN_PASSWORD);
    expect(atKiosk.status).toBe(200);
    expect(atKiosk.body.token).toEqual(expect.any(String));
  });

  it('a stranger at the kiosk\u2019s address guessing other names delays the manager there by the backoff, not 15 minutes, and never blocks pairing', async () => {
    let now = Date.now();
    server = await startTestServer({ deps: { clock: () => now } });
    const admin = await server.login();
    const code = (await server.http('POST', '/api/devices/pairing-codes', { deviceId: 'kiosk-1' }, admin)).body.code;
    for (let i = 0; i < 30; i++) await login(KIOSK, `canbo${(i % 9) + 1}`, `sai-${i}`);
    // Pairing keeps its own count: the kiosk pairs at once.
    expect((await httpFrom(KIOSK, server.url, 'POST', '/api/devices/pair', { code })).status).toBe(201);
    const during = await login(KIOSK, 'admin', ADMIN_PASSWORD);
    expect(during.body.code).toBe('rate-limited');
    // From the staff PC nothing changed.
    expect((await login(STAFF_PC, 'admin', ADMIN_PASSWORD)).status).toBe(200);
    now += 61_000;
    expect((await login(KIOSK, 'admin', ADMIN_PASSWORD)).status).toBe(200);
  });

  it('slows a spray of one password over many names from one address', async () => {
    server = await startTestServer(stillClock());
    const names = Array.from({ length: 40 }, (_, i) => `nguoi${i}`);
    const spray = await Promise.all(names.map((n) => login(STRANGER, n, 'doimatkhau')));
    expect(count(codes(spray))).toEqual({ 'login-failed': 10, 'rate-limited': 30 });
  });
});

describe('pairing code guessing', () => {
  it('checks only a few of 200 codes sent at once, and the kiosk elsewhere still pairs', async () => {
    server = await startTestServer(stillClock());
    const admin = await server.login();
    const { code } = (await server.http('POST', '/api/devices/pairing-codes', { deviceId: 'kiosk-1' }, admin)).body;
    const wrong = Array.from({ length: 200 }, (_, i) => String((Number(code) + 1 + i) % 1_000_000).padStart(6, '0'));
    const burst = await Promise.all(wrong.map((c) => httpFrom(STRANGER, server!.url, 'POST', '/api/devices/pair', { code: c })));
    expect(count(codes(burst))).toEqual({ 'invalid-pairing-code': 5, 'rate-limited': 195 });
    expect((await httpFrom(STRANGER, server.url, 'POST', '/api/devices/pair', { code })).body.code).toBe('rate-limited');
    expect((await httpFrom(KIOSK, server.url, 'POST', '/api/devices/pair', { code })).status).toBe(201);
  });
});

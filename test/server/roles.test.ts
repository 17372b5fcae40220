// Every role × every action, against the running server: allowed exactly where the
// permission table says, refused with the right code everywhere else.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Role } from '@protocol/events';
import { isAllowed, roles, type Action } from '../../server/auth/permissions';
import { nextEvent, startTestServer, type TestServer } from '../support/server';

let server: TestServer;
const tokens: Partial<Record<Role, string>> = {};

beforeAll(async () => {
  server = await startTestServer();
  tokens.manager = await server.login();
  tokens.staff = await server.login('canbo1');
  await server.http('POST', '/api/counters/6/sign-in', undefined, tokens.staff);
  const guide = await server.http('POST', '/api/users', { username: 'huongdan1', name: 'Lê Thị Hướng', role: 'guide', password: 'mat-khau-dau-tien' }, tokens.manager);
  expect(guide.status).toBe(201);
  tokens.guide = await server.login('huongdan1', 'mat-khau-dau-tien');
  tokens.kiosk = await server.pair('kiosk-1');
  tokens['counter-display'] = await server.pair('counter-display-6');
  tokens['central-display'] = await server.pair('central-display-1');
  tokens['rating-terminal'] = await server.pair('rating-terminal-6');
});
afterAll(async () => {
  await server.close();
});

/** One HTTP request per action that needs exactly that permission. Success codes are not checked here, only refusals. */
const probes: Partial<Record<Action, (token?: string) => Promise<{ status: number; body: any }>>> = {
  'ticket.issue': (t) => server.http('POST', '/api/tickets', { serviceId: 'chung-thuc' }, t),
  'state.read': (t) => server.http('GET', '/api/state', undefined, t),
  'config.read': (t) => server.http('GET', '/api/config', undefined, t),
  'config.write': (t) => server.http('PUT', '/api/config', { nonsense: true }, t),
  'devices.manage': (t) => server.http('POST', '/api/devices/pairing-codes', { deviceId: 'kiosk-1' }, t),
  'users.manage': (t) => server.http('GET', '/api/users', undefined, t),
  'counter.act': (t) => server.http('POST', '/api/counters/6/pause', { reason: 'Đi họp' }, t),
  'counter.sign-in': (t) => server.http('POST', '/api/counters/6/sign-in', undefined, t),
  'ticket.rate': (t) => server.http('POST', '/api/ratings', { ticketId: 'khongcophieunay', score: 3 }, t),
  'reports.read': (t) => server.http('GET', '/api/reports?from=2026-01-01&to=2026-01-31', undefined, t),
};

describe('the role matrix over HTTP', () => {
  for (const role of roles) {
    for (const [action, probe] of Object.entries(probes) as [Action, NonNullable<(typeof probes)[Action]>][]) {
      const allowed = isAllowed(role, action);
      it(`${role} ${allowed ? 'may' : 'may not'} ${action}`, async () => {
        const res = await probe(tokens[role]);
        if (allowed) {
          expect([401, 403]).not.toContain(res.status);
        } else {
          expect(res.status).toBe(role === 'public' ? 401 : 403);
          expect(res.body.code).toBe(role === 'public' ? 'unauthorized' : 'forbidden');
        }
      });
    }
  }

  it('staff may act only at the counter they signed in at', async () => {
    expect((await server.http('POST', '/api/counters/7/pause', { reason: 'x' }, tokens.staff)).body.code).toBe('not-your-counter');
    expect((await server.http('POST', '/api/counters/6/pause', { reason: 'x' }, tokens.staff)).status).toBe(200);
    expect((await server.http('POST', '/api/counters/6/resume', {}, tokens.staff)).status).toBe(200);
  });

  it('a manager supervises any counter', async () => {
    expect((await server.http('POST', '/api/counters/6/pause', { reason: 'Kiểm tra' }, tokens.manager)).status).toBe(200);
    expect((await server.http('POST', '/api/counters/6/resume', {}, tokens.manager)).status).toBe(200);
  });

  it('a revoked device stops working at once', async () => {
    const token = await server.pair('kiosk-1');
    const { socket } = await server.client(token);
    const ended = nextEvent(socket, 'session:ended');
    const cut = new Promise((resolve) => socket.once('disconnect', resolve));
    await server.http('DELETE', '/api/devices/kiosk-1/pairing', undefined, tokens.manager);
    expect(await ended).toEqual(['revoked']);
    await cut;
    expect((await server.http('POST', '/api/tickets', { serviceId: 'chung-thuc' }, token)).status).toBe(401);
    tokens.kiosk = await server.pair('kiosk-1');
  });

  it('a wrong password is refused and repeated failures lock the name', async () => {
    for (let i = 0; i < 5; i++) expect((await server.http('POST', '/api/auth/login', { username: 'canbo9', password: 'sai' })).body.code).toBe('login-failed');
    expect((await server.http('POST', '/api/auth/login', { username: 'canbo9', password: 'doimatkhau' })).body.code).toBe('account-locked');
  });

  it('a phone sees no queue: no snapshot, and asking for one is refused', async () => {
    await server.http('POST', '/api/tickets', { serviceId: 'ho-tich' }, tokens.manager);
    const { socket } = await server.client();
    let snapshots = 0;
    socket.on('state:snapshot', () => snapshots++);
    expect(await socket.emitWithAck('state:request', {})).toMatchObject({ ok: false, error: { code: 'unauthorized' } });
    await new Promise((r) => setTimeout(r, 200));
    expect(snapshots).toBe(0);
  });

  it('a pairing code works once', async () => {
    const code = (await server.http('POST', '/api/devices/pairing-codes', { deviceId: 'central-display-2' }, tokens.manager)).body.code;
    expect((await server.http('POST', '/api/devices/pair', { code })).status).toBe(201);
    expect((await server.http('POST', '/api/devices/pair', { code })).body.code).toBe('invalid-pairing-code');
  });
});

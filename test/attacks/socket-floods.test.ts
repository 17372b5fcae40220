// A crowd of phones, or one socket sending as fast as it can, must not shut out the centre's
// own devices or reach the displays: admission counts only joined phone sockets, and every
// socket has a budget of commands per second.
import { request } from 'node:http';
import { io as ioClient } from 'socket.io-client';
import { afterEach, describe, expect, it } from 'vitest';
import { PHONE_ADDRESS_BUDGET, SOCKET_BUDGETS } from '../../server/transport/socket/command-budget';
import { startTestServer, type TestClient, type TestServer } from '../support/server';

let server: TestServer | undefined;
const opened: TestClient[] = [];
afterEach(async () => {
  for (const s of opened.splice(0)) s.close();
  await server?.close();
  server = undefined;
});

/** An engine.io polling handshake that never joins, as a script flooding the hall's Wi-Fi sends. */
function bareHandshake(url: string, localAddress: string): Promise<number> {
  return new Promise((resolve) => {
    const req = request(`${url}/socket.io/?EIO=4&transport=polling`, { localAddress, agent: false }, (res) => {
      res.resume();
      res.on('end', () => resolve(res.statusCode ?? 0));
    });
    req.on('error', () => resolve(0));
    req.end();
  });
}

/** A phone's socket (no token) from a given address: resolves with "connected" or the refusal. */
function phone(url: string, localAddress: string): Promise<string> {
  return new Promise((resolve) => {
    const s: TestClient = ioClient(url, { transports: ['websocket'], forceNew: true, reconnection: false, localAddress } as never);
    opened.push(s);
    s.once('connect', () => resolve('connected'));
    s.once('connect_error', (err) => resolve(err.message));
  });
}

describe('admission', () => {
  it('600 anonymous handshakes in a burst do not lock the kiosk out: it connects and issues', async () => {
    server = await startTestServer();
    const kioskToken = await server.pair('kiosk-1');
    const burst = await Promise.all(Array.from({ length: 600 }, (_, i) => bareHandshake(server!.url, `127.0.1.${(i % 6) + 1}`)));
    expect(burst.filter((s) => s === 200).length).toBeGreaterThan(0);
    const kiosk = await server.client(kioskToken);
    opened.push(kiosk.socket);
    expect(await kiosk.socket.emitWithAck('ticket:issue', { serviceId: 'ho-tich' })).toMatchObject({ ok: true });
  });

  it('phones full up to their limit, in total and per address, and every device and manager still gets in', async () => {
    server = await startTestServer({ env: { QMS_MAX_CONNECTIONS: '12', QMS_PHONE_SOCKETS_PER_ADDRESS: '4' } });
    const tokens = {
      kiosk: await server.pair('kiosk-1'),
      central: await server.pair('central-display-1'),
      counter: await server.pair('counter-display-5'),
      manager: await server.login(),
    };
    const first = await Promise.all(Array.from({ length: 5 }, () => phone(server!.url, '127.0.2.1')));
    expect(first.sort()).toEqual(['connected', 'connected', 'connected', 'connected', 'too-many-connections']);
    const rest = [];
    for (let i = 0; i < 9; i++) rest.push(await phone(server.url, `127.0.2.${2 + (i % 3)}`));
    expect(rest.filter((r) => r === 'connected')).toHaveLength(8);
    expect(rest.at(-1)).toBe('too-many-connections');
    for (const [who, token] of Object.entries(tokens)) {
      const c = await server.client(token).catch((err: Error) => err.message);
      expect(typeof c === 'string' ? `${who}: ${c}` : who).toBe(who);
      if (typeof c !== 'string') opened.push(c.socket);
    }
  });
});

describe('commands per second', () => {
  it('5 anonymous sockets × 2,000 ticket:watch: only the budget is answered, the rest is rate-limited, and the kiosk still issues', async () => {
    server = await startTestServer();
    const admin = await server.login();
    const ticket = (await server.http('POST', '/api/tickets', { serviceId: 'ho-tich' }, admin)).body;
    const phones = await Promise.all(Array.from({ length: 5 }, async () => (await server!.client()).socket));
    const started = performance.now();
    const answers = await Promise.all(phones.flatMap((p) => Array.from({ length: 2000 }, () => p.timeout(20_000).emitWithAck('ticket:watch', { ticketId: ticket.id }))));
    const seconds = (performance.now() - started) / 1000;
    const ok = answers.filter((a) => a.ok).length;
    expect(ok).toBeLessThanOrEqual(PHONE_ADDRESS_BUDGET.burst + Math.ceil(seconds * PHONE_ADDRESS_BUDGET.perSecond));
    const refused = answers.find((a) => !a.ok);
    expect(refused).toMatchObject({ ok: false, error: { code: 'rate-limited', messageVi: expect.stringContaining('quá nhanh') } });
    expect(answers.filter((a) => !a.ok).length).toBe(10_000 - ok);
    const kiosk = await server.client(await server.pair('kiosk-1'));
    expect(await kiosk.socket.emitWithAck('ticket:issue', { serviceId: 'ho-tich' })).toMatchObject({ ok: true });
  });

  it('one staff socket sending 2,000 recalls reaches the central display only within its budget', async () => {
    server = await startTestServer();
    const admin = await server.login();
    await server.http('POST', '/api/tickets', { serviceId: 'ho-tich' }, admin);
    const { socket: central } = await server.client(await server.pair('central-display-1'));
    const { socket: staff } = await server.client(await server.login('canbo1'));
    expect(await staff.emitWithAck('counter:sign-in', { counterId: 5 })).toMatchObject({ ok: true });
    expect(await staff.emitWithAck('counter:call-next', { counterId: 5 })).toMatchObject({ ok: true });
    let recalls = 0;
    central.on('queue:event', (e) => {
      if (e.type === 'ticket.recalled') recalls++;
    });
    const started = performance.now();
    const answers = await Promise.all(Array.from({ length: 2000 }, () => staff.timeout(20_000).emitWithAck('counter:recall', { counterId: 5 })));
    const seconds = (performance.now() - started) / 1000;
    const ok = answers.filter((a) => a.ok).length;
    const budget = SOCKET_BUDGETS.staff;
    expect(ok).toBeLessThanOrEqual(budget.burst + Math.ceil(seconds * budget.perSecond));
    expect(ok).toBeGreaterThan(0);
    expect(answers.filter((a) => !a.ok).every((a) => !a.ok && a.error.code === 'rate-limited')).toBe(true);
    await new Promise((r) => setTimeout(r, 200));
    expect(recalls).toBe(ok);
  });
});

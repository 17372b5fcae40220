// What a real deployment needs beyond working: headers, limits, expiry, and logs that never
// hold a password or a token.
import { Writable } from 'node:stream';
import { pino } from 'pino';
import { io as ioClient } from 'socket.io-client';
import { afterEach, describe, expect, it } from 'vitest';
import { ADMIN_PASSWORD, startTestServer, type TestServer } from '../support/server';

const servers: TestServer[] = [];
afterEach(async () => {
  for (const s of servers.splice(0)) await s.close();
});

async function start(opts: Parameters<typeof startTestServer>[0] = {}) {
  const s = await startTestServer(opts);
  servers.push(s);
  return s;
}

describe('hardening', () => {
  it('sends security headers on pages and API answers', async () => {
    const server = await start();
    const res = await fetch(`${server.url}/api/health`);
    expect(res.headers.get('x-content-type-options')).toBe('nosniff');
    expect(res.headers.get('content-security-policy')).toContain("default-src 'self'");
    expect(res.headers.get('x-frame-options')).toBe('SAMEORIGIN');
    expect(res.headers.get('x-powered-by')).toBeNull();
  });

  it('ends a staff session after its hours but keeps a device paired', async () => {
    let now = Date.now();
    const server = await start({ deps: { clock: () => now } });
    const staff = await server.login('canbo1');
    const kiosk = await server.pair('kiosk-1');
    now += 13 * 3_600_000;
    expect((await server.http('GET', '/api/state', undefined, staff)).status).toBe(401);
    expect((await server.http('GET', '/api/state', undefined, kiosk)).status).toBe(200);
  });

  it('refuses socket connections beyond the configured number', async () => {
    const server = await start({ env: { QMS_MAX_CONNECTIONS: '3' } });
    for (let i = 0; i < 3; i++) await server.client();
    const refused = await new Promise<string>((resolve) => {
      const s = ioClient(server.url, { transports: ['websocket'], forceNew: true, reconnection: false });
      s.once('connect_error', (err) => {
        s.close();
        resolve(err.message);
      });
      s.once('connect', () => {
        s.close();
        resolve('connected');
      });
    });
    expect(refused).toBe('too-many-connections');
  });

  it('never writes a password or a token into the log', async () => {
    let log = '';
    const sink = new Writable({
      write(chunk, _enc, done) {
        log += chunk.toString();
        done();
      },
    });
    const server = await start({ deps: { logger: pino({ level: 'trace' }, sink) } });
    const token = await server.login();
    const device = await server.pair('central-display-1');
    await server.http('POST', '/api/auth/login', { username: 'canbo1', password: 'sai-mat-khau' });
    await server.http('POST', '/api/tickets', { serviceId: 'ho-tich' }, token);
    expect(log.length).toBeGreaterThan(0);
    expect(log).toContain('ticket.issued');
    for (const secret of [ADMIN_PASSWORD, token, device, 'sai-mat-khau', 'doimatkhau']) expect(log).not.toContain(secret);
  });

  it('rate-limits ticket issuing per kiosk', async () => {
    const server = await start();
    const admin = await server.login();
    const config = (await server.http('GET', '/api/config', undefined, admin)).body;
    config.kiosk.ticketsPerMinute = 3;
    await server.http('PUT', '/api/config', config, admin);
    const { socket } = await server.client(await server.pair('kiosk-1'));
    const codes: string[] = [];
    for (let i = 0; i < 5; i++) {
      const res = await socket.emitWithAck('ticket:issue', { serviceId: 'ho-tich' });
      codes.push(res.ok ? 'ok' : res.error.code);
    }
    expect(codes).toEqual(['ok', 'ok', 'ok', 'rate-limited', 'rate-limited']);
  });
});

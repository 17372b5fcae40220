// A device that loses the network, or whose server restarts, is consistent again by
// itself: the apps' own connection code (client/connection.ts) against a real server.
import { afterEach, describe, expect, it } from 'vitest';
import { connect, type Connection } from '../../client/connection';
import { startTestServer, type TestServer } from '../support/server';

const servers: TestServer[] = [];
const conns: Connection[] = [];
afterEach(async () => {
  for (const c of conns) c.close();
  conns.length = 0;
  for (const s of servers.splice(0)) await s.close();
});

function until(check: () => boolean, timeoutMs = 8000): Promise<void> {
  return new Promise((resolve, reject) => {
    const started = Date.now();
    const tick = () => {
      if (check()) return resolve();
      if (Date.now() - started > timeoutMs) return reject(new Error('condition not met in time'));
      setTimeout(tick, 20);
    };
    tick();
  });
}

describe('reconnecting devices', () => {
  it('after a network drop the display has every change made while it was away', async () => {
    const server = await startTestServer();
    servers.push(server);
    const conn = connect({ url: server.url, token: await server.pair('central-display-1') });
    conns.push(conn);
    await until(() => conn.data.status === 'online');
    const admin = await server.login();
    await server.http('POST', '/api/tickets', { serviceId: 'chung-thuc' }, admin);
    await until(() => conn.data.state?.waiting['chung-thuc']?.length === 1);

    conn.socket.io.engine.close(); // the cable is pulled
    await server.http('POST', '/api/tickets', { serviceId: 'chung-thuc' }, admin);
    await server.http('POST', '/api/tickets', { serviceId: 'ho-tich' }, admin);

    await until(() => conn.data.status === 'online' && conn.data.state?.waiting['ho-tich']?.length === 1);
    expect(conn.data.state!.waiting['chung-thuc']).toHaveLength(2);
    expect(conn.data.state!.seq).toBe(server.app.ctx.queue.state.seq);
  });

  it('after a server restart the display is consistent again without a reload', async () => {
    const first = await startTestServer();
    const port = Number(new URL(first.url).port);
    const token = await first.pair('central-display-1');
    const conn = connect({ url: first.url, token });
    conns.push(conn);
    await until(() => conn.data.status === 'online');
    await first.close({ keepData: true });

    const second = await startTestServer({ dataDir: first.dataDir, env: { PORT: String(port) } });
    servers.push(second);
    await second.http('POST', '/api/tickets', { serviceId: 'dat-dai' }, await second.login());
    await until(() => conn.data.status === 'online' && conn.data.state?.waiting['dat-dai']?.length === 1, 15_000);
    expect(conn.data.state!.seq).toBe(second.app.ctx.queue.state.seq);
  });

  it('asks for a snapshot when an event does not follow on from its state', async () => {
    const server = await startTestServer();
    servers.push(server);
    const conn = connect({ url: server.url, token: await server.pair('kiosk-1') });
    conns.push(conn);
    await until(() => conn.data.status === 'online');
    conn.data.state!.seq -= 1; // as if an event had been lost
    await server.http('POST', '/api/tickets', { serviceId: 'ho-tich' }, await server.login());
    await until(() => conn.data.state?.waiting['ho-tich']?.length === 1);
    expect(conn.data.state!.seq).toBe(server.app.ctx.queue.state.seq);
  });
});

// A token that stops being valid takes its open sockets with it at once: a revoked display
// hears nothing more, and neither does a signed-out, disabled or expired session.
import { afterEach, describe, expect, it } from 'vitest';
import { patience } from '../support/patience';
import type { TestClient } from '../support/server';
import { nextEvent, startTestServer, type TestServer } from '../support/server';

let server: TestServer | undefined;
afterEach(async () => {
  await server?.close();
  server = undefined;
});

/** What the socket hears from now on: queue events, and how its session ended. */
function listen(socket: TestClient) {
  const heard = { events: 0, ended: [] as string[], disconnected: false };
  socket.on('queue:event', () => heard.events++);
  socket.on('session:ended', (reason) => heard.ended.push(reason));
  socket.on('disconnect', () => (heard.disconnected = true));
  return heard;
}

/** ms is for an idle machine: the deadline stretches with the load. */
async function until(check: () => boolean, ms = 5000) {
  await expect.poll(check, { timeout: patience(ms), interval: 20 }).toBe(true);
}

describe('sockets of a token that stopped being valid', () => {
  it('a revoked display is told, disconnected, and hears no ticket issued after it', async () => {
    server = await startTestServer();
    const admin = await server.login();
    const display = listen((await server.client(await server.pair('central-display-1'))).socket);
    const other = listen((await server.client(await server.pair('central-display-2'))).socket);
    await server.http('POST', '/api/tickets', { serviceId: 'ho-tich' }, admin);
    await until(() => display.events === 1 && other.events === 1);

    expect((await server.http('DELETE', '/api/devices/central-display-1/pairing', undefined, admin)).body).toEqual({ revoked: 1 });
    await until(() => display.disconnected);
    expect(display.ended).toEqual(['revoked']);
    await server.http('POST', '/api/tickets', { serviceId: 'ho-tich' }, admin);
    await until(() => other.events === 2);
    expect(display.events).toBe(1);
    expect(other.ended).toEqual([]);
  });

  it.each([
    ['signed-out', async (s: TestServer, token: string) => s.http('POST', '/api/auth/logout', undefined, token)],
    ['disabled', async (s: TestServer, _token: string, admin: string) => s.http('PATCH', '/api/users/canbo1', { active: false }, admin)],
    ['password-changed', async (s: TestServer, _token: string, admin: string) => s.http('PATCH', '/api/users/canbo1', { password: 'dat-lai-mat-khau' }, admin)],
  ])('a staff console is ended the moment its session is %s', async (reason, end) => {
    server = await startTestServer();
    const admin = await server.login();
    const token = await server.login('canbo1');
    const tabs = [listen((await server.client(token)).socket), listen((await server.client(token)).socket)];
    await end(server, token, admin);
    await until(() => tabs.every((t) => t.disconnected));
    for (const t of tabs) expect(t.ended).toEqual([reason]);
    await server.http('POST', '/api/tickets', { serviceId: 'ho-tich' }, admin);
    await new Promise((r) => setTimeout(r, 100));
    for (const t of tabs) expect(t.events).toBe(0);
  });

  it('a session that expires ends its sockets when it expires, without waiting for a command', async () => {
    // 0.0005 h = 1.8 s: the session's own length, not a clock moved by the test.
    server = await startTestServer({ env: { QMS_SESSION_HOURS: '0.0005' } });
    const staff = listen((await server.client(await server.login('canbo1'))).socket);
    await until(() => staff.disconnected, 6000);
    expect(staff.ended).toEqual(['expired']);
  });

  it('a manager demoted to staff leaves the managers\u2019 room at once', async () => {
    server = await startTestServer();
    const admin = await server.login();
    await server.http('POST', '/api/users', { username: 'quanly2', name: 'Lê Thị Hoa', role: 'manager', password: 'mat-khau-quan-ly' }, admin);
    const token = await server.login('quanly2', 'mat-khau-quan-ly');
    const { socket } = await server.client(token);
    const snapshot = nextEvent(socket, 'state:snapshot');
    await server.http('PATCH', '/api/users/quanly2', { role: 'staff' }, admin);
    expect((await snapshot)[0]).toMatchObject({ you: { role: 'staff' } });
    let alerts = 0;
    socket.on('alerts:changed', () => alerts++);
    server.app.ctx.alerts.raise('test', 'storage', 'Cảnh báo thử');
    await new Promise((r) => setTimeout(r, 100));
    expect(alerts).toBe(0);
  });
});

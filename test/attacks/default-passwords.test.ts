// The sample staff's password is printed in the README: a stranger who types it gets a session
// that can do nothing until its owner sets a password of their own.
import { readFile, rm, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { io as ioClient } from 'socket.io-client';
import { afterEach, describe, expect, it } from 'vitest';
import { startTestServer, type TestServer } from '../support/server';

let server: TestServer | undefined;
afterEach(async () => {
  await server?.close();
  server = undefined;
});

function socketRefusal(url: string, token: string): Promise<string> {
  return new Promise((resolve) => {
    const s = ioClient(url, { auth: { token }, transports: ['websocket'], forceNew: true, reconnection: false });
    s.once('connect_error', (err) => (s.close(), resolve(err.message)));
    s.once('connect', () => (s.close(), resolve('connected')));
  });
}

describe('default and reset passwords', () => {
  it('a first sign-in with the sample password gets a session good only for changing it', async () => {
    server = await startTestServer();
    const res = await server.http('POST', '/api/auth/login', { username: 'canbo1', password: 'doimatkhau' });
    expect(res.body).toMatchObject({ mustChangePassword: true, token: expect.any(String) });
    const token = res.body.token as string;
    for (const [method, path] of [['GET', '/api/state'], ['GET', '/api/config'], ['POST', '/api/counters/6/sign-in'], ['GET', '/api/auth/me']] as const) {
      const refused = await server.http(method, path, undefined, token);
      expect(refused.status, path).toBe(403);
      expect(refused.body.code).toBe('password-change-required');
    }
    expect(await socketRefusal(server.url, token)).toBe('password-change-required');

    const again = await server.http('POST', '/api/auth/password', { currentPassword: 'doimatkhau', newPassword: 'doimatkhau' }, token);
    expect(again.body.code).toBe('password-not-new');
    const wrong = await server.http('POST', '/api/auth/password', { currentPassword: 'sai', newPassword: 'mat-khau-cua-toi' }, token);
    expect(wrong.body.code).toBe('login-failed');
    const changed = await server.http('POST', '/api/auth/password', { currentPassword: 'doimatkhau', newPassword: 'mat-khau-cua-toi' }, token);
    expect(changed.status).toBe(200);
    expect(changed.body.user).toMatchObject({ username: 'canbo1', mustChangePassword: false });
    expect((await server.http('GET', '/api/state', undefined, token)).status).toBe(200);
    expect(await socketRefusal(server.url, token)).toBe('connected');
    expect((await server.http('POST', '/api/auth/login', { username: 'canbo1', password: 'doimatkhau' })).status).toBe(401);
  });

  it('a change of one\u2019s own password ends the account\u2019s other sessions', async () => {
    server = await startTestServer();
    const other = await server.login('canbo2');
    const mine = await server.login('canbo2');
    expect((await server.http('POST', '/api/auth/password', { currentPassword: 'canbo2-mat-khau-rieng', newPassword: 'mat-khau-lan-hai' }, mine)).status).toBe(200);
    expect((await server.http('GET', '/api/state', undefined, other)).status).toBe(401);
    expect((await server.http('GET', '/api/state', undefined, mine)).status).toBe(200);
  });

  it('a password a manager sets or resets must be replaced at the next sign-in', async () => {
    server = await startTestServer();
    const admin = await server.login();
    await server.http('POST', '/api/users', { username: 'canbo10', name: 'Ngô Văn Bình', role: 'staff', password: 'do-quan-ly-dat' }, admin);
    expect((await server.http('POST', '/api/auth/login', { username: 'canbo10', password: 'do-quan-ly-dat' })).body.mustChangePassword).toBe(true);
    await server.login('canbo3');
    await server.http('PATCH', '/api/users/canbo3', { password: 'dat-lai-cho-ban' }, admin);
    expect((await server.http('POST', '/api/auth/login', { username: 'canbo3', password: 'dat-lai-cho-ban' })).body.mustChangePassword).toBe(true);
    const users = (await server.http('GET', '/api/users', undefined, admin)).body as { username: string; mustChangePassword: boolean }[];
    const flagged = users.filter((u) => u.mustChangePassword).map((u) => u.username);
    expect(flagged).toEqual(expect.arrayContaining(['canbo10', 'canbo3', 'canbo1']));
    expect(flagged).not.toContain('admin');
  });

  it('marks the sample password in a data folder from a release that did not record it', async () => {
    server = await startTestServer();
    await server.login('canbo1');
    const dataDir = server.dataDir;
    await server.close({ keepData: true });
    const file = join(dataDir, 'accounts.json');
    const old = JSON.parse(await readFile(file, 'utf8'));
    for (const u of old.users) delete u.mustChangePassword;
    await writeFile(file, JSON.stringify(old));
    server = await startTestServer({ dataDir });
    const admin = await server.login();
    const users = (await server.http('GET', '/api/users', undefined, admin)).body as { username: string; mustChangePassword: boolean }[];
    expect(users.find((u) => u.username === 'canbo1')?.mustChangePassword).toBe(false);
    expect(users.find((u) => u.username === 'canbo2')?.mustChangePassword).toBe(true);
    expect(users.find((u) => u.username === 'admin')?.mustChangePassword).toBe(false);
    await server.close();
    server = undefined;
    await rm(dataDir, { recursive: true, force: true });
  });
});

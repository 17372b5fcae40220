import { readdir } from 'node:fs/promises';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { startTestServer, type TestServer } from '../support/server';

let server: TestServer;
let admin: string;
beforeEach(async () => {
  server = await startTestServer();
  admin = await server.login();
});
afterEach(async () => {
  await server.close();
});

async function download(): Promise<Buffer> {
  const res = await fetch(`${server.url}/api/backup`, { headers: { authorization: `Bearer ${admin}` } });
  expect(res.status).toBe(200);
  return Buffer.from(await res.arrayBuffer());
}

async function restore(archive: Buffer) {
  const res = await fetch(`${server.url}/api/backup/restore`, { method: 'POST', headers: { authorization: `Bearer ${admin}`, 'content-type': 'application/gzip' }, body: new Uint8Array(archive) });
  return { status: res.status, body: await res.json() };
}

describe('backup and restore', () => {
  it('round-trips the queue, the configuration and the accounts with nothing lost', async () => {
    for (let i = 0; i < 3; i++) await server.http('POST', '/api/tickets', { serviceId: 'ho-tich' }, admin);
    const config = (await server.http('GET', '/api/config', undefined, admin)).body;
    config.centre.name = 'Trung tâm PVHCC phường Sao Lưu';
    await server.http('PUT', '/api/config', config, admin);
    const archive = await download();
    expect(archive.subarray(0, 2)).toEqual(Buffer.from([0x1f, 0x8b]));

    // Life goes on after the backup…
    await server.http('POST', '/api/tickets', { serviceId: 'ho-tich' }, admin);
    config.centre.name = 'Tên khác';
    await server.http('PUT', '/api/config', config, admin);

    const res = await restore(archive);
    expect(res).toMatchObject({ status: 200, body: { ok: true } });
    const state = (await server.http('GET', '/api/state', undefined, admin)).body;
    expect(state.services.find((s: { id: string }) => s.id === 'ho-tich').waiting).toBe(3);
    expect((await server.http('GET', '/api/config', undefined, admin)).body.centre.name).toBe('Trung tâm PVHCC phường Sao Lưu');
    // Numbering continues from the restored day, never repeating.
    expect((await server.http('POST', '/api/tickets', { serviceId: 'ho-tich' }, admin)).body.label).toBe('2004');
    // What was replaced is kept.
    expect((await readdir(join(server.dataDir, 'backups'))).some((n) => n.startsWith('truoc-khi-khoi-phuc-'))).toBe(true);
  });

  it('refuses a damaged archive and changes nothing', async () => {
    await server.http('POST', '/api/tickets', { serviceId: 'ho-tich' }, admin);
    const res = await restore(gzipSync(Buffer.from('not a tar archive at all')));
    expect(res.status).toBe(400);
    expect(res.body.code).toBe('invalid-payload');
    const state = (await server.http('GET', '/api/state', undefined, admin)).body;
    expect(state.services.find((s: { id: string }) => s.id === 'ho-tich').waiting).toBe(1);
  });

  it('only a manager may download or restore', async () => {
    const staff = await server.login('canbo1');
    expect((await fetch(`${server.url}/api/backup`, { headers: { authorization: `Bearer ${staff}` } })).status).toBe(403);
    expect((await fetch(`${server.url}/api/backup/restore`, { method: 'POST', headers: { authorization: `Bearer ${staff}` }, body: 'x' })).status).toBe(403);
  });
});

// A manager's session taken over on the LAN must not turn the file printer into a way to
// write anywhere on the server PC: file: folders stay inside the data folder.
import { mkdtemp, readdir, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join, relative } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestServer, type TestServer } from '../support/server';

let server: TestServer;
let outside: string;
let admin: string;
beforeAll(async () => {
  outside = await mkdtemp(join(tmpdir(), 'qms-outside-'));
  server = await startTestServer({ deps: { printer: undefined } });
  admin = await server.login();
});
afterAll(async () => {
  await server.close();
  await rm(outside, { recursive: true, force: true });
});

async function setConnection(connection: string) {
  const config = (await server.http('GET', '/api/config', undefined, admin)).body;
  config.printer.connection = connection;
  return server.http('PUT', '/api/config', config, admin);
}

describe('the file printer folder', () => {
  it.each([
    ['an absolute folder elsewhere', () => `file:${outside}`],
    ['../ segments out of the data folder', () => `file:${relative(server.dataDir, outside)}`],
    ['a folder that only starts like the data folder', () => `file:${server.dataDir}-x`],
  ])('refuses %s and prints nothing there', async (_name, spec) => {
    const res = await setConnection(spec());
    expect(res.status).toBe(400);
    expect(res.body).toMatchObject({ code: 'invalid-config', details: [{ path: 'printer.connection', message: expect.stringContaining('inside the data folder') }] });
    expect((await server.http('GET', '/api/config', undefined, admin)).body.printer.connection).toBe('');
    const kiosk = await server.client(await server.pair('kiosk-1'));
    expect(await kiosk.socket.emitWithAck('ticket:issue', { serviceId: 'ho-tich' })).toMatchObject({ ok: true });
    kiosk.socket.close();
    expect(await readdir(outside)).toEqual([]);
  });

  it('accepts a folder inside the data folder', async () => {
    expect((await setConnection('file:phieu-in')).status).toBe(200);
  });

  it('refuses a usb "printer" that is an ordinary file', async () => {
    const victim = join(outside, 'victim.txt');
    await writeFile(victim, 'giữ nguyên');
    expect((await setConnection(`usb:${victim}`)).status).toBe(200);
    const kiosk = await server.client(await server.pair('kiosk-1'));
    expect(await kiosk.socket.emitWithAck('ticket:issue', { serviceId: 'ho-tich' })).toMatchObject({ ok: true, data: { printed: false } });
    kiosk.socket.close();
    expect(await readFile(victim, 'utf8')).toBe('giữ nguyên');
  });
});

// An upload is refused before its body is read when the caller may not make it: 300 MB sent
// by a stranger (or by a staff member to a managers' route) is answered in well under a
// second and the server's memory stays where it was.
import { request } from 'node:http';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestServer, type TestServer } from '../support/server';

const MB = 1024 * 1024;
const CHUNK = Buffer.alloc(MB, 0x61);

let server: TestServer;
let staff: string;
beforeAll(async () => {
  server = await startTestServer();
  staff = await server.login('canbo1');
});
afterAll(() => server.close());

/** Streams `mb` megabytes to the route; resolves when the answer's head arrives (the upload may still be going). */
function upload(path: string, mb: number, headers: Record<string, string> = {}): Promise<{ status: number; ms: number; body: string; sentMb: number }> {
  return new Promise((resolve, reject) => {
    const started = performance.now();
    let sent = 0;
    let answered = false;
    const req = request(`${server.url}${path}`, { method: 'POST', agent: false, headers: { 'content-type': 'application/octet-stream', 'content-length': String(mb * MB), ...headers } });
    req.on('response', (res) => {
      answered = true;
      const ms = performance.now() - started;
      let body = '';
      res.on('data', (c: Buffer) => (body += c.toString()));
      res.on('end', () => {
        resolve({ status: res.statusCode ?? 0, ms, body, sentMb: sent });
        req.destroy();
      });
    });
    req.on('error', (err) => (sent < mb ? undefined : reject(err)));
    const pump = () => {
      while (sent < mb && !answered && !req.destroyed) {
        sent++;
        if (!req.write(CHUNK)) return void req.once('drain', pump);
      }
      if (!answered && !req.destroyed) req.end();
    };
    pump();
  });
}

describe('uploads refused before they are read', () => {
  it.each([
    ['a stranger restoring a backup', '/api/backup/restore', {}],
    ['a stranger importing the procedure catalogue', '/api/procedures/import?filename=x.csv', {}],
    ['a stranger posting a huge JSON body to the configuration', '/api/config', { 'content-type': 'application/json' }],
  ])('%s: 300 MB answered 401 at once, memory flat', async (_who, path, headers) => {
    global.gc?.();
    const rssBefore = process.memoryUsage().rss;
    const res = await upload(path, 300, headers);
    expect(res.status).toBe(401);
    expect(JSON.parse(res.body)).toMatchObject({ code: 'unauthorized', messageVi: expect.any(String) });
    // Far less than the 300 MB was ever sent: the server answered and closed without reading it.
    expect(res.sentMb).toBeLessThan(100);
    expect(process.memoryUsage().rss - rssBefore).toBeLessThan(100 * MB);
  });

  it.each([
    ['importing the catalogue', '/api/procedures/import?filename=x.csv'],
    ['restoring a backup', '/api/backup/restore'],
  ])('a staff member %s: 300 MB answered 403 at once', async (_what, path) => {
    const res = await upload(path, 300, { authorization: `Bearer ${staff}` });
    expect(res.status).toBe(403);
    expect(res.sentMb).toBeLessThan(100);
  });

  it('the server still serves after the uploads', async () => {
    expect((await server.http('GET', '/api/health')).status).toBe(200);
  });
});

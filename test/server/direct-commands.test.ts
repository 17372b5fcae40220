// A command with a token and a small JSON body is answered without express
// (server/transport/http/direct-commands.ts); the same command sent in a way only express
// reads (a chunked body) must get the same answer: status, error body, security headers,
// refusals before the body is read, and the same paths (case, trailing slash) accepted.
import { Agent, request } from 'node:http';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { readAnswer } from '../support/keep-alive-http';
import { startTestServer, type TestServer } from '../support/server';

interface Raw {
  status: number;
  headers: Record<string, string | string[] | undefined>;
  body: any;
}

let server: TestServer;
let admin: string;
let staff: string;

beforeAll(async () => {
  server = await startTestServer();
  admin = await server.login();
  staff = await server.login('canbo1');
});
afterAll(() => server.close());

/** One request on its own connection; `chunked` sends the body without a content-length, which only express reads. */
function send(method: string, path: string, body: string | undefined, opts: { token?: string; chunked?: boolean; type?: string; agent?: Agent } = {}): Promise<Raw> {
  return new Promise((resolve, reject) => {
    const headers: Record<string, string | number> = {};
    if (opts.token) headers.authorization = `Bearer ${opts.token}`;
    if (body !== undefined) {
      headers['content-type'] = opts.type ?? 'application/json';
      if (!opts.chunked) headers['content-length'] = Buffer.byteLength(body);
    }
    const req = request(`${server.url}${path}`, { method, headers, agent: opts.agent ?? false }, (res) => readAnswer(res).then(resolve, reject));
    req.on('error', reject);
    if (body !== undefined && opts.chunked) {
      // Two writes: the body goes out in chunks.
      req.write(body.slice(0, 3));
      req.end(body.slice(3));
    } else req.end(body);
  });
}

/** The headers a client can tell apart, without the ones that differ by nature (date, ETag, length). */
function lasting(headers: Raw['headers']): Record<string, unknown> {
  const { date: _date, etag: _etag, 'content-length': _length, ...rest } = headers;
  return rest;
}

const issue = JSON.stringify({ serviceId: 'chung-thuc' });

describe('commands answered without express', () => {
  it('answer a ticket with the status, body shape and security headers express gives', async () => {
    const direct = await send('POST', '/api/tickets', issue, { token: admin });
    const viaExpress = await send('POST', '/api/tickets', issue, { token: admin, chunked: true });
    expect(direct.status).toBe(201);
    expect(viaExpress.status).toBe(201);
    expect(Object.keys(direct.body).sort()).toEqual(Object.keys(viaExpress.body).sort());
    expect(viaExpress.body.number).toBe(direct.body.number + 1);
    expect(lasting(direct.headers)).toEqual(lasting(viaExpress.headers));
    expect(direct.headers['content-security-policy']).toContain("default-src 'self'");
    expect(direct.headers['x-content-type-options']).toBe('nosniff');
    expect(direct.headers['content-type']).toBe('application/json; charset=utf-8');
    // What tells the two apart: express adds an ETag to every answer; a write's answer is never cached.
    expect(viaExpress.headers.etag).toBeDefined();
    expect(direct.headers.etag).toBeUndefined();
    // The ticket is in the queue (durable, then answered).
    expect(server.app.ctx.queue.state.tickets[direct.body.id]?.label).toBe(direct.body.label);
  });

  it('refuse as express does: bad JSON, a bare value, an unknown field value, no permission, a token that names no one', async () => {
    const cases: [string, string, string | undefined, string | undefined][] = [
      ['bad JSON', '/api/tickets', '{"serviceId":', admin],
      ['whitespace', '/api/tickets', '   ', admin],
      ['a bare value', '/api/tickets', '"chung-thuc"', admin],
      ['an array', '/api/tickets', '["chung-thuc"]', admin],
      ['an unknown field', '/api/tickets', JSON.stringify({ serviceId: 'khong-co' }), admin],
      ['no permission', '/api/config', '{}', staff],
      ['an unknown token', '/api/tickets', issue, 'not-a-token'],
      ['a counter that is not a number', '/api/counters/abc/next', '{}', staff],
    ];
    for (const [what, path, body, token] of cases) {
      const method = path === '/api/config' ? 'PUT' : 'POST';
      const direct = await send(method, path, body, { token });
      const viaExpress = await send(method, path, body, { token, chunked: true });
      expect({ what, status: direct.status, body: direct.body }).toEqual({ what, status: viaExpress.status, body: viaExpress.body });
      expect(direct.status).toBeGreaterThanOrEqual(400);
      expect(lasting(direct.headers)).toEqual(lasting(viaExpress.headers));
    }
  });

  it('closes the connection after refusing a caller before reading the body, and keeps it open after reading one', async () => {
    const agent = new Agent({ keepAlive: true, maxSockets: 1 });
    try {
      expect((await send('POST', '/api/tickets', issue, { token: 'not-a-token', agent })).headers.connection).toBe('close');
      expect((await send('POST', '/api/tickets', '{"serviceId":', { token: admin, agent })).headers.connection).toBe('keep-alive');
      expect((await send('POST', '/api/tickets', issue, { token: admin, agent })).headers.connection).toBe('keep-alive');
    } finally {
      agent.destroy();
    }
  });

  it('takes the paths express takes: any case, a trailing slash; an empty body is no fields; a byte-order mark is skipped', async () => {
    expect((await send('POST', '/API/Tickets/', issue, { token: admin })).status).toBe(201);
    expect((await send('POST', '/api/tickets?x=1', issue, { token: admin })).status).toBe(201);
    expect((await send('POST', '/api/tickets', `\ufeff${issue}`, { token: admin })).status).toBe(201);
    const empty = await send('POST', '/api/tickets', '', { token: admin });
    expect(empty).toMatchObject({ status: 400, body: { code: 'invalid-payload' } });
    expect(await send('POST', '/api/tickets', '', { token: admin, chunked: true })).toMatchObject({ status: 400, body: empty.body });
  });

  it('leaves to express what it does not serve: a body of another type, one past the limit, no token, a route that is not a command, a password change', async () => {
    const text = await send('POST', '/api/tickets', 'serviceId=chung-thuc', { token: admin, type: 'text/plain' });
    expect(text).toMatchObject({ status: 400, body: { code: 'invalid-payload' } });
    const large = await send('POST', '/api/tickets', JSON.stringify({ serviceId: 'chung-thuc', pad: 'x'.repeat(40_000) }), { token: admin });
    expect(large).toMatchObject({ status: 413, body: { code: 'payload-too-large' } });
    expect((await send('POST', '/api/tickets', issue)).status).toBe(401);
    expect((await send('POST', '/api/nothing-here', issue, { token: admin })).status).toBe(404);
    // A password change waits for its turn of the loop in express (one-per-turn.ts): its answer has express's ETag.
    const change = await send('POST', '/api/auth/password', JSON.stringify({ currentPassword: 'sai-mat-khau', newPassword: 'mat-khau-moi-dai-du' }), { token: staff });
    expect(change.status).toBeGreaterThanOrEqual(400);
    expect(change.headers.etag).toBeDefined();
    // Each of them still carries the security headers.
    for (const r of [text, large]) expect(r.headers['x-frame-options']).toBe('SAMEORIGIN');
  });
});

// Malformed input of every message type, over the socket and HTTP: each is refused with the
// code for it (invalid-payload, or invalid-config for a configuration) and the fields that
// are wrong, and nothing changes: no event is recorded, no prototype is polluted, and the
// server keeps serving.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { httpOperationNames, httpRoute, operations, socketOperationNames, type OperationName } from '@protocol/api';
import { errorMessages } from '@protocol/errors';
import { paramsOf } from '@protocol/operation';
import { isAllowed } from '@protocol/permissions';
import { startTestServer, type TestClient, type TestServer } from '../support/server';

let server: TestServer;
let manager: TestClient;
/** A phone: what only phones may send (a number from the phone) is sent from one. */
let phone: TestClient;
const managerMay = (name: OperationName) => isAllowed('manager', operations[name].permission);

/** Wrong for every command: a wrong type, an out-of-range value, or a key no command has. */
const badPayloads: unknown[] = [
  undefined, null, 42, 'text', [], [1, 2], true,
  { counterId: 'six' }, { counterId: -1 }, { counterId: 1.5 }, { counterId: 1e9 },
  { serviceId: 42 }, { serviceId: 'x'.repeat(10_000) }, { ticketId: '../../etc/passwd' }, { ticketId: 'abc', score: 'high' },
  { counterId: 6, label: { $gt: '' } }, { counterId: 6, reason: '' }, { counterId: 6, toServiceId: 5 },
  // Parsed from JSON, as the server sees them: "__proto__" and "constructor" as keys of their own.
  JSON.parse('{"__proto__": {"polluted": true}, "counterId": 6}'), JSON.parse('{"constructor": {"prototype": {"polluted": true}}, "counterId": 6}'),
  { counterId: 6, extra: 'unknown key' },
];

beforeAll(async () => {
  // Hundreds of bad commands from one socket in a second: well past a manager's budget, which is not what this tests.
  server = await startTestServer({ env: { QMS_SOCKET_RATE_SCALE: '100' } });
  manager = (await server.client(await server.login())).socket;
  await manager.emitWithAck('counter:sign-in', { counterId: 6 });
  phone = (await server.client()).socket;
});
afterAll(async () => {
  await server.close();
});

describe('socket commands with bad payloads', () => {
  for (const command of socketOperationNames) {
    it(`${command} refuses every bad payload with invalid-payload and the wrong fields, and changes nothing`, async () => {
      const seqBefore = server.app.ctx.queue.state.seq;
      for (const payload of badPayloads) {
        const timed = (managerMay(command) ? manager : phone).timeout(3000);
        const emit = timed.emitWithAck.bind(timed) as unknown as (e: string, p: unknown) => Promise<{ ok: boolean; error?: { code: string; message: string; messageVi: string; details?: unknown[] } }>;
        const res = await emit(command, payload);
        expect(res, `${command} ${JSON.stringify(payload)?.slice(0, 80)}`).toMatchObject({
          ok: false,
          error: { code: 'invalid-payload', messageVi: errorMessages['invalid-payload'].vi, message: errorMessages['invalid-payload'].en },
        });
        expect(res.error!.details?.length).toBeGreaterThan(0);
        expect(JSON.stringify(res.error)).not.toMatch(/at .*\.ts:\d+|node_modules|Error:/);
      }
      expect((Object.prototype as Record<string, unknown>).polluted).toBeUndefined();
      expect(server.app.ctx.queue.state.seq).toBe(seqBefore);
    });
  }

  it('a command without an ack callback is ignored, not a crash', async () => {
    const emit = manager.emit.bind(manager) as unknown as (e: string, p?: unknown) => void;
    emit('counter:call-next', { counterId: 6 });
    emit('ticket:issue');
    expect((await server.http('GET', '/api/health')).status).toBe(200);
  });

  it('an unknown event name is ignored', async () => {
    (manager.emit.bind(manager) as unknown as (e: string, p: unknown) => void)('admin:drop-database', {});
    expect((await manager.emitWithAck('state:request', {})).ok).toBe(true);
  });

  it('a payload over the size limit closes that socket only', async () => {
    const victim = (await server.client(await server.login())).socket;
    const closed = new Promise<void>((resolve) => victim.on('disconnect', () => resolve()));
    (victim.emit.bind(victim) as unknown as (e: string, p: unknown) => void)('ticket:issue', { serviceId: 'x'.repeat(2_000_000) });
    await closed;
    expect((await manager.emitWithAck('state:request', {})).ok).toBe(true);
  });
});

describe('HTTP endpoints with bad bodies', () => {
  /** Each route that takes a JSON body, with its path segments filled in. */
  const segment: Record<string, string> = { counterId: '6', deviceId: 'kiosk-1', userId: 'canbo1', code: 'ABCDEF' };
  const endpoints = httpOperationNames
    .filter((name) => httpRoute(name).method !== 'GET' && !httpRoute(name).fileBody)
    .map((name) => {
      const route = httpRoute(name);
      return { name, method: route.method, path: `/api${paramsOf(route.path).reduce((p: string, s) => p.replace(`:${s}`, segment[s]), route.path)}` };
    });
  const wrongTypes = JSON.stringify({ serviceId: 1, counterId: 'x', score: 'x', code: 12, username: [] });

  it('covers every route that takes a body, counters and configuration included', () => {
    expect(endpoints.map(({ method, path }) => ({ method, path }))).toEqual(
      expect.arrayContaining([{ method: 'POST', path: '/api/counters/6/next' }, { method: 'PUT', path: '/api/config' }, { method: 'PATCH', path: '/api/users/canbo1' }]),
    );
  });

  for (const { name, method, path } of endpoints) {
    it(`${method} ${path} refuses bad JSON, wrong types and huge bodies with the code for each, and changes nothing`, async () => {
      // A phone (no token) for what only phones may send.
      const token = managerMay(name) ? await server.login() : undefined;
      const seqBefore = server.app.ctx.queue.state.seq;
      const configBefore = JSON.stringify(server.app.ctx.centre.get());
      const expected: [string, number, string][] = [
        ['{not json', 400, 'invalid-payload'],
        ['[]', 400, 'invalid-payload'],
        ['"text"', 400, 'invalid-payload'],
        [wrongTypes, 400, path === '/api/config' ? 'invalid-config' : 'invalid-payload'],
        [JSON.stringify({ big: 'x'.repeat(1_000_000) }), 413, 'payload-too-large'],
      ];
      for (const [body, status, code] of expected) {
        const res = await server.http(method, path, body, token);
        expect({ body: body.slice(0, 20), status: res.status, code: res.body.code, messageVi: res.body.messageVi }).toEqual({
          body: body.slice(0, 20),
          status,
          code,
          messageVi: errorMessages[code as keyof typeof errorMessages].vi,
        });
      }
      expect(server.app.ctx.queue.state.seq).toBe(seqBefore);
      expect(JSON.stringify(server.app.ctx.centre.get())).toBe(configBefore);
      expect(server.app.ctx.auth.users().find((u) => u.id === 'canbo1')).toMatchObject({ active: true, name: 'Nguyễn Thị Lan' });
    });
  }

  it('an unknown route and an unknown counter answer with codes', async () => {
    expect((await server.http('GET', '/api/nope')).body.code).toBe('not-found');
    const token = await server.login();
    expect((await server.http('POST', '/api/counters/abc/next', {}, token)).body.code).toBe('unknown-counter');
    expect((await server.http('POST', '/api/counters/99/next', {}, token)).body.code).toBe('unknown-counter');
  });

  it('an invalid configuration is refused with the fields that are wrong and changes nothing', async () => {
    const token = await server.login();
    const config = (await server.http('GET', '/api/config', undefined, token)).body;
    config.counters[0].serviceIds = ['khong-ton-tai'];
    const res = await server.http('PUT', '/api/config', config, token);
    expect(res.status).toBe(400);
    expect(res.body.code).toBe('invalid-config');
    expect(JSON.stringify(res.body.details)).toContain('khong-ton-tai');
    expect((await server.http('GET', '/api/config', undefined, token)).body.counters[0].serviceIds).not.toEqual(['khong-ton-tai']);
  });
});

// Malformed input of every message type: each gets a clear error code, and the server
// keeps serving with its state intact.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { CommandName } from '@protocol/events';
import { startTestServer, type TestClient, type TestServer } from '../support/server';

let server: TestServer;
let manager: TestClient;

const commands: CommandName[] = [
  'state:request', 'ticket:issue', 'ticket:watch', 'ticket:rate', 'counter:sign-in', 'counter:sign-out', 'counter:call-next',
  'counter:recall', 'counter:call-number', 'counter:no-show', 'counter:transfer', 'counter:finish', 'counter:pause', 'counter:resume',
];

const badPayloads: unknown[] = [
  undefined, null, 42, 'text', [], [1, 2], true,
  { counterId: 'six' }, { counterId: -1 }, { counterId: 1.5 }, { counterId: 1e9 },
  { serviceId: 42 }, { serviceId: 'x'.repeat(10_000) }, { ticketId: '../../etc/passwd' }, { ticketId: 'abc', score: 'high' },
  { counterId: 6, label: { $gt: '' } }, { counterId: 6, reason: '' }, { counterId: 6, toServiceId: 5 },
  { __proto__: { polluted: true }, counterId: 6 }, { constructor: { prototype: { polluted: true } } },
  { counterId: 6, extra: 'unknown key' },
];

beforeAll(async () => {
  // Hundreds of bad commands from one socket in a second: well past a manager's budget, which is not what this tests.
  server = await startTestServer({ env: { QMS_SOCKET_RATE_SCALE: '100' } });
  manager = (await server.client(await server.login())).socket;
  await manager.emitWithAck('counter:sign-in', { counterId: 6 });
});
afterAll(async () => {
  await server.close();
});

describe('socket commands with bad payloads', () => {
  for (const command of commands) {
    it(`${command} answers every bad payload with an error code and never crashes`, async () => {
      const seqBefore = server.app.ctx.queue.state.seq;
      for (const payload of badPayloads) {
        const timed = manager.timeout(3000);
        const emit = timed.emitWithAck.bind(timed) as unknown as (e: string, p: unknown) => Promise<{ ok: boolean; error?: { code: string; message: string; messageVi: string } }>;
        const res = await emit(command, payload);
        if (command === 'state:request') continue; // takes no input
        if (res.ok) continue; // a few shapes are valid for some commands (e.g. {counterId:6} for finish)
        expect(res.error!.code).toMatch(/^[a-z-]+$/);
        expect(res.error!.messageVi.length).toBeGreaterThan(0);
        expect(JSON.stringify(res.error)).not.toMatch(/at .*\.ts:\d+|node_modules|Error:/);
      }
      expect((Object.prototype as Record<string, unknown>).polluted).toBeUndefined();
      // Nothing invalid was recorded.
      const recorded = server.app.ctx.queue.todayEvents().slice(seqBefore);
      for (const e of recorded) expect(JSON.stringify(e)).not.toContain('xxxxxxxxxx');
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
  const endpoints: [string, string][] = [
    ['POST', '/api/tickets'], ['POST', '/api/ratings'], ['POST', '/api/auth/login'], ['POST', '/api/devices/pair'],
    ['POST', '/api/devices/pairing-codes'], ['PUT', '/api/config'], ['POST', '/api/users'],
    ...(['next', 'recall', 'call-number', 'no-show', 'transfer', 'finish', 'pause', 'resume'].map((a) => ['POST', `/api/counters/6/${a}`] as [string, string])),
  ];
  for (const [method, path] of endpoints) {
    it(`${method} ${path} refuses bad JSON, wrong types and huge bodies with a JSON error`, async () => {
      const token = await server.login();
      for (const body of ['{not json', '[]', '"text"', JSON.stringify({ serviceId: 1, counterId: 'x', score: 'x', code: 12, username: [] }), JSON.stringify({ big: 'x'.repeat(1_000_000) })]) {
        const res = await server.http(method, path, body, token);
        expect(res.status).toBeGreaterThanOrEqual(400);
        expect(res.status).toBeLessThan(500);
        expect(typeof res.body.code).toBe('string');
        expect(typeof res.body.messageVi).toBe('string');
      }
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

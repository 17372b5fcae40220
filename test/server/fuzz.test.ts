// A fuzzer against the running server: random sequences of every socket command, with
// well-formed, malformed, unknown-id, replayed and out-of-order payloads, sent by every
// role at once. Afterwards the server still answers, its state is valid, and replaying its
// journal from disk gives exactly the state it holds.
import fc from 'fast-check';
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { SocketOperationName } from '@protocol/api';
import { liveView, replay, type QueueEvent } from '@protocol/queue';
import { startTestServer, type TestClient, type TestServer } from '../support/server';

let server: TestServer;
const sockets: TestClient[] = [];

beforeAll(async () => {
  server = await startTestServer();
  const admin = await server.login();
  const config = (await server.http('GET', '/api/config', undefined, admin)).body;
  config.kiosk.ticketsPerMinute = 600;
  await server.http('PUT', '/api/config', config, admin);
  const tokens = [
    admin,
    await server.login('canbo1'),
    await server.login('canbo2'),
    await server.pair('kiosk-1'),
    await server.pair('rating-terminal-6'),
    await server.pair('central-display-1'),
    undefined,
  ];
  for (const t of tokens) sockets.push((await server.client(t)).socket);
  await sockets[1].emitWithAck('counter:sign-in', { counterId: 6 });
  await sockets[2].emitWithAck('counter:sign-in', { counterId: 7 });
});
afterAll(async () => {
  await server.close();
});

const commands: SocketOperationName[] = [
  'ticket:issue', 'ticket:watch', 'ticket:rate', 'counter:sign-in', 'counter:call-next', 'counter:recall', 'counter:call-number',
  'counter:no-show', 'counter:transfer', 'counter:finish', 'counter:pause', 'counter:resume', 'state:request',
];

const recentIds: string[] = [];
const ticketId = fc.oneof(fc.constantFrom('AAAAAAAAAAAA', 'zzzzzzzzzzzz', '../x', ''), fc.integer({ min: 0, max: 50 }).map((i) => recentIds[i % Math.max(1, recentIds.length)] ?? 'none00'));
const payload = fc.oneof(
  fc.record({ serviceId: fc.constantFrom('chung-thuc', 'ho-tich', 'nope'), priority: fc.boolean() }, { requiredKeys: ['serviceId'] }),
  fc.record({ counterId: fc.constantFrom(6, 7, 1, 99, 0, -3) }),
  fc.record({ counterId: fc.constantFrom(6, 7), label: fc.constantFrom('1001', '1002', '2001', 'X', '') }),
  fc.record({ counterId: fc.constantFrom(6, 7), requeue: fc.boolean() }),
  fc.record({ counterId: fc.constantFrom(6, 7), toServiceId: fc.constantFrom('ho-tich', 'nope'), toCounterId: fc.constantFrom(6, 7, 42) }, { requiredKeys: ['counterId'] }),
  fc.record({ counterId: fc.constantFrom(6, 7), reason: fc.constantFrom('Đi họp', '', 'x'.repeat(500)) }),
  fc.record({ ticketId, score: fc.integer({ min: -1, max: 5 }), reason: fc.constantFrom('Thái độ phục vụ', undefined) }, { requiredKeys: ['ticketId', 'score'] }),
  fc.record({ ticketId }),
  fc.anything({ maxDepth: 2 }),
);

describe('the server under a random storm of commands from every role', () => {
  it('never crashes, keeps a valid state, and its journal replays to it', async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.array(fc.tuple(fc.integer({ min: 0, max: sockets.length - 1 }), fc.constantFrom(...commands), payload), { minLength: 10, maxLength: 40 }),
        async (steps) => {
          // Sent all at once: arrival order is the server's to decide, as with real devices.
          const answers = await Promise.all(
            steps.map(([who, command, body]) => {
              const timed = sockets[who].timeout(5000);
              const emit = timed.emitWithAck.bind(timed) as unknown as (e: string, p: unknown) => Promise<{ ok: boolean; data?: { id?: string } }>;
              return emit(command, body);
            }),
          );
          for (const a of answers) if (a.ok && typeof a.data?.id === 'string') recentIds.push(a.data.id);
          expect(answers.every((a) => typeof a.ok === 'boolean')).toBe(true);
        },
      ),
      { numRuns: 25 },
    );
    expect((await server.http('GET', '/api/health')).status).toBe(200);
    const state = server.app.ctx.queue.state;
    const text = await readFile(join(server.dataDir, 'journal', `${state.day}.jsonl`), 'utf8');
    const events = text.trim().split('\n').map((l) => JSON.parse(l) as QueueEvent);
    expect(events.map((e) => e.seq)).toEqual(events.map((_, i) => i + 1));
    expect(liveView(replay(state.day, events))).toEqual(liveView(state));
    const labels = events.flatMap((e) => (e.type === 'ticket.issued' ? [e.ticket.label] : []));
    expect(new Set(labels).size).toBe(labels.length);
    const ratings = events.filter((e) => e.type === 'ticket.rated').map((e) => (e as { ticketId: string }).ticketId);
    expect(new Set(ratings).size).toBe(ratings.length);
  });
});

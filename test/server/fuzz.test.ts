// A fuzzer against the running server: random sequences of every socket command, with
// well-formed, malformed, unknown-id, replayed and out-of-order payloads, sent by every
// role at once. Each answer is the one the contract gives: a role refused exactly where the
// permission table says, a malformed payload refused as invalid-payload, a well-formed one
// done or refused for a reason of the queue, never an internal error. Afterwards the server
// still answers, every ticket it acknowledged is in its state, and replaying its journal from
// disk gives exactly the state it holds.
import fc from 'fast-check';
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { operations, type SocketOperationName } from '@protocol/api';
import type { Role } from '@protocol/events';
import { bindsStaffToTheirCounter, isAllowed } from '@protocol/permissions';
import { liveView, replay, type QueueEvent } from '@protocol/queue';
import { startTestServer, type TestClient, type TestServer } from '../support/server';

let server: TestServer;
const sockets: TestClient[] = [];
/** Who is on each socket, in the same order. */
const roleOf: Role[] = ['manager', 'staff', 'staff', 'kiosk', 'rating-terminal', 'central-display', 'public'];

beforeAll(async () => {
  // Random storms of commands far faster than people work: past every socket's command budget.
  server = await startTestServer({ env: { QMS_SOCKET_RATE_SCALE: '1000' } });
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
  'counter:no-show', 'counter:transfer', 'counter:finish', 'counter:pause', 'counter:resume', 'state:request', 'phone:offer', 'phone:take',
];

const recentIds: string[] = [];
const issued: string[] = [];

/**
 * Whether the answer ('ok' or an error code) is one the contract allows for this call. Staff
 * sign in at random counters as the storm goes, so a staff member's counter command may also
 * meet not-your-counter.
 */
function contractAllows(role: Role, command: SocketOperationName, payload: unknown, answer: string): boolean {
  const { permission, input } = operations[command];
  if (!isAllowed(role, permission)) return answer === (role === 'public' ? 'unauthorized' : 'forbidden');
  const namesCounter = typeof payload === 'object' && payload !== null && typeof (payload as { counterId?: unknown }).counterId === 'number';
  if (answer === 'not-your-counter' && role === 'staff' && bindsStaffToTheirCounter(permission) && namesCounter) return true;
  if (!input.safeParse(payload).success) return answer === 'invalid-payload';
  return !['internal', 'invalid-payload', 'unauthorized', 'forbidden'].includes(answer);
}
const ticketId = fc.oneof(fc.constantFrom('AAAAAAAAAAAA', 'zzzzzzzzzzzz', '../x', ''), fc.integer({ min: 0, max: 50 }).map((i) => recentIds[i % Math.max(1, recentIds.length)] ?? 'none00'));
const counter = fc.constantFrom(6, 7, 1, 99, 0, -3);
const atCounter = fc.constantFrom(6, 7);
const issue = fc.record({ serviceId: fc.constantFrom('chung-thuc', 'ho-tich', 'nope'), priority: fc.boolean() }, { requiredKeys: ['serviceId'] });
const counterRef = fc.record({ counterId: counter });
const callNumber = fc.record({ counterId: atCounter, label: fc.constantFrom('1001', '1002', '2001', 'X', '') });
const noShow = fc.record({ counterId: atCounter, requeue: fc.boolean() });
const transfer = fc.record({ counterId: atCounter, toServiceId: fc.constantFrom('ho-tich', 'nope'), toCounterId: fc.constantFrom(6, 7, 42) }, { requiredKeys: ['counterId'] });
const pause = fc.record({ counterId: atCounter, reason: fc.constantFrom('Đi họp', '', 'x'.repeat(500)) });
const finish = fc.record(
  {
    counterId: atCounter,
    outcome: fc.constantFrom('tiep-nhan', 'huong-dan', 'khong-co', ''),
    // Mostly a few well-formed codes; now and then a bad one, or more than the ten allowed.
    dossierCodes: fc.oneof(
      { arbitrary: fc.array(fc.constantFrom('000.00.12.H23-260315-0001', 'H23/0002'), { minLength: 1, maxLength: 3 }), weight: 3 },
      { arbitrary: fc.array(fc.constantFrom('H23/0003', 'x y', ''), { maxLength: 3 }), weight: 1 },
      { arbitrary: fc.array(fc.constant('H23-0004'), { minLength: 11, maxLength: 11 }), weight: 1 },
    ),
  },
  { requiredKeys: ['counterId'] },
);
const rate = fc.record({ ticketId, score: fc.integer({ min: -1, max: 5 }), reason: fc.constantFrom('Thái độ phục vụ', undefined) }, { requiredKeys: ['ticketId', 'score'] });
const watch = fc.record({ ticketId });
const takeByPhone = fc.record({ serviceId: fc.constantFrom('chung-thuc', 'ho-tich', 'nope'), phone: fc.constantFrom('0912345678', '091 234 5679', '12', '') });
const anyPayload = fc.oneof(issue, counterRef, callNumber, noShow, transfer, finish, pause, rate, watch, fc.anything({ maxDepth: 2 }));

/** Mostly a payload shaped for the command (so the queue itself gets exercised), sometimes anything at all. */
const fitting: Record<SocketOperationName, fc.Arbitrary<unknown>> = {
  'ticket:issue': issue,
  'ticket:watch': watch,
  'ticket:rate': rate,
  'phone:offer': fc.constant({}),
  'phone:take': takeByPhone,
  'counter:sign-in': counterRef,
  'counter:sign-out': counterRef,
  'counter:call-next': counterRef,
  'counter:recall': counterRef,
  'counter:call-number': callNumber,
  'counter:no-show': noShow,
  'counter:transfer': transfer,
  'counter:finish': finish,
  'counter:pause': pause,
  'counter:resume': counterRef,
  'state:request': fc.constant({}),
};
const step = fc.constantFrom(...commands).chain((command) =>
  fc.tuple(fc.integer({ min: 0, max: 6 }), fc.constant(command), fc.oneof({ arbitrary: fitting[command], weight: 3 }, { arbitrary: anyPayload, weight: 1 })),
);

describe('the server under a random storm of commands from every role', () => {
  it('never crashes, keeps a valid state, and its journal replays to it', async () => {
    await fc.assert(
      fc.asyncProperty(
        // Each storm starts with the kiosk issuing one ticket, so every run has tickets to act on.
        fc.array(step, { minLength: 10, maxLength: 40 }).map((steps) => [[3, 'ticket:issue', { serviceId: 'chung-thuc' }] as [number, SocketOperationName, unknown], ...steps]),
        async (steps) => {
          // Sent all at once: arrival order is the server's to decide, as with real devices.
          const answers = await Promise.all(
            steps.map(([who, command, body]) => {
              const timed = sockets[who].timeout(5000);
              const emit = timed.emitWithAck.bind(timed) as unknown as (e: string, p: unknown) => Promise<{ ok: boolean; data?: { id?: string }; error?: { code: string } }>;
              return emit(command, body);
            }),
          );
          steps.forEach(([who, command, body], i) => {
            const a = answers[i];
            if (a.ok && command === 'ticket:issue') issued.push(a.data!.id!);
            if (a.ok && typeof a.data?.id === 'string') recentIds.push(a.data.id);
            expect(a.ok ? 'ok' : a.error!.code, `${roleOf[who]} ${command} ${JSON.stringify(body)?.slice(0, 100)}`).toSatisfy((answer: string) =>
              contractAllows(roleOf[who], command, body, answer),
            );
          });
        },
      ),
      { numRuns: 25 },
    );
    expect((await server.http('GET', '/api/health')).status).toBe(200);
    const state = server.app.ctx.queue.state;
    expect(issued.length).toBeGreaterThan(10);
    for (const id of issued) expect(state.tickets[id]).toBeDefined();
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

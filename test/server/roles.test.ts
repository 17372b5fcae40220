// Every role × every operation of the registry, over HTTP and over the socket, against the
// running server: refused with the right code exactly where the permission table says, and
// answered (not refused for who is asking) everywhere else. The probes are typed by the
// registry, so an operation added without one does not compile.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { httpRoute, operations, type HttpOperationName, type InputOf, type OperationName, type SocketOperationName } from '@protocol/api';
import type { Role } from '@protocol/events';
import { isAllowed, roles } from '@protocol/permissions';
import { io as ioClient } from 'socket.io-client';
import { paramsOf } from '@protocol/operation';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createToneSynthesizer } from '../../server/devices/speech/tone-synthesizer';
import { createVoice, type Voice } from '../../server/devices/speech/voice';
import { nextEvent, startTestServer, type TestClient, type TestServer } from '../support/server';

let server: TestServer;
const tokens: Partial<Record<Role, string>> = {};
const sockets: Partial<Record<Role, TestClient>> = {};
let ticketId = '';
let voiceDir = '';

/** The roles are tested, not speech: the voice speaks tones, at once. */
let toneVoice: Voice;

/** One call of each operation that a caller allowed to make it gets answered. */
const probes: { [K in OperationName]: () => InputOf<K> | Promise<InputOf<K>> } = {
  'ticket:issue': () => ({ serviceId: 'chung-thuc' }),
  'ticket:rate': () => ({ ticketId: 'khongcophieunay', score: 3 }),
  'ticket:watch': () => ({ ticketId }),
  'phone:offer': () => ({}),
  'phone:take': () => ({ serviceId: 'chung-thuc', phone: '0912345678' }),
  'appointments:slots': () => ({ serviceId: 'chung-thuc', day: '2026-03-02' }),
  'appointment:book': () => ({ serviceId: 'chung-thuc', day: '2026-03-02', start: '08:00', phone: '0912345678' }),
  'appointment:look-up': () => ({ code: 'ABCDEF' }),
  'appointments:day': () => ({}),
  'appointment:cancel': () => ({ code: 'ABCDEF' }),
  'appointment:check-in': () => ({ code: 'ABCDEF' }),
  'counter:sign-in': () => ({ counterId: 6 }),
  'counter:sign-out': () => ({ counterId: 6 }),
  'counter:call-next': () => ({ counterId: 6 }),
  'counter:recall': () => ({ counterId: 6 }),
  'counter:call-number': () => ({ counterId: 6, label: '6001' }),
  'counter:no-show': () => ({ counterId: 6 }),
  'counter:transfer': () => ({ counterId: 6, toServiceId: 'ho-tich' }),
  'counter:finish': () => ({ counterId: 6 }),
  'counter:pause': () => ({ counterId: 6, reason: 'Đi họp' }),
  'counter:resume': () => ({ counterId: 6 }),
  'auth:login': () => ({ username: 'canbo2', password: 'doimatkhau' }),
  'auth:logout': () => ({}),
  'device:issue-pairing-code': () => ({ deviceId: 'central-display-2' }),
  // A code of its own for each caller: wrong codes would run into the pairing throttle.
  'device:pair': async () => ({ code: (await server.http('POST', '/api/devices/pairing-codes', { deviceId: 'central-display-2' }, tokens.manager)).body.code as string }),
  'device:revoke': () => ({ deviceId: 'central-display-2' }),
  'user:create': () => ({ username: 'thu-quyen', name: 'Trần Thu Quyên', role: 'staff', password: 'mat-khau-du-dai' }),
  'user:update': () => ({ userId: 'canbo9', name: 'Đỗ Thị Thu Trang' }),
  'config:save': () => currentConfig,
  'backup:restore': () => ({}),
  'catalogue:import': () => ({ filename: 'thu-tuc.csv' }),
  'state:request': () => ({}),
  'health:read': () => ({}),
  'session:read': () => ({}),
  'state:read': () => ({}),
  'config:read': () => ({}),
  'users:list': () => ({}),
  'devices:list': () => ({}),
  'reports:today': () => ({}),
  'reports:presets': () => ({ date: '2026-03-02' }),
  'reports:period': () => ({ from: '2026-01-01', to: '2026-01-31' }),
  'reports:xlsx': () => ({ from: '2026-01-01', to: '2026-01-01' }),
  'reports:csv': () => ({ from: '2026-01-01', to: '2026-01-01', breakdown: 'field' }),
  'reports:docx': () => ({ from: '2026-01-01', to: '2026-01-01' }),
  'reports:counter-today': () => ({ counterId: 6 }),
  'procedures:search': () => ({ q: 'khai sinh' }),
  'procedures:info': () => ({}),
  'procedures:get': () => ({ code: '1.001193' }),
  'audit:latest': () => ({ limit: 5 }),
  'backups:list': () => ({}),
  'backups:download': () => ({}),
  'backups:file': () => ({ name: 'khong-co.tar.gz' }),
  'voice:call': () => ({ label: '1005', counter: 3 }),
  'voice:chime': () => ({}),
  'voice:clips': () => ({}),
  'voice:clip-audio': () => ({ key: 'chime' }),
  'voice:clip-sample': () => ({ key: 'digit-5' }),
  'voice:save-draft': () => ({ key: 'digit-5' }),
  'voice:discard-draft': () => ({ key: 'digit-5' }),
  'voice:keep-draft': () => ({ key: 'digit-5' }),
  'voice:revert': () => ({ key: 'digit-5' }),
  'auth:change-password': () => ({ currentPassword: 'sai-mat-khau', newPassword: 'mat-khau-moi-dai' }),
  'backups:second-location': () => ({}),
  'backup:copy-to-second-location': () => ({}),
  'city-link:read': () => ({}),
  'city-link:save': () => ({ url: '', token: '' }),
};
let currentConfig: InputOf<'config:save'>;

/** What an allowed caller may be answered other than a success: refusals about the data, never about who asks. */
const answersWhenAllowed: Partial<Record<OperationName, string[]>> = {
  'ticket:rate': ['unknown-ticket'],
  // The phone hours and the limits per phone (one number per field: the second probe of the same phone is refused).
  'phone:take': ['outside-phone-hours', 'outside-opening-hours', 'phone-field-limit', 'phone-day-limit'],
  // A day that may not be booked (past, or beyond the booking horizon), or a code nobody holds.
  'appointments:slots': ['appointments-off'],
  'appointment:book': ['appointments-off', 'no-such-slot', 'slot-full', 'booking-limit'],
  'appointment:look-up': ['unknown-booking'],
  'appointment:cancel': ['unknown-booking'],
  'appointment:check-in': ['unknown-booking'],
  'backup:restore': ['invalid-payload'],
  'backups:file': ['not-found'],
  // The queue decides: nobody waiting, nothing called yet, paused already…
  'counter:call-next': ['queue-empty'],
  'counter:recall': ['no-current-ticket'],
  'counter:call-number': ['unknown-ticket'],
  'counter:no-show': ['no-current-ticket'],
  'counter:transfer': ['no-current-ticket'],
  'counter:finish': ['no-current-ticket'],
  'counter:pause': ['counter-paused'],
  'counter:resume': [],
  // It needs a signed-in session and the password that session has now.
  'auth:change-password': ['login-failed', 'unauthorized'],
  'voice:save-draft': ['invalid-audio'],
  'voice:keep-draft': ['not-found'],
};

/** Operations that end the caller's own session (or its counter) run last, with a token of their own. */
const endsTheSession: OperationName[] = ['counter:sign-out', 'auth:logout'];
const ownTokens: Record<'http' | 'socket', Partial<Record<OperationName, Partial<Record<Role, string>>>>> = { http: {}, socket: {} };

/** After a probe that changed who works where: canbo1 is back at counter 6 for the next ones. */
const restore: Partial<Record<OperationName, () => Promise<unknown>>> = {
  'counter:sign-out': () => server.http('POST', '/api/counters/6/sign-in', undefined, tokens.staff),
};

async function tokenFor(role: Role): Promise<string | undefined> {
  if (role === 'public') return undefined;
  if (role === 'manager') return server.login();
  if (role === 'guide') return server.login('huongdan1');
  if (role === 'staff') {
    const token = await server.login('canbo1');
    await server.http('POST', '/api/counters/6/sign-in', undefined, token);
    return token;
  }
  return server.pair({ kiosk: 'kiosk-1', 'counter-display': 'counter-display-6', 'central-display': 'central-display-1', 'rating-terminal': 'rating-terminal-6' }[role]);
}

beforeAll(async () => {
  voiceDir = await mkdtemp(join(tmpdir(), 'qms-roles-voice-'));
  toneVoice = createVoice({ dataDir: voiceDir, synthesizer: createToneSynthesizer() });
  // Every role sends every command in a burst: the sockets' command budgets are raised for it.
  server = await startTestServer({ deps: { voice: toneVoice }, env: { QMS_SOCKET_RATE_SCALE: '100' } });
  const guide = await server.http('POST', '/api/users', { username: 'huongdan1', name: 'Lê Thị Hướng', role: 'guide', password: 'mat-khau-dau-tien' }, await server.login());
  expect(guide.status).toBe(201);
  // Its first sign-in replaces the password the manager gave it; later ones use the new one.
  await server.login('huongdan1', 'mat-khau-dau-tien');
  for (const role of roles) tokens[role] = await tokenFor(role);
  for (const role of roles) sockets[role] = (await server.client(tokens[role])).socket;
  for (const transport of ['http', 'socket'] as const) {
    for (const name of endsTheSession) {
      const own: Partial<Record<Role, string>> = (ownTokens[transport][name] = {});
      for (const role of roles) own[role] = await tokenFor(role);
    }
  }
  ticketId = (await server.http('POST', '/api/tickets', { serviceId: 'ho-tich' }, tokens.manager)).body.id;
  currentConfig = (await server.http('GET', '/api/config', undefined, tokens.manager)).body;
});
afterAll(async () => {
  await server.close();
  await rm(voiceDir, { recursive: true, force: true });
});

/** The request an HTTP client makes for this operation and input (the path's segments filled in, a GET's query string). */
function request(name: HttpOperationName, input: Record<string, unknown>): { method: string; path: string; body?: unknown } {
  const route = httpRoute(name);
  const rest = { ...input };
  let path = route.path as string;
  for (const p of paramsOf(route.path)) {
    path = path.replace(`:${p}`, encodeURIComponent(String(rest[p])));
    delete rest[p];
  }
  if (route.method === 'GET' || route.fileBody) {
    const query = new URLSearchParams(Object.entries(rest).map(([k, v]) => [k, String(v)])).toString();
    return { method: route.method, path: `/api${path}${query ? `?${query}` : ''}`, ...(route.fileBody ? { body: 'không phải tệp hợp lệ' } : {}) };
  }
  return { method: route.method, path: `/api${path}`, body: rest };
}

function expectAnswerFor(role: Role, name: OperationName, status: number, code: string | undefined) {
  const refusalForWho = role === 'public' ? 'unauthorized' : 'forbidden';
  if (!isAllowed(role, operations[name].permission)) {
    expect({ status, code }).toEqual({ status: role === 'public' ? 401 : 403, code: refusalForWho });
  } else if (status >= 400) {
    // catalogue:import answers a file it cannot read with 422 and the lines that are wrong, no code.
    if (name === 'catalogue:import') expect(status).toBe(422);
    else expect(answersWhenAllowed[name] ?? []).toContain(code);
  }
}

const ordered = [...(Object.keys(operations) as OperationName[]).filter((n) => !endsTheSession.includes(n)), ...endsTheSession];
const httpNames = ordered.filter((n): n is HttpOperationName => 'http' in operations[n]);
const socketNames = ordered.filter((n): n is SocketOperationName => 'socket' in operations[n]);

describe('the role matrix over HTTP', () => {
  for (const name of httpNames) {
    for (const role of roles) {
      const allowed = isAllowed(role, operations[name].permission);
      it(`${role} ${allowed ? 'may' : 'may not'} ${name} (${httpRoute(name).method} ${httpRoute(name).path})`, async () => {
        const token = ownTokens.http[name]?.[role] ?? tokens[role];
        const { method, path, body } = request(name, (await probes[name]()) as Record<string, unknown>);
        const res = await server.http(method, path, body, token);
        await restore[name]?.();
        expectAnswerFor(role, name, res.status, res.body?.code);
      });
    }
  }
});

describe('the role matrix over the socket', () => {
  for (const name of socketNames) {
    for (const role of roles) {
      const allowed = isAllowed(role, operations[name].permission);
      it(`${role} ${allowed ? 'may' : 'may not'} ${name}`, async () => {
        const own = ownTokens.socket[name]?.[role];
        const socket = own ? (await server.client(own)).socket : sockets[role]!;
        const emit = socket.timeout(5000).emitWithAck.bind(socket.timeout(5000)) as unknown as (e: string, p: unknown) => Promise<{ ok: boolean; error?: { code: string } }>;
        const res = await emit(name, await probes[name]());
        const code = res.ok ? undefined : res.error!.code;
        const status = res.ok ? 200 : code === 'unauthorized' ? 401 : code === 'forbidden' ? 403 : 409;
        await restore[name]?.();
        expectAnswerFor(role, name, status, code);
      });
    }
  }
});

describe('counters', () => {
  const atCounter = httpNames.filter((n) => operations[n].permission === 'counter.act' && 'socket' in operations[n]);

  for (const name of atCounter) {
    it(`staff may not ${name} at a counter they did not sign in at, over HTTP or the socket`, async () => {
      const input = (await probes[name]()) as { counterId: number };
      const { method, path, body } = request(name, { ...input, counterId: 7 });
      expect((await server.http(method, path, body, tokens.staff)).body.code).toBe('not-your-counter');
      expect(await sockets.staff!.timeout(5000).emitWithAck(name as 'counter:finish', { ...input, counterId: 7 })).toMatchObject({
        ok: false,
        error: { code: 'not-your-counter' },
      });
    });
  }

  it('staff act at the counter they signed in at, and a manager supervises any counter', async () => {
    expect((await server.http('POST', '/api/counters/6/pause', { reason: 'x' }, tokens.staff)).status).toBe(200);
    expect((await server.http('POST', '/api/counters/6/resume', {}, tokens.staff)).status).toBe(200);
    expect((await server.http('POST', '/api/counters/6/pause', { reason: 'Kiểm tra' }, tokens.manager)).status).toBe(200);
    expect((await server.http('POST', '/api/counters/6/resume', {}, tokens.manager)).status).toBe(200);
  });
});

describe('sessions and devices', () => {
  it('a revoked device stops working at once', async () => {
    const token = await server.pair('kiosk-1');
    const { socket } = await server.client(token);
    const ended = nextEvent(socket, 'session:ended');
    const cut = new Promise((resolve) => socket.once('disconnect', resolve));
    await server.http('DELETE', '/api/devices/kiosk-1/pairing', undefined, tokens.manager);
    expect(await ended).toEqual(['revoked']);
    await cut;
    expect((await server.http('POST', '/api/tickets', { serviceId: 'chung-thuc' }, token)).status).toBe(401);
    tokens.kiosk = await server.pair('kiosk-1');
  });

  it('a wrong password is refused and repeated failures lock the name', async () => {
    for (let i = 0; i < 5; i++) expect((await server.http('POST', '/api/auth/login', { username: 'canbo9', password: 'sai' })).body.code).toBe('login-failed');
    expect((await server.http('POST', '/api/auth/login', { username: 'canbo9', password: 'doimatkhau' })).body.code).toBe('account-locked');
  });

  it('a phone sees no queue: no snapshot, and asking for one is refused', async () => {
    await server.http('POST', '/api/tickets', { serviceId: 'ho-tich' }, tokens.manager);
    // Listening before it connects: a snapshot sent on connection cannot slip past.
    const socket: TestClient = ioClient(server.url, { transports: ['websocket'], forceNew: true, reconnection: false, autoConnect: false });
    let snapshots = 0;
    socket.on('state:snapshot', () => snapshots++);
    socket.connect();
    expect(await socket.emitWithAck('state:request', {})).toMatchObject({ ok: false, error: { code: 'unauthorized' } });
    // The server sends a connection's snapshot before it answers anything on it: had there
    // been one, it would have arrived before this answer.
    expect(await socket.emitWithAck('ticket:watch', { ticketId })).toMatchObject({ ok: true });
    expect(snapshots).toBe(0);
    socket.close();
  });

  it('a pairing code works once', async () => {
    const code = (await server.http('POST', '/api/devices/pairing-codes', { deviceId: 'central-display-2' }, tokens.manager)).body.code;
    expect((await server.http('POST', '/api/devices/pair', { code })).status).toBe(201);
    expect((await server.http('POST', '/api/devices/pair', { code })).body.code).toBe('invalid-pairing-code');
  });
});

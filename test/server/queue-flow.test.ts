import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { QueueEvent } from '@protocol/queue';
import { connect } from '../../client/connection';
import { nextEvent, startTestServer, type TestServer } from '../support/server';

let server: TestServer;
beforeEach(async () => {
  server = await startTestServer();
});
afterEach(async () => {
  await server.close();
});

async function journal(): Promise<QueueEvent[]> {
  const day = server.app.ctx.queue.state.day;
  const text = await readFile(join(server.dataDir, 'journal', `${day}.jsonl`), 'utf8');
  return text.trim().split('\n').map((l) => JSON.parse(l));
}

describe('a ticket from the kiosk to the counter', () => {
  it('reaches every display, the counter display and the disk', async () => {
    const kiosk = await server.client(await server.pair('kiosk-1'));
    const central = await server.client(await server.pair('central-display-1'));
    const counterDisplay = await server.client(await server.pair('counter-display-6'));
    const staff = await server.client(await server.login('canbo1'));

    const issuedSeen = nextEvent(central.socket, 'queue:event');
    const issued = await kiosk.socket.emitWithAck('ticket:issue', { serviceId: 'chung-thuc' });
    expect(issued).toMatchObject({ ok: true, data: { label: '1001', serviceName: 'Chứng thực', waitingAhead: 0, printed: true } });
    const [event] = await issuedSeen;
    expect(event).toMatchObject({ type: 'ticket.issued', ticket: { label: '1001' } });
    // Acknowledged means on disk.
    expect((await journal()).some((e) => e.type === 'ticket.issued' && e.ticket.label === '1001')).toBe(true);

    expect(await staff.socket.emitWithAck('counter:sign-in', { counterId: 6 })).toMatchObject({ ok: true, data: { counterId: 6 } });
    const counterUpdate = new Promise<void>((resolve) =>
      counterDisplay.socket.on('counter:updated', (v) => {
        if (v.current?.label === '1001') resolve();
      }),
    );
    const calledSeen = new Promise<QueueEvent>((resolve) =>
      central.socket.on('queue:event', (e) => {
        if (e.type === 'ticket.called') resolve(e);
      }),
    );
    const call = await staff.socket.emitWithAck('counter:call-next', { counterId: 6 });
    expect(call).toMatchObject({ ok: true, data: { label: '1001', counterId: 6 } });
    await counterUpdate;
    expect(await calledSeen).toMatchObject({ counterId: 6, staffId: 'canbo1' });
    expect((await journal()).map((e) => e.type)).toEqual(['day.opened', 'ticket.issued', 'counter.opened', 'ticket.called']);
  });

  it('over HTTP: issue with curl-like calls and see it in GET /api/state', async () => {
    const admin = await server.login();
    const res = await server.http('POST', '/api/tickets', { serviceId: 'ho-tich', priority: true }, admin);
    expect(res.status).toBe(201);
    expect(res.body).toMatchObject({ number: 2001, serviceId: 'ho-tich', waitingAhead: 0 });
    expect(typeof res.body.id).toBe('string');
    expect(typeof res.body.issuedAt).toBe('number');
    const state = await server.http('GET', '/api/state', undefined, admin);
    expect(state.body.services.find((s: { id: string }) => s.id === 'ho-tich').waiting).toBe(1);
    await server.http('POST', '/api/counters/5/sign-in', undefined, admin);
    const next = await server.http('POST', '/api/counters/5/next', {}, admin);
    expect(next).toMatchObject({ status: 200, body: { label: '2001' } });
    const after = await server.http('GET', '/api/state', undefined, admin);
    expect(after.body.counters.find((c: { id: number }) => c.id === 5).current.label).toBe('2001');
  });

  it('an HTTP action reaches the displays exactly like one from a console', async () => {
    const central = await server.client(await server.pair('central-display-2'));
    const admin = await server.login();
    const seen = nextEvent(central.socket, 'queue:event');
    await server.http('POST', '/api/tickets', { serviceId: 'dat-dai' }, admin);
    expect((await seen)[0]).toMatchObject({ type: 'ticket.issued', ticket: { label: '3001' } });
  });

  it('many clients issuing at once get distinct consecutive numbers', async () => {
    const kiosks = await Promise.all(Array.from({ length: 8 }, async () => (await server.client(await server.pair('kiosk-1'))).socket));
    const acks = await Promise.all(kiosks.flatMap((k) => Array.from({ length: 3 }, () => k.emitWithAck('ticket:issue', { serviceId: 'chung-thuc' }))));
    const labels = acks.map((a) => (a.ok ? a.data.label : a.error.code)).sort();
    expect(labels).toEqual(Array.from({ length: 24 }, (_, i) => String(1001 + i)));
  });

  it('the phone page follows its own ticket as the line moves and rates it once', async () => {
    const admin = await server.login();
    const first = (await server.http('POST', '/api/tickets', { serviceId: 'chung-thuc' }, admin)).body;
    const mine = (await server.http('POST', '/api/tickets', { serviceId: 'chung-thuc' }, admin)).body;
    const phone = await server.client();
    const watched = await phone.socket.emitWithAck('ticket:watch', { ticketId: mine.id });
    expect(watched).toMatchObject({ ok: true, data: { label: '1002', waitingAhead: 1, status: 'waiting' } });
    expect(JSON.stringify(watched)).not.toContain(first.id);
    const staff = await server.client(await server.login('canbo1'));
    await staff.socket.emitWithAck('counter:sign-in', { counterId: 6 });
    const moved = nextEvent(phone.socket, 'ticket:updated');
    await staff.socket.emitWithAck('counter:call-next', { counterId: 6 });
    expect((await moved)[0]).toMatchObject({ waitingAhead: 0, status: 'waiting' });
    const called = nextEvent(phone.socket, 'ticket:updated');
    await staff.socket.emitWithAck('counter:call-next', { counterId: 6 });
    expect((await called)[0]).toMatchObject({ status: 'serving', counterId: 6 });
    await staff.socket.emitWithAck('counter:finish', { counterId: 6 });
    expect(await phone.socket.emitWithAck('ticket:rate', { ticketId: mine.id, score: 3 })).toMatchObject({ ok: true, data: { rating: { score: 3 }, canRate: false } });
    expect(await phone.socket.emitWithAck('ticket:rate', { ticketId: mine.id, score: 2 })).toMatchObject({ ok: false, error: { code: 'already-rated' } });
  });

  it('the paired rating terminal gets the prompt and records the rating with the staff member', async () => {
    const terminal = await server.client(await server.pair('rating-terminal-6'));
    const staff = await server.client(await server.login('canbo2'));
    await staff.socket.emitWithAck('counter:sign-in', { counterId: 6 });
    await server.http('POST', '/api/tickets', { serviceId: 'chung-thuc' }, await server.login());
    await staff.socket.emitWithAck('counter:call-next', { counterId: 6 });
    const prompt = new Promise<string>((resolve) =>
      terminal.socket.on('counter:updated', (v) => {
        if (v.ratingPrompt) resolve(v.ratingPrompt.ticketId);
      }),
    );
    await staff.socket.emitWithAck('counter:finish', { counterId: 6 });
    const ticketId = await prompt;
    expect(await terminal.socket.emitWithAck('ticket:rate', { ticketId, score: 3 })).toMatchObject({ ok: true });
    const rated = (await journal()).find((e) => e.type === 'ticket.rated');
    expect(rated).toMatchObject({ ticketId, score: 3, staffId: 'canbo2', counterId: 6, via: 'terminal' });
  });

  it('a terminal of another counter cannot rate the ticket', async () => {
    const other = await server.client(await server.pair('rating-terminal-7'));
    const staff = await server.client(await server.login('canbo2'));
    await staff.socket.emitWithAck('counter:sign-in', { counterId: 6 });
    const t = (await server.http('POST', '/api/tickets', { serviceId: 'chung-thuc' }, await server.login())).body;
    await staff.socket.emitWithAck('counter:call-next', { counterId: 6 });
    await staff.socket.emitWithAck('counter:finish', { counterId: 6 });
    expect(await other.socket.emitWithAck('ticket:rate', { ticketId: t.id, score: 3 })).toMatchObject({ ok: false, error: { code: 'not-your-counter' } });
  });

  it('a display that no longer holds a called-back ticket still hears the call with its number', async () => {
    const admin = await server.login();
    const t = (await server.http('POST', '/api/tickets', { serviceId: 'chung-thuc' }, admin)).body;
    await server.http('POST', '/api/counters/6/sign-in', undefined, admin);
    await server.http('POST', '/api/counters/6/next', {}, admin);
    await server.http('POST', '/api/counters/6/no-show', { requeue: false }, admin);
    const conn = connect({ url: server.url, token: await server.pair('central-display-1') });
    try {
      await new Promise<void>((resolve) => conn.subscribe((d) => d.status === 'online' && resolve()));
      delete conn.data.state!.tickets[t.id]; // as after a snapshot taken once it left the recent calls
      const heard = new Promise<QueueEvent>((resolve) => conn.onEvent((e) => e.type === 'ticket.called' && resolve(e)));
      await server.http('POST', '/api/counters/6/call-number', { label: t.label }, admin);
      expect(await heard).toMatchObject({ label: t.label, counterId: 6 });
    } finally {
      conn.close();
    }
  });
});

describe('a printer that stops answering', () => {
  it('does not keep the kiosk waiting: the ticket is issued and shown as not printed', async () => {
    const hanging = await startTestServer({
      deps: {
        printer: { description: 'treo', print: () => new Promise<void>(() => undefined), status: async () => 'offline', close: async () => undefined },
      },
    });
    try {
      const kiosk = await hanging.client(await hanging.pair('kiosk-1'));
      // Well inside the kiosk's own 8-second give-up.
      const res = await kiosk.socket.timeout(6000).emitWithAck('ticket:issue', { serviceId: 'ho-tich' });
      expect(res).toMatchObject({ ok: true, data: { label: '2001', printed: false } });
    } finally {
      await hanging.close();
    }
  });
});

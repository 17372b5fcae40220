// The wait estimate through the real server: the kiosk's answer, the printed ticket, the phone
// page and the screens' paces, and the same weekday's history read from the data folder.
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import type { TicketPrinter, TicketPrintJob } from '../../server/devices/printer';
import { addDays } from '@protocol/calendar-days';
import { estimateWait } from '@protocol/wait-estimate';
import { simulatePeriod } from '../../server/simulator/simulate';
import { nextEvent, startTestServer, type TestServer } from '../support/server';

function recordingPrinter(): TicketPrinter & { jobs: TicketPrintJob[] } {
  const jobs: TicketPrintJob[] = [];
  return {
    jobs,
    description: 'recording printer',
    async print(job) {
      jobs.push(job);
    },
    async status() {
      return 'ok';
    },
    async close() {},
  };
}

let server: TestServer | undefined;
let dataDir: string | undefined;
afterEach(async () => {
  await server?.close();
  server = undefined;
  if (dataDir) await rm(dataDir, { recursive: true, force: true });
  dataDir = undefined;
});

describe('the wait estimate', () => {
  it('is on the kiosk\'s answer and the printed ticket, grows with the line, and reaches the phone and the screens', async () => {
    const printer = recordingPrinter();
    server = await startTestServer({ deps: { printer } });
    const kiosk = await server.client(await server.pair('kiosk-1'));
    const central = await server.client(await server.pair('central-display-1'));
    expect(central.snapshot!.waits.paces['chung-thuc']).toMatchObject({ basis: 'none' });
    const staff = await server.client(await server.login('canbo1'));
    await staff.socket.emitWithAck('counter:sign-in', { counterId: 6 });

    // Counter 6 is open and free: the first citizen is called at once.
    const first = await kiosk.socket.emitWithAck('ticket:issue', { serviceId: 'chung-thuc' });
    expect(first).toMatchObject({ ok: true, data: { waitingAhead: 0, waitEstimate: { low: 0, high: 10 } } });
    expect(printer.jobs[0].waitEstimate).toEqual({ low: 0, high: 10 });
    await staff.socket.emitWithAck('counter:call-next', { counterId: 6 });

    let last;
    for (let i = 0; i < 10; i++) last = await kiosk.socket.emitWithAck('ticket:issue', { serviceId: 'chung-thuc' });
    if (!last?.ok) throw new Error('not issued');
    // Ten ahead of one counter at the default 8 minutes a citizen: more than an hour.
    expect(last.data.waitingAhead).toBe(9);
    expect(last.data.waitEstimate!.low).toBeGreaterThanOrEqual(60);
    expect(printer.jobs.at(-1)!.waitEstimate).toEqual(last.data.waitEstimate);

    const phone = await server.client();
    const watched = await phone.socket.emitWithAck('ticket:watch', { ticketId: last.data.id });
    if (!watched.ok) throw new Error('not watched');
    expect(watched.data.waitEstimate).toEqual(last.data.waitEstimate);
    expect(watched.data.counters).toEqual([
      { id: 6, name: 'Quầy 6 – Chứng thực', status: 'open' },
      { id: 7, name: 'Quầy 7 – Chứng thực – Hộ tịch', status: 'closed' },
    ]);

    // A second counter opens: the line moves twice as fast, and the phone hears of it.
    const updated = nextEvent(phone.socket, 'ticket:updated');
    const paces = nextEvent(central.socket, 'waits:changed', 8000);
    const helper = await server.client(await server.login('canbo2'));
    await helper.socket.emitWithAck('counter:sign-in', { counterId: 7 });
    await helper.socket.emitWithAck('counter:call-next', { counterId: 7 });
    const [view] = await updated;
    expect(view.waitingAhead).toBe(8);
    expect(view.waitEstimate!.high).toBeLessThan(last.data.waitEstimate!.low);
    const [waits] = await paces;
    expect(waits.paces['chung-thuc'].minutesPerCall).toBeLessThan(central.snapshot!.waits.paces['chung-thuc'].minutesPerCall);
  });

  it('keeps one basis through a burst of issues, each taking the turn it gave a ticket taken now, and plays forward again after a call', async () => {
    let now = Date.now();
    server = await startTestServer({ deps: { clock: () => now } });
    const kiosk = await server.client(await server.pair('kiosk-1'));
    const staff = await server.client(await server.login('canbo1'));
    await staff.socket.emitWithAck('counter:sign-in', { counterId: 6 });
    const issue = async () => {
      const r = await kiosk.socket.emitWithAck('ticket:issue', { serviceId: 'chung-thuc' });
      if (!r.ok) throw new Error('not issued');
      return r.data;
    };
    await issue();
    await staff.socket.emitWithAck('counter:call-next', { counterId: 6 });
    await issue();
    const basis = server.app.ctx.waits.basis();
    const next = await issue();
    expect(server.app.ctx.waits.basis()).toBe(basis);
    // The basis's last turn was for a ticket taken now: this one.
    expect(next.waitEstimate).toEqual(estimateWait(next.waitingAhead, 'chung-thuc', basis));
    expect(basis.paces['chung-thuc'].turns).toHaveLength(next.waitingAhead + 1);
    now += 1500;
    await issue();
    expect(server.app.ctx.waits.basis()).not.toBe(basis);
    const later = server.app.ctx.waits.basis();
    await staff.socket.emitWithAck('counter:call-next', { counterId: 6 });
    expect(server.app.ctx.waits.basis()).not.toBe(later);
  });

  it('falls back on the same weekday\'s service times before today has its own', async () => {
    dataDir = await mkdtemp(join(tmpdir(), 'qms-waits-'));
    const probe = await startTestServer({ dataDir });
    const today = probe.app.ctx.queue.state.day;
    const byDefault = probe.app.ctx.waits.basis().paces['chung-thuc'];
    expect(byDefault.basis).toBe('none');
    await probe.close({ keepData: true });
    await simulatePeriod({ dataDir, from: addDays(today, -28), to: addDays(today, -1), visits: 1500, seed: 7 });
    server = await startTestServer({ dataDir });
    await server.app.ctx.waits.loadHistory();
    const pace = server.app.ctx.waits.basis().paces['chung-thuc'];
    expect(pace.basis).toBe('history');
    // The simulated chứng thực takes about 6 minutes, not the default 8.
    expect(pace.minutesPerCall).toBeLessThan(byDefault.minutesPerCall - 1);
  });
});

import { describe, expect, it } from 'vitest';
import type { CentreConfig } from '@protocol/config';
import { applyEvent, emptyState, replay, waitingAhead, type QueueEvent, type QueueState } from '@protocol/queue';
import { sampleCentre } from '@protocol/sample-centre';
import { decide, type Command, type CoreContext } from './queue-core';

const T0 = Date.UTC(2026, 10, 24, 1, 0); // 08:00 in Hà Nội, a Tuesday

function harness(overrides: Partial<CentreConfig> = {}) {
  const config: CentreConfig = { ...structuredClone(sampleCentre), ...overrides };
  let now = T0;
  let n = 0;
  const state: QueueState = emptyState('2026-11-24');
  const log: QueueEvent[] = [];
  const ctx = (): CoreContext => ({ now, config, newId: () => `ticket-${++n}` });
  const run = (cmd: Command) => {
    const d = decide(state, cmd, ctx());
    if (d.ok) for (const e of d.events) applyEvent(state, e);
    if (d.ok) log.push(...d.events);
    return d;
  };
  const ok = (cmd: Command) => {
    const d = run(cmd);
    if (!d.ok) throw new Error(`refused ${cmd.type}: ${d.code}`);
    return d;
  };
  const issue = (serviceId: string, priority = false) => state.tickets[ok({ type: 'issue', serviceId, priority, source: 'kiosk' }).ticketId!];
  const open = (counterId: number, staffId = `staff-${counterId}`) => ok({ type: 'open', counterId, staffId });
  const next = (counterId: number) => state.tickets[ok({ type: 'call-next', counterId }).ticketId!];
  return {
    config, state, log, run, ok, issue, open, next,
    advance: (ms: number) => { now += ms; },
  };
}

describe('issuing tickets', () => {
  it('numbers each field from the start of its block, one after another', () => {
    const h = harness();
    expect([h.issue('chung-thuc').label, h.issue('chung-thuc').label, h.issue('ho-tich').label]).toEqual(['1001', '1002', '2001']);
  });

  it('pads prefixed numbers to the width of the block ("T001")', () => {
    const h = harness();
    expect(h.issue('thue').label).toBe('T001');
  });

  it('refuses an unknown or inactive field', () => {
    const h = harness();
    expect(h.run({ type: 'issue', serviceId: 'nope', priority: false, source: 'kiosk' })).toEqual({ ok: false, code: 'unknown-service' });
    h.config.services[0].active = false;
    expect(h.run({ type: 'issue', serviceId: h.config.services[0].id, priority: false, source: 'kiosk' })).toEqual({ ok: false, code: 'service-inactive' });
  });

  it('stops at the daily cap and at the end of the number block', () => {
    const h = harness();
    const quanSu = h.config.services.find((s) => s.id === 'quan-su')!;
    quanSu.dailyCap = 2;
    h.issue('quan-su');
    h.issue('quan-su');
    expect(h.run({ type: 'issue', serviceId: 'quan-su', priority: false, source: 'kiosk' })).toEqual({ ok: false, code: 'daily-cap-reached' });
    const thue = h.config.services.find((s) => s.id === 'thue')!;
    thue.dailyCap = null;
    thue.numberEnd = 2;
    h.issue('thue');
    h.issue('thue');
    expect(h.run({ type: 'issue', serviceId: 'thue', priority: false, source: 'kiosk' })).toEqual({ ok: false, code: 'daily-cap-reached' });
  });

  it('refuses kiosk tickets outside opening hours but lets a manager issue', () => {
    const h = harness();
    h.config.openingHours.enforce = true;
    h.advance(-3 * 3_600_000); // 05:00 local
    expect(h.run({ type: 'issue', serviceId: 'ho-tich', priority: false, source: 'kiosk' })).toEqual({ ok: false, code: 'outside-opening-hours' });
    expect(h.run({ type: 'issue', serviceId: 'ho-tich', priority: false, source: 'api' }).ok).toBe(true);
    h.advance(3 * 3_600_000); // 08:00
    expect(h.run({ type: 'issue', serviceId: 'ho-tich', priority: false, source: 'kiosk' }).ok).toBe(true);
  });

  it('refuses on a configured holiday', () => {
    const h = harness();
    h.config.openingHours.enforce = true;
    h.config.openingHours.holidays = ['2026-11-24'];
    expect(h.run({ type: 'issue', serviceId: 'ho-tich', priority: false, source: 'kiosk' })).toEqual({ ok: false, code: 'outside-opening-hours' });
  });

  it('never repeats a label when the block is moved back mid-day', () => {
    const h = harness();
    const a = h.issue('chung-thuc');
    h.config.services.find((s) => s.id === 'chung-thuc')!.numberStart = 1001;
    h.state.lastNumber['chung-thuc'] = 1000; // as if the block had been lowered
    expect(h.issue('chung-thuc').label).not.toBe(a.label);
  });

  it('marks a ticket with a priority category as priority', () => {
    const h = harness();
    const d = h.ok({ type: 'issue', serviceId: 'ho-tich', priority: false, priorityCategoryId: 'nguoi-cao-tuoi', source: 'kiosk' });
    expect(h.state.tickets[d.ticketId!].priority).toBe(true);
    expect(h.run({ type: 'issue', serviceId: 'ho-tich', priority: true, priorityCategoryId: 'khong-co', source: 'kiosk' })).toEqual({ ok: false, code: 'invalid-payload' });
  });
});

describe('calling the next ticket', () => {
  it('refuses at a closed or paused counter', () => {
    const h = harness();
    h.issue('chung-thuc');
    expect(h.run({ type: 'call-next', counterId: 6 })).toEqual({ ok: false, code: 'counter-closed' });
    h.open(6);
    h.ok({ type: 'pause', counterId: 6, reason: 'Đi họp' });
    expect(h.run({ type: 'call-next', counterId: 6 })).toEqual({ ok: false, code: 'counter-paused' });
    h.ok({ type: 'resume', counterId: 6 });
    expect(h.next(6).label).toBe('1001');
  });

  it('answers queue-empty when none of the counter\'s fields has anyone waiting', () => {
    const h = harness();
    h.issue('dat-dai');
    h.open(6);
    expect(h.run({ type: 'call-next', counterId: 6 })).toEqual({ ok: false, code: 'queue-empty' });
  });

  it('gives priority tickets first when both wait', () => {
    const h = harness();
    h.issue('ho-tich');
    h.advance(1000);
    const p = h.issue('ho-tich', true);
    h.open(5);
    expect(h.next(5).id).toBe(p.id);
  });

  it('takes the longest-waiting ticket across the counter\'s fields', () => {
    const h = harness();
    const older = h.issue('ho-tich');
    h.advance(1000);
    h.issue('chung-thuc');
    h.open(7); // serves chung-thuc first, then ho-tich
    expect(h.next(7).id).toBe(older.id);
  });

  it('breaks equal waits by the counter\'s preference order', () => {
    const h = harness();
    h.issue('ho-tich');
    const preferred = h.issue('chung-thuc'); // same millisecond
    h.open(7);
    expect(h.next(7).id).toBe(preferred.id);
  });

  it('strict preference empties the first field before the second', () => {
    const h = harness();
    h.config.callPolicy.fieldOrder = 'strict-preference';
    h.issue('ho-tich');
    h.advance(1000);
    const first = h.issue('chung-thuc');
    h.open(7);
    expect(h.next(7).id).toBe(first.id);
  });

  it('interleaves N normal tickets to one priority ticket', () => {
    const h = harness();
    h.config.callPolicy.mode = 'interleave';
    h.config.callPolicy.interleaveNormalPerPriority = 2;
    for (let i = 0; i < 4; i++) {
      h.issue('chung-thuc');
      h.advance(10);
    }
    h.issue('chung-thuc', true);
    h.issue('chung-thuc', true);
    h.open(6);
    const order = Array.from({ length: 6 }, () => h.next(6).priority);
    expect(order).toEqual([false, false, true, false, false, true]);
  });

  it('lets a ticket that waited past the maximum go before priority', () => {
    const h = harness();
    h.config.callPolicy.maxWaitMinutes = 30;
    const starving = h.issue('chung-thuc');
    h.advance(31 * 60_000);
    h.issue('chung-thuc', true);
    h.open(6);
    expect(h.next(6).id).toBe(starving.id);
  });

  it('finishes the ticket at the desk when staff call the next one', () => {
    const h = harness();
    const a = h.issue('chung-thuc');
    h.issue('chung-thuc');
    h.open(6);
    h.next(6);
    h.advance(60_000);
    h.next(6);
    expect(h.state.tickets[a.id].status).toBe('done');
    expect(h.log.at(-2)).toMatchObject({ type: 'ticket.finished', ticketId: a.id, counterId: 6, staffId: 'staff-6' });
    expect(h.log.at(-2)).not.toHaveProperty('outcome');
  });

  it('never gives one ticket to two counters', () => {
    const h = harness();
    h.issue('chung-thuc');
    h.open(6);
    h.open(7);
    h.next(6);
    expect(h.run({ type: 'call-next', counterId: 7 })).toEqual({ ok: false, code: 'queue-empty' });
  });
});

describe('actions on the ticket at the desk', () => {
  it('recall counts another call and appears in the recent calls', () => {
    const h = harness();
    const t = h.issue('chung-thuc');
    h.open(6);
    h.next(6);
    h.ok({ type: 'recall', counterId: 6 });
    expect(h.state.tickets[t.id].callCount).toBe(2);
    expect(h.state.recentCalls[0]).toMatchObject({ ticketId: t.id, recall: true, counterId: 6 });
  });

  it('recall, no-show, transfer and finish need a ticket at the desk', () => {
    const h = harness();
    h.open(6);
    for (const cmd of [
      { type: 'recall', counterId: 6 },
      { type: 'no-show', counterId: 6, requeue: false },
      { type: 'transfer', counterId: 6, toServiceId: 'ho-tich' },
      { type: 'finish', counterId: 6 },
    ] as Command[]) expect(h.run(cmd)).toEqual({ ok: false, code: 'no-current-ticket' });
  });

  it('a no-show back into the line goes to its end', () => {
    const h = harness();
    const a = h.issue('chung-thuc');
    h.advance(1000);
    const b = h.issue('chung-thuc');
    h.open(6);
    h.next(6);
    h.advance(1000);
    h.ok({ type: 'no-show', counterId: 6, requeue: true });
    expect(h.state.waiting['chung-thuc']).toEqual([b.id, a.id]);
    expect(h.next(6).id).toBe(b.id);
  });

  it('a no-show out of the line can still be called by its number', () => {
    const h = harness();
    const a = h.issue('chung-thuc');
    h.open(6);
    h.next(6);
    h.ok({ type: 'no-show', counterId: 6, requeue: false });
    expect(h.state.tickets[a.id].status).toBe('no-show');
    expect(h.run({ type: 'call-next', counterId: 6 })).toEqual({ ok: false, code: 'queue-empty' });
    h.ok({ type: 'call-number', counterId: 6, label: '1001' });
    expect(h.state.tickets[a.id].status).toBe('serving');
  });

  it('transfer to another field keeps the original issue time', () => {
    const h = harness();
    const a = h.issue('chung-thuc');
    h.advance(60_000);
    const b = h.issue('ho-tich');
    h.open(6);
    h.open(5);
    h.next(6);
    h.ok({ type: 'transfer', counterId: 6, toServiceId: 'ho-tich' });
    expect(h.state.tickets[a.id]).toMatchObject({ serviceId: 'ho-tich', issuedAt: T0, status: 'waiting', transfers: 1 });
    expect(h.next(5).id).toBe(a.id);
    expect(h.next(5).id).toBe(b.id);
  });

  it('transfer to a counter lets only that counter take the ticket', () => {
    const h = harness();
    h.issue('chung-thuc');
    h.open(6);
    h.open(7);
    h.next(6);
    h.ok({ type: 'transfer', counterId: 6, toCounterId: 7 });
    expect(h.run({ type: 'call-next', counterId: 6 })).toEqual({ ok: false, code: 'queue-empty' });
    expect(h.next(7).label).toBe('1001');
  });

  it('refuses a transfer to a counter that does not serve the field, and changes nothing', () => {
    const h = harness();
    const a = h.issue('chung-thuc');
    h.open(7);
    h.next(7);
    const before = structuredClone(h.state);
    // Quầy 2 serves only Công an; Quầy 9 only Đăng ký kinh doanh.
    expect(h.run({ type: 'transfer', counterId: 7, toServiceId: 'xay-dung', toCounterId: 2 })).toEqual({ ok: false, code: 'counter-not-serving-field' });
    expect(h.run({ type: 'transfer', counterId: 7, toCounterId: 9 })).toEqual({ ok: false, code: 'counter-not-serving-field' });
    expect(h.state).toEqual(before);
    // Quầy 4 serves Xây dựng; it is closed, and the citizen waits in its line until it opens.
    h.ok({ type: 'transfer', counterId: 7, toServiceId: 'xay-dung', toCounterId: 4 });
    expect(h.state.tickets[a.id]).toMatchObject({ status: 'waiting', serviceId: 'xay-dung', targetCounterId: 4 });
  });

  it('refuses a transfer to an inactive counter even when it lists the field', () => {
    const h = harness();
    h.config.counters.find((c) => c.id === 4)!.active = false;
    h.issue('chung-thuc');
    h.open(7);
    h.next(7);
    expect(h.run({ type: 'transfer', counterId: 7, toServiceId: 'xay-dung', toCounterId: 4 })).toEqual({ ok: false, code: 'counter-not-serving-field' });
  });

  it('a transferred ticket remembers the counter and field it came from', () => {
    const h = harness();
    const a = h.issue('ho-tich');
    h.open(5);
    h.open(6);
    h.next(5);
    h.ok({ type: 'transfer', counterId: 5, toServiceId: 'chung-thuc' });
    expect(h.state.tickets[a.id].transferredFrom).toEqual({ counterId: 5, serviceId: 'ho-tich' });
    expect(h.next(6).transferredFrom).toEqual({ counterId: 5, serviceId: 'ho-tich' });
  });

  it('call-number refuses a field the counter does not serve and a ticket being served', () => {
    const h = harness();
    h.issue('dat-dai');
    h.issue('chung-thuc');
    h.open(6);
    h.open(7);
    expect(h.run({ type: 'call-number', counterId: 6, label: '3001' })).toEqual({ ok: false, code: 'not-your-field' });
    h.ok({ type: 'call-number', counterId: 6, label: '1001' });
    expect(h.run({ type: 'call-number', counterId: 7, label: '1001' })).toEqual({ ok: false, code: 'ticket-not-callable' });
    expect(h.run({ type: 'call-number', counterId: 7, label: '9999' })).toEqual({ ok: false, code: 'unknown-ticket' });
  });

  it('a second staff member cannot open a counter that is taken', () => {
    const h = harness();
    h.open(6, 'lan');
    expect(h.run({ type: 'open', counterId: 6, staffId: 'hung' })).toEqual({ ok: false, code: 'counter-taken' });
    expect(h.run({ type: 'open', counterId: 6, staffId: 'lan' })).toEqual({ ok: true, events: [] });
  });

  it('counts the calls of the present service only: a call at the next counter is its first', () => {
    const h = harness();
    const t = h.issue('ho-tich');
    h.open(5);
    h.open(6);
    h.next(5);
    h.ok({ type: 'recall', counterId: 5 });
    h.ok({ type: 'recall', counterId: 5 });
    expect(h.state.tickets[t.id].callCount).toBe(3);
    h.ok({ type: 'transfer', counterId: 5, toServiceId: 'chung-thuc' });
    h.next(6);
    expect(h.state.tickets[t.id].callCount).toBe(1);
  });

  it('notes when a ticket joined its line: at issue, after a transfer to a field or to a counter, after being put back', () => {
    const h = harness();
    const t = h.issue('ho-tich');
    expect(h.state.tickets[t.id]).toMatchObject({ lineSince: T0, queuedAt: T0 });
    h.open(5);
    h.open(6);
    h.open(7);
    h.advance(60_000);
    h.next(5);
    h.advance(60_000);
    h.ok({ type: 'transfer', counterId: 5, toServiceId: 'chung-thuc' });
    expect(h.state.tickets[t.id]).toMatchObject({ lineSince: T0 + 120_000, queuedAt: T0 });
    h.advance(60_000);
    h.next(7);
    h.advance(60_000);
    h.ok({ type: 'transfer', counterId: 7, toCounterId: 6 });
    expect(h.state.tickets[t.id]).toMatchObject({ lineSince: T0 + 240_000, queuedAt: T0 });
    h.next(6);
    h.advance(60_000);
    h.ok({ type: 'no-show', counterId: 6, requeue: true });
    expect(h.state.tickets[t.id]).toMatchObject({ lineSince: T0 + 300_000, queuedAt: T0 + 300_000 });
  });

  it('finishes with what the visit was for and its dossier codes, each code once', () => {
    const h = harness();
    const t = h.issue('chung-thuc');
    h.open(6);
    h.next(6);
    h.ok({ type: 'finish', counterId: 6, outcome: 'tiep-nhan', dossierCodes: ['H23-1', 'H23-2', 'H23-1'] });
    expect(h.log.at(-1)).toMatchObject({ type: 'ticket.finished', ticketId: t.id, outcome: 'tiep-nhan', dossierCodes: ['H23-1', 'H23-2'] });
  });

  it('refuses an outcome the centre does not list, and changes nothing', () => {
    const h = harness();
    const t = h.issue('chung-thuc');
    h.open(6);
    h.next(6);
    const seq = h.state.seq;
    expect(h.run({ type: 'finish', counterId: 6, outcome: 'nop-thue' })).toEqual({ ok: false, code: 'unknown-outcome' });
    expect(h.state.seq).toBe(seq);
    expect(h.state.tickets[t.id].status).toBe('serving');
  });

  it('closing a counter finishes the ticket at the desk', () => {
    const h = harness();
    const a = h.issue('chung-thuc');
    h.open(6);
    h.next(6);
    h.ok({ type: 'close', counterId: 6 });
    expect(h.state.tickets[a.id].status).toBe('done');
    expect(h.state.counters[6].status).toBe('closed');
  });
});

describe('ratings', () => {
  function served() {
    const h = harness();
    const t = h.issue('chung-thuc');
    h.open(6, 'lan');
    h.next(6);
    h.ok({ type: 'finish', counterId: 6 });
    return { h, t };
  }

  it('records the rating with the ticket, its field, counter and staff member', () => {
    const { h, t } = served();
    const d = h.ok({ type: 'rate', ticketId: t.id, score: 3, via: 'terminal', fromCounterId: 6 });
    expect(d.events[0]).toMatchObject({ type: 'ticket.rated', score: 3, serviceId: 'chung-thuc', counterId: 6, staffId: 'lan' });
  });

  it('counts one rating per ticket', () => {
    const { h, t } = served();
    h.ok({ type: 'rate', ticketId: t.id, score: 3, via: 'terminal', fromCounterId: 6 });
    expect(h.run({ type: 'rate', ticketId: t.id, score: 2, via: 'phone' })).toEqual({ ok: false, code: 'already-rated' });
  });

  it('refuses a terminal rating a ticket of another counter', () => {
    const { h, t } = served();
    expect(h.run({ type: 'rate', ticketId: t.id, score: 3, via: 'terminal', fromCounterId: 7 })).toEqual({ ok: false, code: 'not-your-counter' });
  });

  it('asks a reason for the lowest level and refuses unknown levels', () => {
    const { h, t } = served();
    expect(h.run({ type: 'rate', ticketId: t.id, score: 1, via: 'phone' })).toEqual({ ok: false, code: 'reason-required' });
    expect(h.run({ type: 'rate', ticketId: t.id, score: 9, via: 'phone' })).toEqual({ ok: false, code: 'invalid-score' });
    expect(h.ok({ type: 'rate', ticketId: t.id, score: 1, reason: 'Thời gian chờ lâu', via: 'phone' }).events[0]).toMatchObject({ reason: 'Thời gian chờ lâu' });
  });

  it('takes only the centre\u2019s own reasons, never free text', () => {
    const { h, t } = served();
    for (const reason of ['=HYPERLINK("http://x","bấm")', 'Thời gian chờ lâu ', 'bất kỳ']) {
      expect(h.run({ type: 'rate', ticketId: t.id, score: 1, reason, via: 'phone' })).toEqual({ ok: false, code: 'unknown-reason' });
    }
    expect(h.run({ type: 'rate', ticketId: t.id, score: 3, reason: 'không có', via: 'phone' })).toEqual({ ok: false, code: 'unknown-reason' });
  });

  it('closes the terminal prompt after expiry but the phone may still rate', () => {
    const { h, t } = served();
    h.ok({ type: 'expire-rating', ticketId: t.id });
    expect(h.run({ type: 'rate', ticketId: t.id, score: 3, via: 'terminal', fromCounterId: 6 })).toEqual({ ok: false, code: 'rating-not-open' });
    expect(h.run({ type: 'rate', ticketId: t.id, score: 3, via: 'phone' }).ok).toBe(true);
  });

  it('refuses rating a ticket that was not served', () => {
    const h = harness();
    const t = h.issue('chung-thuc');
    expect(h.run({ type: 'rate', ticketId: t.id, score: 3, via: 'phone' })).toEqual({ ok: false, code: 'rating-not-open' });
  });
});

describe('events', () => {
  it('replaying the events rebuilds the same state', () => {
    const h = harness();
    h.issue('chung-thuc');
    h.issue('ho-tich', true);
    h.open(7);
    h.next(7);
    h.advance(5000);
    h.ok({ type: 'transfer', counterId: 7, toServiceId: 'chung-thuc' });
    h.next(7);
    h.ok({ type: 'finish', counterId: 7 });
    expect(replay('2026-11-24', h.log)).toEqual(h.state);
  });

  it('numbers events 1, 2, 3… with the time they happened', () => {
    const h = harness();
    h.issue('chung-thuc');
    h.advance(500);
    h.issue('chung-thuc');
    expect(h.log.map((e) => [e.seq, e.at])).toEqual([[1, T0], [2, T0 + 500]]);
  });

  it('counts priority tickets ahead of a normal ticket in its line', () => {
    const h = harness();
    h.issue('chung-thuc');
    const mine = h.issue('chung-thuc');
    h.issue('chung-thuc', true);
    expect(waitingAhead(h.state, mine.id)).toBe(2);
  });
});

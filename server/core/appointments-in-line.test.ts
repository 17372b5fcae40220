import { describe, expect, it } from 'vitest';
import type { CentreConfig } from '@protocol/config';
import { applyEvent, emptyState, waitingAhead, type QueueEvent, type QueueState, type Ticket } from '@protocol/queue';
import { sampleCentre } from '@protocol/sample-centre';
import { decide, type Command, type CoreContext, type Decision } from './queue-core';

/** 08:00 in Hà Nội on Tuesday 24 November 2026. */
const T0 = Date.UTC(2026, 10, 24, 1, 0);
const MINUTE = 60_000;

function queueHarness(overrides: Partial<CentreConfig> = {}) {
  const config: CentreConfig = { ...structuredClone(sampleCentre), ...overrides };
  let now = T0;
  let n = 0;
  const state: QueueState = emptyState('2026-11-24');
  const log: QueueEvent[] = [];
  const ctx = (): CoreContext => ({ now, config, newId: () => `ticket-${++n}` });
  const run = (cmd: Command): Decision => {
    const d = decide(state, cmd, ctx());
    if (d.ok) for (const e of d.events) {
      applyEvent(state, e);
      log.push(e);
    }
    return d;
  };
  const ok = (cmd: Command) => {
    const d = run(cmd);
    if (!d.ok) throw new Error(`refused ${cmd.type}: ${d.code}`);
    return d;
  };
  const issue = (serviceId: string, priority = false): Ticket => state.tickets[ok({ type: 'issue', serviceId, priority, source: 'kiosk' }).ticketId!];
  const checkIn = (serviceId: string, bookingId: string, dueAt: number): Ticket =>
    state.tickets[ok({ type: 'issue', serviceId, priority: false, source: 'kiosk', appointment: { bookingId, dueAt } }).ticketId!];
  const open = (counterId: number, staffId = `staff-${counterId}`) => ok({ type: 'open', counterId, staffId });
  const next = (counterId: number): Ticket => state.tickets[ok({ type: 'call-next', counterId }).ticketId!];
  return {
    config, state, log, run, ok, issue, checkIn, open, next,
    now: () => now,
    advance: (ms: number) => {
      now += ms;
    },
  };
}

// Counter 6 serves chứng thực only; counter 5 hộ tịch and tư pháp.
describe('a checked-in appointment in the line', () => {
  it('goes before walk-ins of its field once its slot has begun, priority ones included', () => {
    const h = queueHarness();
    h.open(6);
    const walkIn = h.issue('chung-thuc');
    const elderly = h.issue('chung-thuc', true);
    h.advance(MINUTE);
    const booked = h.checkIn('chung-thuc', 'b1', T0);
    expect(h.next(6).id).toBe(booked.id);
    expect(h.next(6).id).toBe(elderly.id);
    expect(h.next(6).id).toBe(walkIn.id);
  });

  it('waits like a walk-in, by the time it was checked in, until its slot begins', () => {
    const h = queueHarness();
    h.open(6);
    const walkIn = h.issue('chung-thuc');
    h.advance(MINUTE);
    const early = h.checkIn('chung-thuc', 'b1', T0 + 30 * MINUTE);
    expect(h.next(6).id).toBe(walkIn.id);
    // Nobody else waits: the early citizen is served rather than the counter sitting idle.
    expect(h.next(6).id).toBe(early.id);
  });

  it('calls the earliest slot first among appointments', () => {
    const h = queueHarness();
    h.open(6);
    h.advance(40 * MINUTE);
    const later = h.checkIn('chung-thuc', 'b-830', T0 + 30 * MINUTE);
    const earlier = h.checkIn('chung-thuc', 'b-800', T0);
    expect(h.next(6).id).toBe(earlier.id);
    expect(h.next(6).id).toBe(later.id);
  });

  it('lets a waiting walk-in through after appointmentsInRow appointments in a row at one counter', () => {
    const h = queueHarness();
    h.config.callPolicy.appointmentsInRow = 2;
    h.open(6);
    const walkIn = h.issue('chung-thuc');
    h.advance(MINUTE);
    const a = ['a1', 'a2', 'a3'].map((id) => h.checkIn('chung-thuc', id, T0));
    expect([h.next(6).id, h.next(6).id, h.next(6).id, h.next(6).id]).toEqual([a[0].id, a[1].id, walkIn.id, a[2].id]);
  });

  it('keeps calling appointments past the limit when no walk-in waits', () => {
    const h = queueHarness();
    h.config.callPolicy.appointmentsInRow = 1;
    h.open(6);
    const a = ['a1', 'a2'].map((id) => h.checkIn('chung-thuc', id, T0));
    expect([h.next(6).id, h.next(6).id]).toEqual([a[0].id, a[1].id]);
  });

  it('yields to a ticket that waited past the maximum wait', () => {
    const h = queueHarness();
    h.open(6);
    const old = h.issue('chung-thuc');
    h.advance(61 * MINUTE);
    const booked = h.checkIn('chung-thuc', 'b1', T0 + 60 * MINUTE);
    expect(h.next(6).id).toBe(old.id);
    expect(h.next(6).id).toBe(booked.id);
  });

  it('is one ticket however often the same booking is checked in', () => {
    const h = queueHarness();
    const first = h.checkIn('chung-thuc', 'b1', T0);
    const again = h.ok({ type: 'issue', serviceId: 'chung-thuc', priority: false, source: 'phone', appointment: { bookingId: 'b1', dueAt: T0 } });
    expect(again).toEqual({ ok: true, events: [], ticketId: first.id });
    expect(h.state.waiting['chung-thuc']).toEqual([first.id]);
  });

  it('gives up its turn when the citizen is absent and put back, or sent to another field', () => {
    const h = queueHarness();
    h.open(5);
    const walkIn = h.issue('ho-tich');
    h.advance(MINUTE);
    h.checkIn('ho-tich', 'b1', T0);
    h.next(5);
    h.ok({ type: 'no-show', counterId: 5, requeue: true });
    expect(h.next(5).id).toBe(walkIn.id);
    const b2 = h.checkIn('ho-tich', 'b2', T0);
    h.issue('tu-phap');
    expect(h.next(5).id).toBe(b2.id);
    h.ok({ type: 'transfer', counterId: 5, toServiceId: 'tu-phap' });
    expect(h.state.tickets[b2.id].appointment).toBeUndefined();
    expect(h.state.lineCounts['tu-phap']).toEqual({ open: 2, openPriority: 0, appointments: 0 });
  });

  it('counts checked-in appointments ahead of every walk-in, and earlier slots ahead of an appointment', () => {
    const h = queueHarness();
    const walkIn = h.issue('chung-thuc');
    const elderly = h.issue('chung-thuc', true);
    const at830 = h.checkIn('chung-thuc', 'b1', T0 + 30 * MINUTE);
    const at800 = h.checkIn('chung-thuc', 'b2', T0);
    expect(waitingAhead(h.state, walkIn.id)).toBe(3);
    expect(waitingAhead(h.state, elderly.id)).toBe(2);
    expect(waitingAhead(h.state, at800.id)).toBe(0);
    expect(waitingAhead(h.state, at830.id)).toBe(1);
  });
});

describe('numbers from a phone', () => {
  const phone = (h: ReturnType<typeof queueHarness>, serviceId: string, holder = 'phone-a') =>
    h.run({ type: 'issue', serviceId, priority: false, source: 'phone', holder });

  it('rank exactly like kiosk numbers', () => {
    const h = queueHarness();
    h.open(6);
    const kiosk = h.issue('chung-thuc');
    const fromPhone = phone(h, 'chung-thuc');
    const later = h.issue('chung-thuc');
    expect(fromPhone.ok).toBe(true);
    expect([h.next(6).id, h.next(6).id, h.next(6).id]).toEqual([kiosk.id, fromPhone.ok ? fromPhone.ticketId : '', later.id]);
  });

  it('allow one number per field and two per day for one phone number', () => {
    const h = queueHarness();
    expect(phone(h, 'chung-thuc').ok).toBe(true);
    expect(phone(h, 'chung-thuc')).toEqual({ ok: false, code: 'phone-field-limit' });
    expect(phone(h, 'ho-tich').ok).toBe(true);
    expect(phone(h, 'dat-dai')).toEqual({ ok: false, code: 'phone-day-limit' });
    expect(phone(h, 'dat-dai', 'phone-b').ok).toBe(true);
  });

  it('follow the configured limits', () => {
    const h = queueHarness();
    h.config.phoneNumbers = { ...h.config.phoneNumbers, perPhonePerDay: 3, perPhonePerField: 2 };
    expect([phone(h, 'chung-thuc').ok, phone(h, 'chung-thuc').ok, phone(h, 'ho-tich').ok]).toEqual([true, true, true]);
    expect(phone(h, 'ho-tich')).toEqual({ ok: false, code: 'phone-day-limit' });
  });

  it('are given only between the configured hours, and not at all when managers switch them off', () => {
    const h = queueHarness();
    h.advance(-MINUTE); // 07:59
    expect(phone(h, 'chung-thuc')).toEqual({ ok: false, code: 'outside-phone-hours' });
    h.advance(MINUTE);
    expect(phone(h, 'chung-thuc').ok).toBe(true);
    h.advance(8 * 60 * MINUTE); // 16:00
    expect(phone(h, 'ho-tich')).toEqual({ ok: false, code: 'outside-phone-hours' });
    h.advance(-MINUTE);
    h.config.phoneNumbers.enabled = false;
    expect(phone(h, 'ho-tich')).toEqual({ ok: false, code: 'phone-numbers-off' });
  });

  it('claim priority only in a category the managers allow phones, and then rank exactly as a kiosk\'s priority ticket', () => {
    const h = queueHarness();
    h.open(6);
    const walkIn = h.issue('chung-thuc');
    const claim = (categoryId: string, holder: string) => h.run({ type: 'issue', serviceId: 'chung-thuc', priority: false, priorityCategoryId: categoryId, source: 'phone', holder });
    // The sample centre lets phones claim 'nguoi-cao-tuoi' only.
    expect(h.config.phoneNumbers.priorityCategoryIds).toEqual(['nguoi-cao-tuoi']);
    expect(claim('nguoi-khuyet-tat', 'phone-a')).toEqual({ ok: false, code: 'phone-priority-not-allowed' });
    // Refused, it counted nothing against that phone: its one number of the field is still free.
    const elder = claim('nguoi-cao-tuoi', 'phone-a');
    if (!elder.ok) throw new Error(elder.code);
    expect(h.state.tickets[elder.ticketId!]).toMatchObject({ priority: true, priorityCategoryId: 'nguoi-cao-tuoi', source: 'phone' });
    const kioskPriority = h.issue('chung-thuc', true);
    expect([h.next(6).id, h.next(6).id, h.next(6).id]).toEqual([elder.ticketId, kioskPriority.id, walkIn.id]);
    h.config.phoneNumbers.priorityCategoryIds = [];
    expect(claim('nguoi-cao-tuoi', 'phone-b')).toEqual({ ok: false, code: 'phone-priority-not-allowed' });
  });

  it('keep the kiosk\'s opening hours and daily caps too', () => {
    const h = queueHarness();
    h.config.services.find((s) => s.id === 'chung-thuc')!.dailyCap = 1;
    h.issue('chung-thuc');
    expect(phone(h, 'chung-thuc')).toEqual({ ok: false, code: 'daily-cap-reached' });
    h.config.openingHours.enforce = true;
    h.config.openingHours.weekly[2] = [['09:00', '11:00']];
    expect(phone(h, 'ho-tich')).toEqual({ ok: false, code: 'outside-opening-hours' });
  });

  it('never count a refused attempt against the phone', () => {
    const h = queueHarness();
    h.config.services.find((s) => s.id === 'chung-thuc')!.active = false;
    expect(phone(h, 'chung-thuc')).toEqual({ ok: false, code: 'service-inactive' });
    expect(phone(h, 'ho-tich').ok).toBe(true);
    expect(phone(h, 'dat-dai').ok).toBe(true);
  });
});

// Appointments and numbers from phones under any sequence of commands: the call rule keeps its
// promises at every call (a due appointment first, walk-ins get their turn, nobody starves),
// the phone limits hold, the line's counts agree with a plain count, and the book never holds
// more bookings in a slot than it has room for.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { Booking } from '@protocol/appointments';
import type { CentreConfig } from '@protocol/config';
import { applyEvent, emptyState, isDueAppointment, replay, waitingAhead, type QueueEvent, type QueueState, type Ticket } from '@protocol/queue';
import { sampleCentre } from '@protocol/sample-centre';
import { bookedInSlot, decideBooking, slotsOfDay } from './appointments';
import { decide, type Command } from './queue-core';

const services = ['chung-thuc', 'ho-tich', 'tu-phap'];
// 5: hộ tịch + tư pháp, 6: chứng thực, 7: chứng thực + hộ tịch, 12: tư pháp + quân sự.
const counters = [5, 6, 7, 12];
const T0 = Date.UTC(2026, 10, 24, 1, 0);
const MINUTE = 60_000;

type Step =
  | { kind: 'walk-in'; serviceId: string; priority: boolean }
  | { kind: 'phone'; serviceId: string; holder: string }
  | { kind: 'check-in'; serviceId: string; slotOffsetMinutes: number }
  | { kind: 'command'; command: Command };

const counterId = fc.constantFrom(...counters);
// Calls mostly at the chứng thực counters, so appointments pile up in front of walk-ins there.
const callingCounter = fc.constantFrom(6, 6, 7, 5);
const step: fc.Arbitrary<Step> = fc.oneof(
  { weight: 4, arbitrary: fc.record({ kind: fc.constant('walk-in' as const), serviceId: fc.constantFrom(...services), priority: fc.boolean() }) },
  { weight: 2, arbitrary: fc.record({ kind: fc.constant('phone' as const), serviceId: fc.constantFrom(...services), holder: fc.constantFrom('p1', 'p2', 'p3') }) },
  { weight: 3, arbitrary: fc.record({ kind: fc.constant('check-in' as const), serviceId: fc.constantFrom(...services), slotOffsetMinutes: fc.oneof(fc.integer({ min: -15, max: 0 }), fc.integer({ min: 1, max: 30 })) }) },
  { weight: 5, arbitrary: fc.record({ kind: fc.constant('command' as const), command: fc.record({ type: fc.constant('call-next' as const), counterId: callingCounter }) }) },
  { weight: 2, arbitrary: fc.record({ kind: fc.constant('command' as const), command: fc.record({ type: fc.constant('finish' as const), counterId }) }) },
  { weight: 1, arbitrary: fc.record({ kind: fc.constant('command' as const), command: fc.record({ type: fc.constant('no-show' as const), counterId, requeue: fc.boolean() }) }) },
  { weight: 1, arbitrary: fc.record({ kind: fc.constant('command' as const), command: fc.record({ type: fc.constant('transfer' as const), counterId, toServiceId: fc.constantFrom(...services) }) }) },
  { weight: 1, arbitrary: fc.record({ kind: fc.constant('command' as const), command: fc.record({ type: fc.constant('open' as const), counterId, staffId: fc.constant('s') }) }) },
  { weight: 1, arbitrary: fc.record({ kind: fc.constant('command' as const), command: fc.record({ type: fc.constant('close' as const), counterId }) }) },
);

const rank = (t: Ticket) => (t.appointment ? 2 : t.priority ? 1 : 0);

/** "How many ahead", counted plainly: appointments first (earliest slot), then priority, then by rank. */
function plainAhead(state: QueueState, ids: string[], i: number): number {
  const t = state.tickets[ids[i]];
  return ids.filter((o, j) => {
    if (j === i || state.tickets[o].targetCounterId !== undefined) return false;
    const other = state.tickets[o];
    if (rank(t) === 2) return rank(other) === 2 && (other.appointment!.dueAt < t.appointment!.dueAt || (other.appointment!.dueAt === t.appointment!.dueAt && j < i));
    return rank(other) > rank(t) || (rank(other) === rank(t) && j < i);
  }).length;
}

function lineInvariants(state: QueueState): void {
  for (const [sid, ids] of Object.entries(state.waiting)) {
    const open = ids.filter((id) => state.tickets[id].targetCounterId === undefined).map((id) => state.tickets[id]);
    expect(state.lineCounts[sid] ?? { open: 0, openPriority: 0, appointments: 0 }).toEqual({
      open: open.length,
      openPriority: open.filter((t) => t.priority && !t.appointment).length,
      appointments: open.filter((t) => t.appointment).length,
    });
    ids.forEach((id, i) => {
      if (state.tickets[id].targetCounterId === undefined) expect(waitingAhead(state, id)).toBe(plainAhead(state, ids, i));
    });
  }
}

/** Tickets counter c could take now, split by whether they are due appointments. */
function takeable(state: QueueState, config: CentreConfig, c: number, now: number) {
  const counter = config.counters.find((k) => k.id === c)!;
  const all = Object.values(state.waiting).flat().map((id) => state.tickets[id]);
  const mine = all.filter((t) => (t.targetCounterId === undefined ? counter.serviceIds.includes(t.serviceId) : t.targetCounterId === c));
  return { due: mine.filter((t) => isDueAppointment(t, now)), walkIns: mine.filter((t) => !isDueAppointment(t, now)), all: mine };
}

describe('appointments and phone numbers in the queue, under any sequence of commands', () => {
  it('call a due appointment first, give walk-ins their turn, keep the phone limits, and replay to the same state', () => {
    fc.assert(
      fc.property(fc.array(fc.tuple(step, fc.integer({ min: 0, max: 90_000 })), { minLength: 20, maxLength: 100, size: 'max' }), fc.integer({ min: 1, max: 4 }), fc.boolean(), (steps, inRow, maxWait) => {
        const config: CentreConfig = structuredClone(sampleCentre);
        config.callPolicy.appointmentsInRow = inRow;
        config.callPolicy.maxWaitMinutes = maxWait ? 20 : null;
        const state = emptyState('2026-11-24');
        const log: QueueEvent[] = [];
        let now = T0;
        let n = 0;
        let bookings = 0;
        const rowAt = new Map<number, number>();
        // The day starts with three counters open; the steps open and close them after.
        for (const c of [5, 6, 7]) for (const e of (decide(state, { type: 'open', counterId: c, staffId: `s${c}` }, { now, config, newId: () => '' }) as { events: QueueEvent[] }).events) {
          applyEvent(state, e);
          log.push(e);
        }
        for (const [s, dt] of steps) {
          now += dt;
          const cmd: Command =
            s.kind === 'walk-in'
              ? { type: 'issue', serviceId: s.serviceId, priority: s.priority, source: 'kiosk' }
              : s.kind === 'phone'
                ? { type: 'issue', serviceId: s.serviceId, priority: false, source: 'phone', holder: s.holder }
                : s.kind === 'check-in'
                  ? { type: 'issue', serviceId: s.serviceId, priority: false, source: 'kiosk', appointment: { bookingId: `b${++bookings}`, dueAt: now + s.slotOffsetMinutes * MINUTE } }
                  : s.command;
          const before = cmd.type === 'call-next' ? takeable(state, config, cmd.counterId, now) : undefined;
          const d = decide(state, cmd, { now, config, newId: () => `t${++n}` });
          if (!d.ok) continue;
          for (const e of d.events) {
            applyEvent(state, e);
            log.push(e);
          }
          if (cmd.type === 'call-next') {
            const called = state.tickets[d.ticketId!];
            const wasDue = before!.due.some((t) => t.id === called.id);
            const starving = maxWait && before!.all.some((t) => now - t.queuedAt >= 20 * MINUTE);
            if (!starving) {
              // A due appointment is passed over only for a walk-in's turn after inRow appointments.
              if (before!.due.length > 0 && !wasDue) expect(rowAt.get(cmd.counterId) ?? 0).toBeGreaterThanOrEqual(inRow);
            } else {
              // Nobody starves: once someone has waited past the limit, the call goes to such a ticket.
              expect(now - called.queuedAt).toBeGreaterThanOrEqual(20 * MINUTE);
            }
            // Never more than inRow appointments in a row while a walk-in waits for this counter.
            if (wasDue && before!.walkIns.length > 0 && !starving) expect(rowAt.get(cmd.counterId) ?? 0).toBeLessThan(inRow);
            rowAt.set(cmd.counterId, wasDue ? (rowAt.get(cmd.counterId) ?? 0) + 1 : 0);
          }
          lineInvariants(state);
          for (const [holder, held] of Object.entries(state.holders)) {
            expect(held.total).toBeLessThanOrEqual(config.phoneNumbers.perPhonePerDay);
            const fromPhone = log.filter((e) => e.type === 'ticket.issued' && e.holder === holder);
            expect(fromPhone.length).toBe(held.total);
            for (const count of Object.values(held.byService)) expect(count).toBeLessThanOrEqual(config.phoneNumbers.perPhonePerField);
          }
        }
        expect(replay('2026-11-24', log)).toEqual(state);
      }),
      { numRuns: 60 },
    );
  });

  it('call every waiting citizen, appointment or walk-in, once the counters keep calling', () => {
    fc.assert(
      fc.property(fc.array(fc.tuple(step, fc.integer({ min: 0, max: 60_000 })), { minLength: 10, maxLength: 120, size: 'max' }), fc.integer({ min: 1, max: 4 }), (steps, inRow) => {
        const config: CentreConfig = structuredClone(sampleCentre);
        config.callPolicy.appointmentsInRow = inRow;
        config.callPolicy.maxWaitMinutes = null;
        const state = emptyState('2026-11-24');
        let now = T0;
        let n = 0;
        let bookings = 0;
        const apply = (cmd: Command) => {
          const d = decide(state, cmd, { now, config, newId: () => `t${++n}` });
          if (d.ok) for (const e of d.events) applyEvent(state, e);
          return d;
        };
        for (const [s, dt] of steps) {
          now += dt;
          if (s.kind === 'walk-in') apply({ type: 'issue', serviceId: s.serviceId, priority: s.priority, source: 'kiosk' });
          else if (s.kind === 'check-in') apply({ type: 'issue', serviceId: s.serviceId, priority: false, source: 'kiosk', appointment: { bookingId: `b${++bookings}`, dueAt: now + s.slotOffsetMinutes * MINUTE } });
          else if (s.kind === 'command' && s.command.type !== 'close') apply(s.command);
        }
        for (const c of counters) apply({ type: 'open', counterId: c, staffId: `s${c}` });
        const waiting = Object.values(state.waiting).flat().length;
        // Every call takes one waiting ticket: after as many calls as there are waiting tickets, nobody is left.
        let calls = 0;
        for (let round = 0; round <= waiting && Object.values(state.waiting).flat().length > 0; round++) {
          for (const c of counters) {
            now += MINUTE;
            if (apply({ type: 'call-next', counterId: c }).ok) calls++;
          }
        }
        expect(Object.values(state.waiting).flat()).toEqual([]);
        expect(calls).toBe(waiting);
      }),
      { numRuns: 200 },
    );
  });
});

describe('the appointment book, under any sequence of bookings and cancellations', () => {
  it('never holds more bookings in a slot than its capacity, nor more than the limit for one phone a day, and never one code twice', () => {
    const config: CentreConfig = structuredClone(sampleCentre);
    const days = ['2026-11-24', '2026-11-25'];
    const request = fc.record({
      serviceId: fc.constantFrom('dat-dai', 'ho-tich', 'thue'),
      day: fc.constantFrom(...days, '2026-12-20'),
      start: fc.constantFrom('08:00', '08:30', '14:00', '07:00'),
      phone: fc.constantFrom('0912345678', '0987654321', '0371234567', '0861112223'),
    });
    const action = fc.oneof({ weight: 5, arbitrary: request.map((r) => ({ book: r })) }, { weight: 1, arbitrary: fc.nat({ max: 40 }).map((i) => ({ cancel: i })) });
    fc.assert(
      fc.property(fc.array(action, { maxLength: 80 }), fc.integer({ min: 1, max: 3 }), fc.integer({ min: 1, max: 2 }), (actions, capacity, perPhone) => {
        config.appointments.perPhonePerDay = perPhone;
        for (const f of config.appointments.fields) f.weekly = f.weekly.map((day) => day.map((iv) => ({ ...iv, capacity })));
        let bookings: Booking[] = [];
        let id = 0;
        // Codes from a small alphabet collide often, so the retry is exercised.
        let codeSeed = 0;
        const codes = ['AAAAAA', 'BBBBBB', 'AAAAAA', 'CCCCCC', 'DDDDDD', 'EEEEEE', 'FFFFFF', 'GGGGGG'];
        for (const a of actions) {
          if ('cancel' in a) {
            const b = bookings[a.cancel];
            if (b) bookings = bookings.map((x) => (x === b ? { ...x, status: 'cancelled' as const } : x));
            continue;
          }
          const d = decideBooking(bookings, { ...a.book, via: 'phone' }, {
            now: Date.UTC(2026, 10, 24, 0, 0),
            config,
            newId: () => `b${++id}`,
            newCode: () => (codeSeed < codes.length * 4 ? codes[codeSeed++ % codes.length] : `Z${String(codeSeed++).padStart(5, '2').slice(-5).replace(/[01]/g, '2')}`),
          });
          if (d.ok) bookings = [...bookings, d.booking];
          const active = bookings.filter((b) => b.status !== 'cancelled');
          for (const b of active) {
            const slot = slotsOfDay(config, b.serviceId, b.day).find((s) => s.start === b.start);
            expect(slot).toBeDefined();
            expect(bookedInSlot(bookings, b.serviceId, b.day, b.start)).toBeLessThanOrEqual(capacity);
            expect(active.filter((x) => x.phone === b.phone && x.day === b.day).length).toBeLessThanOrEqual(perPhone);
          }
          expect(new Set(active.map((b) => b.code)).size).toBe(active.length);
        }
      }),
      { numRuns: 300 },
    );
  });
});

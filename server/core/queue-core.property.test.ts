import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { CentreConfig } from '@protocol/config';
import { applyEvent, emptyState, replay, waitingAhead, type QueueEvent, type QueueState } from '@protocol/queue';
import { sampleCentre } from '@protocol/sample-centre';
import { decide, type Command } from './queue-core';

const services = ['chung-thuc', 'ho-tich', 'dat-dai'];
const counters = [4, 5, 6, 7];

const command: fc.Arbitrary<Command> = fc.oneof(
  { weight: 5, arbitrary: fc.record({ type: fc.constant('issue' as const), serviceId: fc.constantFrom(...services), priority: fc.boolean(), source: fc.constant('kiosk' as const) }) },
  { weight: 4, arbitrary: fc.record({ type: fc.constant('call-next' as const), counterId: fc.constantFrom(...counters) }) },
  { weight: 1, arbitrary: fc.record({ type: fc.constant('recall' as const), counterId: fc.constantFrom(...counters) }) },
  { weight: 1, arbitrary: fc.record({ type: fc.constant('no-show' as const), counterId: fc.constantFrom(...counters), requeue: fc.boolean() }) },
  { weight: 1, arbitrary: fc.record({ type: fc.constant('transfer' as const), counterId: fc.constantFrom(...counters), toServiceId: fc.constantFrom(...services) }) },
  { weight: 2, arbitrary: fc.record({ type: fc.constant('finish' as const), counterId: fc.constantFrom(...counters) }) },
  { weight: 1, arbitrary: fc.record({ type: fc.constant('call-number' as const), counterId: fc.constantFrom(...counters), label: fc.constantFrom('1001', '1002', '2001', '3002') }) },
  { weight: 1, arbitrary: fc.record({ type: fc.constant('pause' as const), counterId: fc.constantFrom(...counters), reason: fc.constant('Đi họp') }) },
  { weight: 1, arbitrary: fc.record({ type: fc.constant('resume' as const), counterId: fc.constantFrom(...counters) }) },
  { weight: 1, arbitrary: fc.record({ type: fc.constant('open' as const), counterId: fc.constantFrom(...counters), staffId: fc.constantFrom('a', 'b') }) },
  { weight: 1, arbitrary: fc.record({ type: fc.constant('close' as const), counterId: fc.constantFrom(...counters) }) },
);

function invariants(state: QueueState): void {
  const tickets = Object.values(state.tickets);
  // No label twice in a day.
  expect(new Set(tickets.map((t) => t.label)).size).toBe(tickets.length);
  // A ticket at a desk is at exactly one counter, and is being served.
  const atDesk = Object.values(state.counters).flatMap((c) => (c.currentTicketId ? [c.currentTicketId] : []));
  expect(new Set(atDesk).size).toBe(atDesk.length);
  for (const id of atDesk) expect(state.tickets[id].status).toBe('serving');
  for (const t of tickets.filter((x) => x.status === 'serving')) expect(state.counters[t.counterId!].currentTicketId).toBe(t.id);
  // Every waiting ticket is in its field's line exactly once, and the lines hold nothing else.
  const inLines = Object.entries(state.waiting).flatMap(([sid, ids]) => ids.map((id) => ({ sid, id })));
  expect(new Set(inLines.map((x) => x.id)).size).toBe(inLines.length);
  for (const { sid, id } of inLines) expect(state.tickets[id]).toMatchObject({ status: 'waiting', serviceId: sid });
  expect(inLines.length).toBe(tickets.filter((t) => t.status === 'waiting').length);
  // "How many ahead" agrees with a plain count: priority first, then by rank, same counter rules.
  for (const [, ids] of Object.entries(state.waiting)) {
    ids.forEach((id, i) => {
      const t = state.tickets[id];
      if (t.targetCounterId !== undefined) return;
      const others = ids.filter((o) => o !== id && state.tickets[o].targetCounterId === undefined);
      const expected = t.priority
        ? others.filter((o) => state.tickets[o].priority && ids.indexOf(o) < i).length
        : others.filter((o) => state.tickets[o].priority || ids.indexOf(o) < i).length;
      expect(waitingAhead(state, id)).toBe(expected);
    });
  }
  // Lines stay ordered by rank.
  for (const ids of Object.values(state.waiting)) {
    for (let i = 1; i < ids.length; i++) expect(state.tickets[ids[i - 1]].queuedAt).toBeLessThanOrEqual(state.tickets[ids[i]].queuedAt);
  }
}

describe('the queue under any sequence of commands', () => {
  it('keeps numbers unique, each ticket at one desk, lines consistent, and replays to the same state', () => {
    fc.assert(
      fc.property(fc.array(fc.tuple(command, fc.integer({ min: 0, max: 120_000 })), { maxLength: 120 }), (steps) => {
        const config: CentreConfig = structuredClone(sampleCentre);
        config.callPolicy.maxWaitMinutes = null;
        const state = emptyState('2026-11-24');
        const log: QueueEvent[] = [];
        let now = Date.UTC(2026, 10, 24, 1, 0);
        let n = 0;
        for (const [cmd, dt] of steps) {
          now += dt;
          const before = structuredClone(state);
          const d = decide(state, cmd, { now, config, newId: () => `t${++n}` });
          if (!d.ok) {
            expect(state).toEqual(before); // a refusal changes nothing
            continue;
          }
          for (const e of d.events) applyEvent(state, e);
          log.push(...d.events);
          if (cmd.type === 'call-next' && d.events.length) {
            // Priority first: a normal ticket is called only when the counter could take no priority one.
            const called = state.tickets[d.ticketId!];
            if (!called.priority) {
              const counter = config.counters.find((c) => c.id === cmd.counterId)!;
              const priorityWaiting = counter.serviceIds.some((sid) => (before.waiting[sid] ?? []).some((id) => before.tickets[id].priority && before.tickets[id].targetCounterId === undefined));
              expect(priorityWaiting).toBe(false);
            }
          }
          invariants(state);
        }
        expect(replay('2026-11-24', log)).toEqual(state);
        expect(log.map((e) => e.seq)).toEqual(log.map((_, i) => i + 1));
      }),
      { numRuns: 300 },
    );
  });
});

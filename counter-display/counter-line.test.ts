import { describe, expect, it } from 'vitest';
import { emptyState, type QueueState, type Ticket } from '@protocol/queue';
import { counterLine } from './counter-line';
import { formatDuration } from './durations';

function withWaiting(tickets: Partial<Ticket>[]): QueueState {
  const state = emptyState('2026-03-02');
  for (const t of tickets) {
    const ticket: Ticket = {
      id: t.id!, number: 1, label: t.label ?? t.id!, serviceId: t.serviceId!, priority: t.priority ?? false, source: 'kiosk',
      issuedAt: t.queuedAt!, queuedAt: t.queuedAt!, lineSince: t.queuedAt!, status: 'waiting', callCount: 0, transfers: 0,
      ...(t.targetCounterId !== undefined ? { targetCounterId: t.targetCounterId } : {}),
    };
    state.tickets[ticket.id] = ticket;
    (state.waiting[ticket.serviceId] ??= []).push(ticket.id);
  }
  return state;
}

describe('counterLine', () => {
  it('lists the waiting tickets of the fields the counter serves, priority first then longest wait', () => {
    const state = withWaiting([
      { id: 'a', serviceId: 'ho-tich', queuedAt: 10 },
      { id: 'b', serviceId: 'chung-thuc', queuedAt: 5 },
      { id: 'c', serviceId: 'ho-tich', queuedAt: 20, priority: true },
      { id: 'd', serviceId: 'dat-dai', queuedAt: 1 },
    ]);
    const line = counterLine(state, { id: 7, serviceIds: ['chung-thuc', 'ho-tich'] });
    expect(line.map((e) => e.ticket.id)).toEqual(['c', 'b', 'a']);
  });

  it('includes tickets transferred to this counter from other fields and leaves out those sent to another counter', () => {
    const state = withWaiting([
      { id: 'mine', serviceId: 'dat-dai', queuedAt: 3, targetCounterId: 7 },
      { id: 'theirs', serviceId: 'ho-tich', queuedAt: 1, targetCounterId: 5 },
      { id: 'open', serviceId: 'ho-tich', queuedAt: 2 },
    ]);
    const line = counterLine(state, { id: 7, serviceIds: ['ho-tich'] });
    expect(line.map((e) => [e.ticket.id, e.targeted])).toEqual([
      ['open', false],
      ['mine', true],
    ]);
  });
});

describe('formatDuration', () => {
  it('reads seconds, minutes and hours in Vietnamese', () => {
    expect(formatDuration(45_000)).toBe('45 giây');
    expect(formatDuration(260_000)).toBe('4 phút 20 giây');
    expect(formatDuration(120_000)).toBe('2 phút');
    expect(formatDuration(3_900_000)).toBe('1 giờ 5 phút');
  });
});

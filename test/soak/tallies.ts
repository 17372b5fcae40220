// The report's headline figures counted three ways: from what the clients saw (with the
// commands in doubt resolved by the journal), from a replay of the journal, and as the
// report gives them.
import type { Report } from '@protocol/reports';
import { replay, type QueueEvent } from '@protocol/queue';
import type { Alignment } from './align-commands';
import type { CommandRecord } from './ledger';

/** The report's headline figures, counted some way. */
export interface Tally {
  visits: number;
  served: number;
  noShows: number;
  transferred: number;
  rated: number;
  /** Rating count per score. */
  byScore: Record<number, number>;
}

/**
 * The figures from what the clients saw: tickets the kiosk was given, finishes, absences,
 * transfers and ratings the consoles and terminals were told happened, plus the commands in
 * doubt that the journal shows did happen.
 */
export function clientTally(records: readonly CommandRecord[], alignment: Alignment): Tally {
  // Records are in the order their answers came; one client's are in the order it sent them.
  const tickets = new Set<string>();
  const finished = new Set<string>();
  const absent = new Set<string>();
  const transferred = new Set<string>();
  const byScore: Record<number, number> = {};
  for (const r of records) {
    const caused = alignment.caused.get(r) ?? [];
    const acked = r.outcome.kind === 'ok';
    if (!acked && caused.length === 0) continue;
    const c = r.command;
    // A call's implicit finish is known from the console's own view, i.e. the events.
    for (const e of caused) if ((c.type === 'call-next' || c.type === 'call-number') && e.type === 'ticket.finished') finished.add(e.ticketId);
    const ticketOfEvent = () => {
      const e = caused.find((x) => 'ticketId' in x) as { ticketId: string } | undefined;
      return e?.ticketId;
    };
    switch (c.type) {
      case 'issue': {
        const id = acked ? c.ticketId : caused[0]?.type === 'ticket.issued' ? caused[0].ticket.id : undefined;
        if (id) tickets.add(id);
        break;
      }
      case 'finish':
        finished.add(acked ? c.ticketId : ticketOfEvent()!);
        break;
      case 'no-show':
        if (!c.requeue) absent.add(acked ? c.ticketId : ticketOfEvent()!);
        break;
      case 'call-number':
        // Only the counter that marked the citizen absent calls them back, after it did.
        absent.delete(c.ticketId);
        break;
      case 'transfer':
        transferred.add(acked ? c.ticketId : ticketOfEvent()!);
        break;
      case 'rate': {
        const score = acked ? c.score : (caused[0] as Extract<QueueEvent, { type: 'ticket.rated' }>).score;
        byScore[score] = (byScore[score] ?? 0) + 1;
        break;
      }
    }
  }
  const rated = Object.values(byScore).reduce((a, b) => a + b, 0);
  return { visits: tickets.size, served: finished.size, noShows: absent.size, transferred: transferred.size, rated, byScore };
}

/** The same figures from replaying the journal: tells a bookkeeping slip from a report bug. */
export function journalTally(day: string, events: readonly QueueEvent[]): Tally & { waiting: number; serving: number } {
  const state = replay(day, events);
  const tickets = Object.values(state.tickets);
  const byScore: Record<number, number> = {};
  for (const t of tickets) if (t.rating) byScore[t.rating.score] = (byScore[t.rating.score] ?? 0) + 1;
  return {
    visits: tickets.length,
    served: tickets.filter((t) => t.status === 'done').length,
    noShows: tickets.filter((t) => t.status === 'no-show').length,
    transferred: tickets.filter((t) => t.transfers > 0).length,
    rated: tickets.filter((t) => t.rating).length,
    byScore,
    waiting: tickets.filter((t) => t.status === 'waiting').length,
    serving: tickets.filter((t) => t.status === 'serving').length,
  };
}

export function tallyDifferences(label: string, expected: Tally, actual: Tally): string[] {
  const out: string[] = [];
  for (const key of ['visits', 'served', 'noShows', 'transferred', 'rated'] as const) {
    if (expected[key] !== actual[key]) out.push(`${key}: ${label} ${actual[key]}, expected ${expected[key]}`);
  }
  const scores = new Set([...Object.keys(expected.byScore), ...Object.keys(actual.byScore)].map(Number));
  for (const s of scores) {
    if ((expected.byScore[s] ?? 0) !== (actual.byScore[s] ?? 0)) out.push(`ratings of score ${s}: ${label} ${actual.byScore[s] ?? 0}, expected ${expected.byScore[s] ?? 0}`);
  }
  return out;
}

/** The figures of GET /api/reports (totals), as a Tally. */
export function reportTally(totals: Pick<Report['totals'], 'visits' | 'services'>): Tally {
  const v = totals.visits;
  const ratings = totals.services.ratings;
  return {
    visits: v.visits,
    served: v.served,
    noShows: v.absent,
    transferred: v.transferred,
    rated: ratings.rated,
    byScore: Object.fromEntries(ratings.levels.filter((l) => l.count > 0).map((l) => [l.score, l.count])),
  };
}

// What happened in a day, as the reports count it: every visit (a ticket) once, every call
// as a service credited to the counter and officer who made it, with how it ended, and each
// officer's time at a counter. This file is where those rules live (docs/reports.md says them
// in words); the report, the dashboard, the consoles and the exports all read its rows.
// It folds the day's journal events one at a time, so today's facts grow with the queue.
import type { QueueEvent } from '@protocol/queue';

/** How a visit stood at the end of the day (or now, for today). */
export const VisitEnd = { unserved: 0, served: 1, absent: 2, serving: 3 } as const;
export type VisitEndValue = (typeof VisitEnd)[keyof typeof VisitEnd];

/** How one service (one call at one counter) ended. */
export const ServiceEnd = { open: 0, finished: 1, transferred: 2, absent: 3, requeued: 4 } as const;
export type ServiceEndValue = (typeof ServiceEnd)[keyof typeof ServiceEnd];

export interface VisitFact {
  /** The field it was issued for, and the field it is in now (after transfers). */
  issuedField: string;
  field: string;
  issuedAt: number;
  priority: boolean;
  /** Issue → first call; undefined while never called. */
  firstCalledAt?: number;
  transfers: number;
  /** Index of its latest service, -1 before the first call. */
  lastService: number;
  /** In a line now (waiting), since lineSince. */
  inLine: boolean;
  lineSince: number;
}

export interface ServiceFact {
  visit: number;
  /** The field it was served in: the ticket's field when called. */
  field: string;
  counter: number;
  staff?: string;
  calledAt: number;
  /** From joining the line it was called from (issue, transfer, put back) to the call;
   *  undefined for a ticket called back after it was marked absent (it was in no line). */
  lineWaitMs?: number;
  endedAt?: number;
  end: ServiceEndValue;
  toField?: string;
  toCounter?: number;
  outcome?: string;
  dossierCodes: string[];
  recalls: number;
  score?: number;
  reason?: string;
}

/** One officer's time at one counter. */
export interface PresenceFact {
  counter: number;
  staff: string;
  signedInMs: number;
  /** With a citizen at the desk and not paused. */
  servingMs: number;
  /** Signed in, not paused, nobody at the desk. */
  idleMs: number;
  pausedMs: Map<string, number>;
}

interface CounterClock {
  status: 'closed' | 'open' | 'paused';
  staff?: string;
  pauseReason?: string;
  /** Index of the service at the desk. */
  current?: number;
  since: number;
}

export class DayFacts {
  readonly visits: VisitFact[] = [];
  readonly services: ServiceFact[] = [];
  private readonly visitIndex = new Map<string, number>();
  private readonly counters = new Map<number, CounterClock>();
  private readonly presence = new Map<string, PresenceFact>();
  /** Time of the latest event: where a closed day's open sign-ins stop counting. */
  lastEventAt = 0;
  applied = 0;

  constructor(readonly day: string) {}

  apply(e: QueueEvent): void {
    this.applied++;
    this.lastEventAt = Math.max(this.lastEventAt, e.at);
    switch (e.type) {
      case 'day.opened':
        for (const c of e.counters) this.counters.set(c.id, { status: c.status, staff: c.staffId, pauseReason: c.pauseReason, since: e.at });
        break;
      case 'ticket.issued':
        this.visitIndex.set(e.ticket.id, this.visits.length);
        this.visits.push({
          issuedField: e.ticket.serviceId,
          field: e.ticket.serviceId,
          issuedAt: e.at,
          priority: e.ticket.priority,
          transfers: 0,
          lastService: -1,
          inLine: true,
          lineSince: e.at,
        });
        break;
      case 'ticket.called': {
        const v = this.visitIndex.get(e.ticketId);
        if (v === undefined) break;
        const visit = this.visits[v];
        const clock = this.advance(e.counterId, e.at);
        visit.firstCalledAt ??= e.at;
        const index = this.services.length;
        this.services.push({
          visit: v,
          field: visit.field,
          counter: e.counterId,
          ...(e.staffId !== undefined ? { staff: e.staffId } : {}),
          calledAt: e.at,
          ...(visit.inLine ? { lineWaitMs: e.at - visit.lineSince } : {}),
          end: ServiceEnd.open,
          dossierCodes: [],
          recalls: 0,
        });
        visit.lastService = index;
        visit.inLine = false;
        clock.current = index;
        break;
      }
      case 'ticket.recalled': {
        const s = this.openService(e.ticketId);
        if (s) s.recalls++;
        break;
      }
      case 'ticket.no-show': {
        const s = this.endService(e.ticketId, e.counterId, e.at, e.requeue ? ServiceEnd.requeued : ServiceEnd.absent);
        if (s && e.requeue) this.joinLine(s.visit, e.at);
        break;
      }
      case 'ticket.transferred': {
        const s = this.endService(e.ticketId, e.counterId, e.at, ServiceEnd.transferred);
        if (!s) break;
        s.toField = e.toServiceId;
        if (e.toCounterId !== undefined) s.toCounter = e.toCounterId;
        const visit = this.visits[s.visit];
        visit.field = e.toServiceId;
        visit.transfers++;
        this.joinLine(s.visit, e.at);
        break;
      }
      case 'ticket.finished': {
        const s = this.endService(e.ticketId, e.counterId, e.at, ServiceEnd.finished);
        if (!s) break;
        if (e.outcome !== undefined) s.outcome = e.outcome;
        if (e.dossierCodes) s.dossierCodes = [...e.dossierCodes];
        break;
      }
      case 'ticket.rated': {
        // A rating is about the service that finished the visit (who received the citizen).
        const v = this.visitIndex.get(e.ticketId);
        const s = v === undefined ? undefined : this.services[this.visits[v].lastService];
        if (!s || s.end !== ServiceEnd.finished) break;
        s.score = e.score;
        if (e.reason !== undefined) s.reason = e.reason;
        break;
      }
      case 'counter.opened': {
        const clock = this.advance(e.counterId, e.at);
        clock.status = 'open';
        clock.staff = e.staffId;
        clock.pauseReason = undefined;
        break;
      }
      case 'counter.closed': {
        const clock = this.advance(e.counterId, e.at);
        clock.status = 'closed';
        clock.staff = undefined;
        clock.pauseReason = undefined;
        clock.current = undefined;
        break;
      }
      case 'counter.paused': {
        const clock = this.advance(e.counterId, e.at);
        clock.status = 'paused';
        clock.pauseReason = e.reason;
        break;
      }
      case 'counter.resumed': {
        const clock = this.advance(e.counterId, e.at);
        clock.status = 'open';
        clock.pauseReason = undefined;
        break;
      }
      case 'ticket.rating-expired':
        break;
    }
  }

  /** Officers' time at counters, with sign-ins still open counted up to `until`. */
  presenceUntil(until: number): PresenceFact[] {
    const out = new Map<string, PresenceFact>();
    for (const [key, p] of this.presence) out.set(key, { ...p, pausedMs: new Map(p.pausedMs) });
    for (const [counter, clock] of this.counters) {
      if (clock.status === 'closed' || !clock.staff || until <= clock.since) continue;
      const key = `${counter}|${clock.staff}`;
      let p = out.get(key);
      if (!p) out.set(key, (p = emptyPresence(counter, clock.staff)));
      addTime(p, clock, until - clock.since);
    }
    return [...out.values()];
  }

  private openService(ticketId: string): ServiceFact | undefined {
    const v = this.visitIndex.get(ticketId);
    const s = v === undefined ? undefined : this.services[this.visits[v].lastService];
    return s?.end === ServiceEnd.open ? s : undefined;
  }

  private endService(ticketId: string, counterId: number, at: number, end: ServiceEndValue): ServiceFact | undefined {
    const s = this.openService(ticketId);
    if (!s) return undefined;
    const clock = this.advance(counterId, at);
    s.end = end;
    s.endedAt = at;
    if (clock.current !== undefined && this.services[clock.current] === s) clock.current = undefined;
    return s;
  }

  private joinLine(visit: number, at: number): void {
    this.visits[visit].inLine = true;
    this.visits[visit].lineSince = at;
  }

  /** Credits the time since the counter's last change to its officer, then returns its clock. */
  private advance(counterId: number, at: number): CounterClock {
    let clock = this.counters.get(counterId);
    if (!clock) {
      clock = { status: 'closed', since: at };
      this.counters.set(counterId, clock);
    }
    if (clock.status !== 'closed' && clock.staff && at > clock.since) {
      const key = `${counterId}|${clock.staff}`;
      let p = this.presence.get(key);
      if (!p) this.presence.set(key, (p = emptyPresence(counterId, clock.staff)));
      addTime(p, clock, at - clock.since);
    }
    clock.since = at;
    return clock;
  }
}

function emptyPresence(counter: number, staff: string): PresenceFact {
  return { counter, staff, signedInMs: 0, servingMs: 0, idleMs: 0, pausedMs: new Map() };
}

function addTime(p: PresenceFact, clock: CounterClock, ms: number): void {
  p.signedInMs += ms;
  if (clock.status === 'paused') {
    const reason = clock.pauseReason ?? '';
    p.pausedMs.set(reason, (p.pausedMs.get(reason) ?? 0) + ms);
  } else if (clock.current !== undefined) p.servingMs += ms;
  else p.idleMs += ms;
}

export function factsOfDay(day: string, events: readonly QueueEvent[]): DayFacts {
  const facts = new DayFacts(day);
  for (const e of events) facts.apply(e);
  return facts;
}

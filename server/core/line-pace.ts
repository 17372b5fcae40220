// How fast each field's line moves today, folded from the queue's events: the calls out of
// each line and the minutes each service took. Pure: the server folds its events into a
// PaceLog and asks for the paces when a ticket is issued or the phone pages need them.
import type { CentreConfig } from '@protocol/config';
import type { QueueEvent, QueueState } from '@protocol/queue';
import type { FieldPace } from '@protocol/wait-estimate';

export interface PaceLog {
  /** Times of the calls out of each field's line today, oldest first. */
  calls: Record<string, number[]>;
  /** Minutes each finished service of the field took today. */
  serviceMinutes: Record<string, number[]>;
  /** Services under way: ticket id → when it was called and for which field. */
  serving: Record<string, { at: number; serviceId: string }>;
}

/** The same weekday's earlier days: the median minutes of a service per field. */
export interface PaceHistory {
  serviceMinutes: Record<string, number>;
}

export function emptyPaceLog(): PaceLog {
  return { calls: {}, serviceMinutes: {}, serving: {} };
}

/** Folds one event; `state` holds the event's ticket (before or after the event: its field is the same). */
export function foldPace(log: PaceLog, event: QueueEvent, state: QueueState): PaceLog {
  switch (event.type) {
    case 'day.opened':
      return emptyPaceLog();
    case 'ticket.called': {
      const ticket = state.tickets[event.ticketId];
      if (!ticket) break;
      // A ticket called while at another counter moves desks; it does not leave the line.
      if (log.serving[event.ticketId]) endService(log, event.ticketId, event.at);
      else (log.calls[ticket.serviceId] ??= []).push(event.at);
      log.serving[event.ticketId] = { at: event.at, serviceId: ticket.serviceId };
      break;
    }
    case 'ticket.finished':
    case 'ticket.transferred':
      endService(log, event.ticketId, event.at);
      break;
    case 'ticket.no-show':
      // An absent citizen's few seconds say nothing about how long a service takes.
      delete log.serving[event.ticketId];
      break;
  }
  return log;
}

function endService(log: PaceLog, ticketId: string, at: number): void {
  const open = log.serving[ticketId];
  if (!open) return;
  delete log.serving[ticketId];
  (log.serviceMinutes[open.serviceId] ??= []).push((at - open.at) / 60_000);
}

/** Services a field needs today before its own times are trusted over the weekday's. */
const TODAY_SERVICES = 5;
/** Minutes of a service when nothing is known yet. */
const DEFAULT_SERVICE_MINUTES = 8;
/** Minutes between one citizen leaving a counter and the next being called. */
const CHANGEOVER_MINUTES = 0.5;
/** Share of an open counter's time its officer is at the desk: the rest goes on dossiers and
 *  meetings between citizens (about one citizen in twelve is followed by 8–35 minutes away). */
const AT_DESK = 0.85;
/** A paused counter is expected back, but not soon. */
const PAUSED_AT_DESK = 0.5;
/** The recent calls that say how fast a line moves now. */
const RECENT_MINUTES = 45;
const RECENT_CALLS_TRUSTED = 4;

function median(xs: readonly number[]): number {
  const s = [...xs].sort((a, b) => a - b);
  const m = s.length >> 1;
  return s.length % 2 ? s[m] : (s[m - 1] + s[m]) / 2;
}

/** Each active field's pace at `now`: today's services and the counters open for it, the recent calls beside them. */
export function fieldPaces(log: PaceLog, state: QueueState, config: CentreConfig, history: PaceHistory, now: number): Record<string, FieldPace> {
  const serviceMinutes: Record<string, { minutes: number; basis: FieldPace['basis'] }> = {};
  for (const s of config.services) {
    const today = log.serviceMinutes[s.id] ?? [];
    if (today.length >= TODAY_SERVICES) serviceMinutes[s.id] = { minutes: median(today), basis: 'today' };
    else if (history.serviceMinutes[s.id]) serviceMinutes[s.id] = { minutes: history.serviceMinutes[s.id], basis: 'history' };
    else serviceMinutes[s.id] = { minutes: DEFAULT_SERVICE_MINUTES, basis: 'none' };
  }
  // Calls per minute each field gets from the counters open now: a counter serving several
  // fields shares its time among them in proportion to their lines.
  const capacity: Record<string, number> = {};
  const free: Record<string, number> = {};
  for (const c of config.counters) {
    if (!c.active) continue;
    const status = state.counters[c.id]?.status ?? 'closed';
    if (status === 'closed') continue;
    const availability = status === 'open' ? AT_DESK : PAUSED_AT_DESK;
    if (status === 'open' && !state.counters[c.id]?.currentTicketId) for (const id of c.serviceIds) free[id] = (free[id] ?? 0) + 1;
    const demand = c.serviceIds.map((id) => (state.waiting[id]?.length ?? 0) + 1);
    const total = demand.reduce((a, b) => a + b, 0);
    c.serviceIds.forEach((id, i) => {
      const minutes = (serviceMinutes[id]?.minutes ?? DEFAULT_SERVICE_MINUTES) + CHANGEOVER_MINUTES;
      capacity[id] = (capacity[id] ?? 0) + (availability * demand[i]) / total / minutes;
    });
  }
  const paces: Record<string, FieldPace> = {};
  for (const s of config.services) {
    if (!s.active) continue;
    const own = serviceMinutes[s.id];
    const recent = (log.calls[s.id] ?? []).filter((t) => t > now - RECENT_MINUTES * 60_000 && t <= now);
    const capacityRate = capacity[s.id] ?? 0;
    let rate = capacityRate;
    if (recent.length >= RECENT_CALLS_TRUSTED) {
      const observed = recent.length / Math.min(RECENT_MINUTES, (now - (log.calls[s.id]![0])) / 60_000 || RECENT_MINUTES);
      rate = capacityRate > 0 ? (observed + capacityRate) / 2 : observed;
    }
    // No counter open for the field: the pace of one counter, the day's usual at least.
    if (rate <= 0) rate = 1 / (own.minutes + CHANGEOVER_MINUTES);
    paces[s.id] = { minutesPerCall: 1 / rate, freeCounters: free[s.id] ?? 0, basis: recent.length >= RECENT_CALLS_TRUSTED ? 'today' : own.basis };
  }
  return paces;
}

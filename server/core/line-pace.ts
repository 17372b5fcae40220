// How fast each field's line moves today, folded from the queue's events: the minutes each
// service took, how often and how long officers step away from their desks, how often someone
// goes ahead of those already waiting. Pure: the server folds its events into a PaceLog and
// asks for the paces when a ticket is issued or the phone pages need them; the paces play the
// counters open now forward over the tickets waiting now (project-calls.ts).
import type { CentreConfig } from '@protocol/config';
import { localTime } from '@protocol/local-time';
import type { QueueEvent, QueueState } from '@protocol/queue';
import type { FieldPace } from '@protocol/wait-estimate';
import { projectCalls, type ProjectedDesk } from './project-calls';

/** The recent services (per field), pauses and jumps ahead that say how things go now. */
const RECENT = 30;

export interface PaceLog {
  /** Minutes each of the field's latest services took today (at most RECENT), oldest first. */
  serviceMinutes: Record<string, number[]>;
  /** Services under way: ticket id → when it was called and for which field. */
  serving: Record<string, { at: number; serviceId: string }>;
  /** Calls that ended today (services and absences): how often an officer leaves the desk after one. */
  callsEnded: number;
  /** Citizens called who did not come, and the minutes the counter spent on them. */
  noShows: { count: number; minutes: number };
  /** Counters paused now: since when, and how many calls had ended then. */
  pausedSince: Record<number, { at: number; calls: number }>;
  /** The latest pauses that ended today (at most RECENT): when each began, the calls ended by
   *  then, and its minutes. */
  pauses: { at: number; calls: number; minutes: number }[];
  /** Per field, the latest times (at most RECENT) someone went ahead of those already in its
   *  line: a priority ticket issued, a citizen transferred in (keeping their place), one called
   *  back by number. */
  jumps: Record<string, number[]>;
}

/** The same weekday's earlier days: the mean minutes of a service per field. */
export interface PaceHistory {
  serviceMinutes: Record<string, number>;
}

export function emptyPaceLog(): PaceLog {
  return { serviceMinutes: {}, serving: {}, callsEnded: 0, noShows: { count: 0, minutes: 0 }, pausedSince: {}, pauses: [], jumps: {} };
}

function keepRecent<T>(list: T[], item: T): void {
  list.push(item);
  if (list.length > RECENT) list.shift();
}

/** Folds one event; `state` holds the event's ticket (before or after the event: its field is the same). */
export function foldPace(log: PaceLog, event: QueueEvent, state: QueueState): PaceLog {
  switch (event.type) {
    case 'day.opened':
      return emptyPaceLog();
    case 'ticket.issued':
      if (event.ticket.priority) keepRecent((log.jumps[event.ticket.serviceId] ??= []), event.at);
      break;
    case 'ticket.called': {
      const ticket = state.tickets[event.ticketId];
      if (!ticket) break;
      // A ticket called while at another counter moves desks; it does not leave the line.
      if (log.serving[event.ticketId]) endService(log, event.ticketId, event.at);
      else if (event.how === 'number') keepRecent((log.jumps[ticket.serviceId] ??= []), event.at);
      log.serving[event.ticketId] = { at: event.at, serviceId: ticket.serviceId };
      break;
    }
    case 'ticket.transferred':
      keepRecent((log.jumps[event.toServiceId] ??= []), event.at);
      endService(log, event.ticketId, event.at);
      break;
    case 'ticket.finished':
      endService(log, event.ticketId, event.at);
      break;
    case 'ticket.no-show': {
      // An absent citizen's few minutes say nothing about how long a service takes, but they
      // are minutes of the counter's.
      const open = log.serving[event.ticketId];
      if (!open) break;
      delete log.serving[event.ticketId];
      log.callsEnded++;
      log.noShows = { count: log.noShows.count + 1, minutes: log.noShows.minutes + (event.at - open.at) / 60_000 };
      break;
    }
    case 'counter.paused':
      log.pausedSince[event.counterId] = { at: event.at, calls: log.callsEnded };
      break;
    case 'counter.resumed':
    case 'counter.closed': {
      const since = log.pausedSince[event.counterId];
      if (since === undefined) break;
      delete log.pausedSince[event.counterId];
      if (event.type === 'counter.resumed') keepRecent(log.pauses, { ...since, minutes: (event.at - since.at) / 60_000 });
      break;
    }
  }
  return log;
}

function endService(log: PaceLog, ticketId: string, at: number): void {
  const open = log.serving[ticketId];
  if (!open) return;
  delete log.serving[ticketId];
  log.callsEnded++;
  keepRecent((log.serviceMinutes[open.serviceId] ??= []), (at - open.at) / 60_000);
}

/** Services a field's own mean is worth as much as the weekday's (or the default). */
const PRIOR_SERVICES = 5;
/** Services a field needs today before the basis says "today". */
const TODAY_SERVICES = 5;
/** Minutes of a service when nothing is known yet. */
const DEFAULT_SERVICE_MINUTES = 8;
/** Minutes between one citizen leaving a counter and the next being called. */
const CHANGEOVER_MINUTES = 0.5;
/** Minutes an absent citizen holds a counter, before today has seen one. */
const DEFAULT_NO_SHOW_MINUTES = 1.5;
/** Before today has its own: about one citizen in twelve is followed by a quarter of an hour
 *  away from the desk (a dossier to process, a meeting), worth as many calls and pauses. */
const PRIOR_CALLS = 40;
const PRIOR_STEP_AWAYS = 3;
const PRIOR_AWAY_MINUTES = 15;
/** A service or a step-away already past its usual length still has this share of it to run. */
const OVERRUN_SHARE = 0.3;
/** The recent minutes whose jumps ahead say how often they come now, and the fewest they are
 *  counted over early in the day. */
const JUMP_WINDOW_MINUTES = 60;
const MIN_JUMP_MINUTES = 15;
/** Turns a pace carries per field; later places go at minutesPerCall. */
const MAX_TURNS = 60;

const mean = (xs: readonly number[]) => xs.reduce((a, b) => a + b, 0) / xs.length;

/** Today's opening intervals around `now`, as epoch ms; the same until the minute changes
 *  (formatting a time in the centre's zone costs more than the rest of the paces). */
let lastIntervals = { minute: -1, config: undefined as CentreConfig | undefined, intervals: [] as { start: number; end: number }[] };
function openingIntervals(config: CentreConfig, now: number): { start: number; end: number }[] {
  const minute = Math.floor(now / 60_000);
  if (lastIntervals.minute === minute && lastIntervals.config === config) return lastIntervals.intervals;
  const t = localTime(now, config.centre.timeZone);
  const minuteOfDay = t.hour * 60 + Number(t.hhmm.slice(3));
  const midnight = (minute - minuteOfDay) * 60_000;
  const at = (hhmm: string) => midnight + (Number(hhmm.slice(0, 2)) * 60 + Number(hhmm.slice(3))) * 60_000;
  const intervals = (config.openingHours.weekly[t.weekday] ?? []).map(([from, to]) => ({ start: at(from), end: at(to) }));
  lastIntervals = { minute, config, intervals };
  return intervals;
}

/**
 * Each active field's pace at `now`: the counters open or paused now are played forward over
 * the tickets waiting now, in the order the call policy takes them, each call taking the field's
 * mean service (today's recent services weighed against the weekday's) and the changeover; a
 * counter at the desk frees when its citizen's service should end, one away when its officer
 * should be back (after the break, in a break). Officers stepping away and citizens going ahead
 * are counted as they most likely come (project-calls.ts). Cost: the counters and the front of
 * the lines, never the whole day.
 */
export function fieldPaces(log: PaceLog, state: QueueState, config: CentreConfig, history: PaceHistory, now: number): Record<string, FieldPace> {
  const intervals = openingIntervals(config, now);
  const inOpening = (at: number) => intervals.some((iv) => at >= iv.start && at < iv.end);
  const nextOpening = intervals.find((iv) => iv.start > now)?.start;

  // Officers' time away from the desk during opening hours (not the breaks), today's weighed
  // against the usual: how often after a call, and for how long.
  const stepAways = log.pauses.filter((p) => inOpening(p.at));
  const callsOver = log.pauses.length < RECENT ? log.callsEnded : log.callsEnded - log.pauses[0].calls;
  const stepAwayShare = (stepAways.length + PRIOR_STEP_AWAYS) / (callsOver + PRIOR_CALLS);
  const awayMinutes = (stepAways.reduce((s, p) => s + p.minutes, 0) + PRIOR_STEP_AWAYS * PRIOR_AWAY_MINUTES) / (stepAways.length + PRIOR_STEP_AWAYS);
  const noShowShare = log.callsEnded > 0 ? log.noShows.count / log.callsEnded : 0;
  const noShowMinutes = log.noShows.count > 0 ? log.noShows.minutes / log.noShows.count : DEFAULT_NO_SHOW_MINUTES;

  const serviceMinutes: Record<string, number> = {};
  const cycle: Record<string, number> = {};
  const basis: Record<string, FieldPace['basis']> = {};
  for (const s of config.services) {
    const today = log.serviceMinutes[s.id] ?? [];
    const prior = history.serviceMinutes[s.id];
    serviceMinutes[s.id] = ((today.length ? mean(today) * today.length : 0) + (prior ?? DEFAULT_SERVICE_MINUTES) * PRIOR_SERVICES) / (today.length + PRIOR_SERVICES);
    basis[s.id] = today.length >= TODAY_SERVICES ? 'today' : prior ? 'history' : 'none';
    cycle[s.id] = (1 - noShowShare) * serviceMinutes[s.id] + noShowShare * noShowMinutes + CHANGEOVER_MINUTES;
  }

  const desks: ProjectedDesk[] = [];
  for (const c of config.counters) {
    const cs = state.counters[c.id];
    if (!c.active || !cs || cs.status === 'closed') continue;
    let freeAt = now;
    let calls = 0;
    if (cs.status === 'paused') {
      const since = log.pausedSince[c.id]?.at ?? now;
      if (!inOpening(now) && nextOpening !== undefined) freeAt = nextOpening;
      else freeAt = Math.max(since + awayMinutes * 60_000, now + OVERRUN_SHARE * awayMinutes * 60_000);
    } else if (cs.currentTicketId) {
      const t = state.tickets[cs.currentTicketId];
      const minutes = serviceMinutes[t.serviceId] ?? DEFAULT_SERVICE_MINUTES;
      const calledAt = t.calledAt ?? now;
      freeAt = Math.max(calledAt + minutes * 60_000, now + OVERRUN_SHARE * minutes * 60_000) + CHANGEOVER_MINUTES * 60_000;
      calls = 1;
    }
    desks.push({ counterId: c.id, serviceIds: c.serviceIds, freeAt, calls, normalsSincePriority: cs.normalsSincePriority });
  }

  // Those who go ahead of the tickets waiting now, per minute, as the recent ones came.
  const since = Math.max(now - JUMP_WINDOW_MINUTES * 60_000, intervals[0]?.start ?? -Infinity);
  const jumpMinutes = Math.max(MIN_JUMP_MINUTES, (now - since) / 60_000);
  const jumpsPerMinute: Record<string, number> = {};
  for (const [serviceId, times] of Object.entries(log.jumps)) {
    let n = 0;
    for (const t of times) if (t > since && t <= now) n++;
    if (n > 0) jumpsPerMinute[serviceId] = n / jumpMinutes;
  }

  const projected = projectCalls({ state, config, now, desks, cycle, stepAwayShare, awayMinutes, jumpsPerMinute, turnsPerField: MAX_TURNS });

  // Beyond the projection, each field's share of its counters' time: a counter serving several
  // fields shares it in proportion to their lines.
  const rate: Record<string, number> = {};
  for (const d of desks) {
    let total = 0;
    for (const id of d.serviceIds) total += (state.waiting[id]?.length ?? 0) + 1;
    for (const id of d.serviceIds) rate[id] = (rate[id] ?? 0) + ((state.waiting[id]?.length ?? 0) + 1) / total / (cycle[id] + stepAwayShare * awayMinutes);
  }
  const paces: Record<string, FieldPace> = {};
  for (const s of config.services) {
    if (!s.active) continue;
    const minutesPerCall = rate[s.id] ? 1 / rate[s.id] : cycle[s.id] + stepAwayShare * awayMinutes;
    const turns = (projected[s.id] ?? []).map((at) => Math.round((at - now) / 6_000) / 10);
    paces[s.id] = { turns, minutesPerCall: Math.round(minutesPerCall * 100) / 100, basis: basis[s.id] };
  }
  return paces;
}

// The queue's shared state and its events. The server decides which events happen
// (server/core); this file says how each event changes the state, so the server and
// every app fold the same events into the same state.

export type TicketStatus = 'waiting' | 'serving' | 'done' | 'no-show';
/** Where a ticket was issued: the kiosk, an integration, a citizen's phone, an officer at a
 *  counter or the hall guide on someone's behalf. */
export type TicketSource = 'kiosk' | 'api' | 'phone' | 'counter' | 'guide';

/** A ticket made by checking in an appointment: it goes first in its field from dueAt (the
 *  slot's start) on, within the call rule's limits (docs/queue-policy.md). */
export interface TicketAppointment {
  bookingId: string;
  dueAt: number;
}
export type RatingVia = 'terminal' | 'phone' | 'api';

export interface TicketRating {
  score: number;
  reason?: string;
  at: number;
  via: RatingVia;
}

export interface Ticket {
  id: string;
  number: number;
  /** What is printed and called: prefix + number ("1005", "A025"). */
  label: string;
  serviceId: string;
  priority: boolean;
  priorityCategoryId?: string;
  source: TicketSource;
  issuedAt: number;
  /** Rank in the line: the issue time, kept across transfers; "now" after a no-show back into the line. */
  queuedAt: number;
  /** When it joined the line it waits in now: issue, transfer or put back after a no-show.
   *  Waits are measured from here (docs/reports.md), the rank from queuedAt. */
  lineSince: number;
  appointment?: TicketAppointment;
  status: TicketStatus;
  /** Only this counter may take the ticket (after a transfer to a counter). */
  targetCounterId?: number;
  counterId?: number;
  staffId?: string;
  firstCalledAt?: number;
  calledAt?: number;
  finishedAt?: number;
  /** Calls of the present service: 1 at the call, +1 per recall; a new call (another counter,
   *  or the same one after a no-show) starts again at 1. */
  callCount: number;
  transfers: number;
  /** Where the latest transfer came from, so the receiving officer knows (kept until finished). */
  transferredFrom?: { counterId: number; serviceId: string };
  /** open: the counter's terminal is asking; expired: nobody rated in time (the phone may still). */
  ratingPrompt?: 'open' | 'expired';
  rating?: TicketRating;
}

export type CounterStatus = 'closed' | 'open' | 'paused';

export interface CounterState {
  id: number;
  status: CounterStatus;
  staffId?: string;
  pauseReason?: string;
  currentTicketId?: string;
  /** For the interleave policy: normal tickets called since the last priority one. */
  normalsSincePriority: number;
  /** Appointments called here in a row (walk-ins get a turn after callPolicy.appointmentsInRow). */
  appointmentsInRow: number;
}

export interface CallRecord {
  ticketId: string;
  label: string;
  serviceId: string;
  counterId: number;
  at: number;
  recall: boolean;
  seq: number;
}

/** Running counts for the day, kept by applyEvent so a trimmed view stays right. Every other
 *  figure is the reports' (server/reports), so the consoles and the reports cannot disagree. */
export interface DayStats {
  /** Tickets issued per field today (the daily cap). */
  issued: Record<string, number>;
}

export interface QueueState {
  /** The centre's local day, YYYY-MM-DD. */
  day: string;
  /** Sequence number of the last applied event; events of a day are numbered 1, 2, 3… */
  seq: number;
  tickets: Record<string, Ticket>;
  /** label → ticket id, so a number is never issued twice in a day. */
  byLabel: Record<string, string>;
  /** Last number issued per field today. */
  lastNumber: Record<string, number>;
  /** Waiting ticket ids per field, ordered by queuedAt. */
  waiting: Record<string, string[]>;
  /** Per field, waiting tickets any of its counters may take (not sent to one counter): the
   *  "how many ahead" of a ticket just issued, without walking a long line. `open` counts them
   *  all, `openPriority` the priority walk-ins, `appointments` the checked-in appointments. */
  lineCounts: Record<string, LineCounts>;
  /** Numbers taken from a phone today, per phone (a key of its number, never the number),
   *  in total and per field: the limits of docs/queue-policy.md. */
  holders: Record<string, { total: number; byService: Record<string, number> }>;
  /** The ticket each checked-in appointment became, so one booking is never two tickets. */
  byBooking: Record<string, string>;
  counters: Record<number, CounterState>;
  /** Newest first. */
  recentCalls: CallRecord[];
  stats: DayStats;
}

export interface LineCounts {
  open: number;
  openPriority: number;
  appointments: number;
}

interface EventBase {
  seq: number;
  at: number;
}

export interface CarriedCounter {
  id: number;
  status: CounterStatus;
  staffId?: string;
  pauseReason?: string;
}

export type QueueEventBody =
  | { type: 'day.opened'; day: string; counters: CarriedCounter[] }
  | {
      type: 'ticket.issued';
      ticket: {
        id: string;
        number: number;
        label: string;
        serviceId: string;
        priority: boolean;
        priorityCategoryId?: string;
        source: TicketSource;
        appointment?: TicketAppointment;
      };
      deviceId?: string;
      /** The key of the phone number that took it (numbers from the phone). */
      holder?: string;
    }
  // Calls carry the label so a display can announce one even when it no longer holds the ticket.
  | { type: 'ticket.called'; ticketId: string; label: string; counterId: number; staffId?: string; how: 'next' | 'number' }
  | { type: 'ticket.recalled'; ticketId: string; label: string; counterId: number }
  | { type: 'ticket.no-show'; ticketId: string; counterId: number; requeue: boolean }
  | { type: 'ticket.transferred'; ticketId: string; counterId: number; toServiceId: string; toCounterId?: number }
  | {
      type: 'ticket.finished';
      ticketId: string;
      counterId: number;
      staffId?: string;
      /** What the visit was for (an id of config.outcomes); absent = not classified. */
      outcome?: string;
      /** Codes of the one-stop-shop software's dossiers handled (mã hồ sơ). */
      dossierCodes?: string[];
    }
  | {
      type: 'ticket.rated';
      ticketId: string;
      score: number;
      reason?: string;
      via: RatingVia;
      serviceId: string;
      counterId: number;
      staffId?: string;
    }
  | { type: 'ticket.rating-expired'; ticketId: string }
  | { type: 'counter.opened'; counterId: number; staffId: string }
  | { type: 'counter.closed'; counterId: number }
  | { type: 'counter.paused'; counterId: number; reason: string }
  | { type: 'counter.resumed'; counterId: number };

export type QueueEvent = EventBase & QueueEventBody;

const RECENT_CALLS = 20;

export function emptyState(day: string): QueueState {
  return {
    day, seq: 0, tickets: {}, byLabel: {}, lastNumber: {}, waiting: {}, lineCounts: {}, holders: {}, byBooking: {}, counters: {}, recentCalls: [],
    stats: { issued: {} },
  };
}

/** The ticket with this id, as an own property only: "constructor" or "__proto__" names no ticket. */
export function ticketById(state: QueueState, id: string): Ticket | undefined {
  return Object.hasOwn(state.tickets, id) ? state.tickets[id] : undefined;
}

export function counterOf(state: QueueState, id: number): CounterState {
  let counter = state.counters[id];
  if (!counter) {
    counter = { id, status: 'closed', normalsSincePriority: 0, appointmentsInRow: 0 };
    state.counters[id] = counter;
  }
  return counter;
}

function countLine(state: QueueState, ticket: Ticket, delta: 1 | -1): void {
  if (ticket.targetCounterId !== undefined) return;
  const counts = (state.lineCounts[ticket.serviceId] ??= { open: 0, openPriority: 0, appointments: 0 });
  counts.open += delta;
  if (ticket.appointment) counts.appointments += delta;
  else if (ticket.priority) counts.openPriority += delta;
}

function insertWaiting(state: QueueState, ticket: Ticket): void {
  countLine(state, ticket, 1);
  const line = (state.waiting[ticket.serviceId] ??= []);
  // A ticket just issued goes at the end: no search through a long line.
  if (line.length === 0 || state.tickets[line[line.length - 1]].queuedAt <= ticket.queuedAt) {
    line.push(ticket.id);
    return;
  }
  // Binary search on queuedAt keeps the line ordered; equal times keep arrival order.
  let lo = 0;
  let hi = line.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (state.tickets[line[mid]].queuedAt <= ticket.queuedAt) lo = mid + 1;
    else hi = mid;
  }
  line.splice(lo, 0, ticket.id);
}

function removeWaiting(state: QueueState, ticket: Ticket): void {
  const line = state.waiting[ticket.serviceId];
  if (!line) return;
  const i = line.indexOf(ticket.id);
  if (i >= 0) {
    line.splice(i, 1);
    countLine(state, ticket, -1);
  }
}

function leaveCounter(state: QueueState, ticket: Ticket): void {
  if (ticket.counterId === undefined) return;
  const counter = state.counters[ticket.counterId];
  if (counter?.currentTicketId === ticket.id) counter.currentTicketId = undefined;
}

/**
 * Folds one event into the state. It mutates the state it is given (a busy day holds
 * tens of thousands of tickets; copying them per event would cost more than the event),
 * so a caller that needs the old state clones it first.
 */
export function applyEvent(state: QueueState, event: QueueEvent): QueueState {
  state.seq = event.seq;
  switch (event.type) {
    case 'day.opened': {
      state.day = event.day;
      for (const c of event.counters) {
        state.counters[c.id] = { id: c.id, status: c.status, staffId: c.staffId, pauseReason: c.pauseReason, normalsSincePriority: 0, appointmentsInRow: 0 };
      }
      break;
    }
    case 'ticket.issued': {
      const t = event.ticket;
      // Not { ...t, issuedAt, … }: V8 builds a spread followed by new keys ~20x slower, and
      // every later read of the ticket is slower too (a busy day issues thousands of them).
      const ticket = Object.assign({}, t) as Ticket;
      ticket.issuedAt = event.at;
      ticket.queuedAt = event.at;
      ticket.lineSince = event.at;
      ticket.status = 'waiting';
      ticket.callCount = 0;
      ticket.transfers = 0;
      state.tickets[t.id] = ticket;
      state.byLabel[t.label] = t.id;
      state.lastNumber[t.serviceId] = Math.max(state.lastNumber[t.serviceId] ?? -1, t.number);
      if (t.appointment) state.byBooking[t.appointment.bookingId] = t.id;
      if (event.holder !== undefined) {
        const held = (state.holders[event.holder] ??= { total: 0, byService: {} });
        held.total += 1;
        held.byService[t.serviceId] = (held.byService[t.serviceId] ?? 0) + 1;
      }
      insertWaiting(state, ticket);
      state.stats.issued[t.serviceId] = (state.stats.issued[t.serviceId] ?? 0) + 1;
      break;
    }
    case 'ticket.called': {
      const ticket = state.tickets[event.ticketId];
      if (ticket.status === 'waiting') removeWaiting(state, ticket);
      leaveCounter(state, ticket);
      const counter = counterOf(state, event.counterId);
      counter.currentTicketId = ticket.id;
      counter.normalsSincePriority = ticket.priority ? 0 : counter.normalsSincePriority + 1;
      counter.appointmentsInRow = isDueAppointment(ticket, event.at) ? counter.appointmentsInRow + 1 : 0;
      ticket.status = 'serving';
      ticket.counterId = event.counterId;
      ticket.staffId = event.staffId;
      ticket.calledAt = event.at;
      ticket.firstCalledAt ??= event.at;
      ticket.callCount = 1;
      ticket.targetCounterId = undefined;
      state.recentCalls.unshift({
        ticketId: ticket.id, label: ticket.label, serviceId: ticket.serviceId, counterId: event.counterId,
        at: event.at, recall: false, seq: event.seq,
      });
      state.recentCalls.length = Math.min(state.recentCalls.length, RECENT_CALLS);
      break;
    }
    case 'ticket.recalled': {
      const ticket = state.tickets[event.ticketId];
      ticket.callCount += 1;
      state.recentCalls.unshift({
        ticketId: ticket.id, label: ticket.label, serviceId: ticket.serviceId, counterId: event.counterId,
        at: event.at, recall: true, seq: event.seq,
      });
      state.recentCalls.length = Math.min(state.recentCalls.length, RECENT_CALLS);
      break;
    }
    case 'ticket.no-show': {
      const ticket = state.tickets[event.ticketId];
      leaveCounter(state, ticket);
      if (event.requeue) {
        // Put back at the end of the line like anyone absent: an appointment gives up its turn.
        delete ticket.appointment;
        ticket.status = 'waiting';
        ticket.queuedAt = event.at;
        ticket.lineSince = event.at;
        insertWaiting(state, ticket);
      } else {
        ticket.status = 'no-show';
        ticket.finishedAt = event.at;
      }
      break;
    }
    case 'ticket.transferred': {
      const ticket = state.tickets[event.ticketId];
      leaveCounter(state, ticket);
      if (ticket.status === 'waiting') removeWaiting(state, ticket);
      ticket.transferredFrom = { counterId: event.counterId, serviceId: ticket.serviceId };
      // The appointment was for the field it leaves; in the next one it keeps its place in line.
      delete ticket.appointment;
      ticket.status = 'waiting';
      ticket.serviceId = event.toServiceId;
      ticket.targetCounterId = event.toCounterId;
      ticket.lineSince = event.at;
      ticket.transfers += 1;
      insertWaiting(state, ticket);
      break;
    }
    case 'ticket.finished': {
      const ticket = state.tickets[event.ticketId];
      leaveCounter(state, ticket);
      ticket.status = 'done';
      ticket.finishedAt = event.at;
      ticket.ratingPrompt = 'open';
      break;
    }
    case 'ticket.rated': {
      const ticket = state.tickets[event.ticketId];
      if (!ticket) break; // a trimmed view may no longer hold a long-finished ticket
      ticket.rating = { score: event.score, reason: event.reason, at: event.at, via: event.via };
      ticket.ratingPrompt = undefined;
      break;
    }
    case 'ticket.rating-expired': {
      const ticket = state.tickets[event.ticketId];
      if (ticket) ticket.ratingPrompt = 'expired';
      break;
    }
    case 'counter.opened': {
      const counter = counterOf(state, event.counterId);
      counter.status = 'open';
      counter.staffId = event.staffId;
      counter.pauseReason = undefined;
      break;
    }
    case 'counter.closed': {
      const counter = counterOf(state, event.counterId);
      counter.status = 'closed';
      counter.staffId = undefined;
      counter.pauseReason = undefined;
      break;
    }
    case 'counter.paused': {
      const counter = counterOf(state, event.counterId);
      counter.status = 'paused';
      counter.pauseReason = event.reason;
      break;
    }
    case 'counter.resumed': {
      const counter = counterOf(state, event.counterId);
      counter.status = 'open';
      counter.pauseReason = undefined;
      break;
    }
  }
  return state;
}

/** Tickets a device still needs: waiting, at a counter, awaiting a rating, or among the recent calls. */
export function isLive(state: QueueState, ticket: Ticket): boolean {
  return (
    ticket.status === 'waiting' ||
    ticket.status === 'serving' ||
    ticket.ratingPrompt === 'open' ||
    state.recentCalls.some((c) => c.ticketId === ticket.id)
  );
}

/** The state without finished tickets, for snapshots: a busy day's history stays on the server,
 *  and so do the phone keys and bookings (no device needs them). */
export function liveView(state: QueueState): QueueState {
  const tickets: Record<string, Ticket> = {};
  for (const t of Object.values(state.tickets)) if (isLive(state, t)) tickets[t.id] = t;
  return { ...state, tickets, byLabel: {}, holders: {}, byBooking: {} };
}

/** An appointment whose slot has begun: from then on it goes first in its field. */
export function isDueAppointment(ticket: Ticket, now: number): boolean {
  return ticket.appointment !== undefined && now >= ticket.appointment.dueAt;
}

/** True when the event names a ticket this (trimmed) state does not hold: the app should ask for a snapshot. */
export function needsSnapshot(state: QueueState, event: QueueEvent): boolean {
  if (event.seq !== state.seq + 1) return true;
  if (event.type === 'ticket.rated' || event.type === 'ticket.rating-expired') return false;
  return 'ticketId' in event && !state.tickets[event.ticketId];
}

export function replay(day: string, events: readonly QueueEvent[]): QueueState {
  const state = emptyState(day);
  for (const e of events) applyEvent(state, e);
  return state;
}

// ---- Selectors the apps and the server share ----

export function waitingCount(state: QueueState, serviceId: string): number {
  return state.waiting[serviceId]?.length ?? 0;
}

/** Which kind of ticket ranks it: checked-in appointments, then priority walk-ins, then the rest. */
function rankKind(ticket: Ticket): 0 | 1 | 2 {
  return ticket.appointment ? 2 : ticket.priority ? 1 : 0;
}

/** Whether `other` (a checked-in appointment) is called before the appointment `ticket`: earlier slot, then earlier in line. */
function appointmentBefore(other: Ticket, ticket: Ticket, otherFirstInLine: boolean): boolean {
  const a = other.appointment!.dueAt;
  const b = ticket.appointment!.dueAt;
  return a < b || (a === b && otherFirstInLine);
}

/**
 * How many will be called before this ticket in its line: checked-in appointments first
 * (earliest slot first), then priority tickets, then by rank.
 */
export function waitingAhead(state: QueueState, ticketId: string): number {
  const ticket = state.tickets[ticketId];
  if (!ticket || ticket.status !== 'waiting') return 0;
  const line = state.waiting[ticket.serviceId] ?? [];
  const kind = rankKind(ticket);
  // A walk-in any counter of its field may take: the line's counts minus those of its own
  // kind behind it. Walking from the end is short for the ticket just issued (the common ask).
  if (ticket.targetCounterId === undefined && kind < 2) {
    const counts = state.lineCounts[ticket.serviceId];
    let behind = 0;
    for (let i = line.length - 1; i >= 0 && line[i] !== ticketId; i--) {
      const other = state.tickets[line[i]];
      if (other.targetCounterId === undefined && rankKind(other) === kind) behind++;
    }
    return (kind === 1 ? counts.openPriority + counts.appointments : counts.open) - 1 - behind;
  }
  let ahead = 0;
  let seen = false;
  for (const id of line) {
    if (id === ticketId) {
      seen = true;
      continue;
    }
    const other = state.tickets[id];
    if (other.targetCounterId !== undefined && other.targetCounterId !== ticket.targetCounterId) continue;
    const otherKind = rankKind(other);
    if (kind === 2) {
      if (otherKind === 2 && appointmentBefore(other, ticket, !seen)) ahead++;
    } else if (otherKind > kind) ahead++;
    else if (!seen && otherKind === kind) ahead++;
  }
  return ahead;
}

export function currentTicket(state: QueueState, counterId: number): Ticket | undefined {
  const id = state.counters[counterId]?.currentTicketId;
  return id ? state.tickets[id] : undefined;
}

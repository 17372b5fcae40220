// The queue as a state machine: decide(state, command, context) answers with the events
// that the command causes, or a refusal code. No I/O, no clock, no randomness of its own:
// the caller passes the time and the id generator, so every outcome can be replayed.
import { ticketLabel, type CentreConfig, type CounterConfig } from '@protocol/config';
import type { ErrorCode } from '@protocol/errors';
import { ticketById, type QueueEvent, type QueueEventBody, type QueueState, type Ticket, type TicketAppointment, type TicketSource, type RatingVia } from '@protocol/queue';
import { chooseNext } from './call-policy';
import { isOpenAt } from '@protocol/opening-hours';
import { phoneRefusal } from './phone-numbers';

export interface CoreContext {
  now: number;
  config: CentreConfig;
  newId: () => string;
}

export type Command =
  | {
      type: 'issue';
      serviceId: string;
      priority: boolean;
      priorityCategoryId?: string;
      source: TicketSource;
      deviceId?: string;
      /** A number taken from a phone: the key of its phone number, for the limits. */
      holder?: string;
      /** The appointment being checked in (its window is the booking's rule, checked before). */
      appointment?: TicketAppointment;
    }
  | { type: 'call-next'; counterId: number }
  | { type: 'recall'; counterId: number }
  | { type: 'call-number'; counterId: number; label: string }
  | { type: 'no-show'; counterId: number; requeue: boolean }
  | { type: 'transfer'; counterId: number; toServiceId?: string; toCounterId?: number }
  | { type: 'finish'; counterId: number; outcome?: string; dossierCodes?: string[] }
  | { type: 'pause'; counterId: number; reason: string }
  | { type: 'resume'; counterId: number }
  | { type: 'open'; counterId: number; staffId: string }
  | { type: 'close'; counterId: number }
  /** fromCounterId: the rating terminal's counter; absent for the phone page and the API. */
  | { type: 'rate'; ticketId: string; score: number; reason?: string; via: RatingVia; fromCounterId?: number }
  | { type: 'expire-rating'; ticketId: string };

export type Decision = { ok: true; events: QueueEvent[]; ticketId?: string } | { ok: false; code: ErrorCode };

const refuse = (code: ErrorCode): Decision => ({ ok: false, code });

/** Numbers events from the state's sequence, so a day's events are 1, 2, 3… with no gaps. */
function stamp(state: QueueState, now: number, bodies: QueueEventBody[], ticketId?: string): Decision {
  // Not { ...b, seq, at }: V8 builds a spread followed by new keys many times slower (the
  // profile of a burst of issues showed it); the keys keep their order (type first, seq, at last).
  const events = bodies.map((b, i) => {
    const e = Object.assign({}, b) as QueueEvent;
    e.seq = state.seq + 1 + i;
    e.at = now;
    return e;
  });
  return { ok: true, events, ticketId };
}

function nextNumber(state: QueueState, config: CentreConfig, serviceId: string): number | undefined {
  const service = config.services.find((s) => s.id === serviceId)!;
  let n = Math.max((state.lastNumber[serviceId] ?? service.numberStart - 1) + 1, service.numberStart);
  // A mid-day change of number blocks must still never repeat a label.
  while (n <= service.numberEnd && state.byLabel[ticketLabel(service, n)] !== undefined) n++;
  return n <= service.numberEnd ? n : undefined;
}

function issue(state: QueueState, cmd: Extract<Command, { type: 'issue' }>, ctx: CoreContext): Decision {
  const service = ctx.config.services.find((s) => s.id === cmd.serviceId);
  if (!service) return refuse('unknown-service');
  if (!service.active) return refuse('service-inactive');
  if (cmd.priorityCategoryId !== undefined && !ctx.config.priorityCategories.some((p) => p.id === cmd.priorityCategoryId))
    return refuse('invalid-payload');
  // A booking checked in twice (two taps, a retry after a lost answer) is the one ticket.
  const checkedIn = cmd.appointment ? state.byBooking[cmd.appointment.bookingId] : undefined;
  if (checkedIn !== undefined) return { ok: true, events: [], ticketId: checkedIn };
  const fromPublic = cmd.source === 'kiosk' || cmd.source === 'phone';
  if (fromPublic && !isOpenAt(ctx.config, ctx.now)) return refuse('outside-opening-hours');
  if (cmd.holder !== undefined) {
    const refused = phoneRefusal(state, ctx.config, cmd.holder, service.id, ctx.now, cmd.priorityCategoryId);
    if (refused) return refuse(refused);
  }
  const issued = state.stats.issued[service.id] ?? 0;
  if (service.dailyCap !== null && issued >= service.dailyCap) return refuse('daily-cap-reached');
  const number = nextNumber(state, ctx.config, service.id);
  if (number === undefined) return refuse('daily-cap-reached');
  const priority = cmd.priority || cmd.priorityCategoryId !== undefined;
  const id = ctx.newId();
  return stamp(
    state,
    ctx.now,
    [
      {
        type: 'ticket.issued',
        ticket: {
          id,
          number,
          label: ticketLabel(service, number),
          serviceId: service.id,
          priority,
          ...(cmd.priorityCategoryId !== undefined ? { priorityCategoryId: cmd.priorityCategoryId } : {}),
          source: cmd.source,
          ...(cmd.appointment ? { appointment: { bookingId: cmd.appointment.bookingId, dueAt: cmd.appointment.dueAt } } : {}),
        },
        ...(cmd.deviceId !== undefined ? { deviceId: cmd.deviceId } : {}),
        ...(cmd.holder !== undefined ? { holder: cmd.holder } : {}),
      },
    ],
    id,
  );
}

type CounterCheck = { ok: true; counter: CounterConfig; current?: Ticket } | { ok: false; code: ErrorCode };

function workingCounter(state: QueueState, counterId: number, ctx: CoreContext, mustBeOpen = true): CounterCheck {
  const counter = ctx.config.counters.find((c) => c.id === counterId);
  if (!counter) return { ok: false, code: 'unknown-counter' };
  const cs = state.counters[counterId];
  if (mustBeOpen && (!cs || cs.status === 'closed')) return { ok: false, code: 'counter-closed' };
  if (mustBeOpen && cs.status === 'paused') return { ok: false, code: 'counter-paused' };
  const current = cs?.currentTicketId ? state.tickets[cs.currentTicketId] : undefined;
  return { ok: true, counter, current };
}

function finishBody(state: QueueState, ticket: Ticket, counterId: number, outcome?: string, dossierCodes: readonly string[] = []): QueueEventBody {
  // The same code typed twice is one dossier.
  const codes = [...new Set(dossierCodes)];
  return {
    type: 'ticket.finished',
    ticketId: ticket.id,
    counterId,
    staffId: state.counters[counterId]?.staffId,
    ...(outcome !== undefined ? { outcome } : {}),
    ...(codes.length > 0 ? { dossierCodes: codes } : {}),
  };
}

function callBodies(state: QueueState, counterId: number, ticket: Ticket, current: Ticket | undefined, how: 'next' | 'number'): QueueEventBody[] {
  // "Next" while someone is still at the desk means that service is over.
  const before = current ? [finishBody(state, current, counterId)] : [];
  return [...before, { type: 'ticket.called', ticketId: ticket.id, label: ticket.label, counterId, staffId: state.counters[counterId]?.staffId, how }];
}

function servesTicket(counter: CounterConfig, ticket: Ticket): boolean {
  if (ticket.targetCounterId !== undefined) return ticket.targetCounterId === counter.id;
  return counter.serviceIds.includes(ticket.serviceId);
}

export function decide(state: QueueState, cmd: Command, ctx: CoreContext): Decision {
  switch (cmd.type) {
    case 'issue':
      return issue(state, cmd, ctx);
    case 'call-next': {
      const c = workingCounter(state, cmd.counterId, ctx);
      if (!c.ok) return c;
      const ticket = chooseNext(state, c.counter, state.counters[cmd.counterId], ctx.config.callPolicy, ctx.now);
      if (!ticket) return refuse('queue-empty');
      return stamp(state, ctx.now, callBodies(state, cmd.counterId, ticket, c.current, 'next'), ticket.id);
    }
    case 'call-number': {
      const c = workingCounter(state, cmd.counterId, ctx);
      if (!c.ok) return c;
      const id = state.byLabel[cmd.label.trim().toUpperCase()];
      const ticket = id ? state.tickets[id] : undefined;
      if (!ticket) return refuse('unknown-ticket');
      if (ticket.status !== 'waiting' && ticket.status !== 'no-show') return refuse('ticket-not-callable');
      if (!servesTicket(c.counter, ticket)) return refuse('not-your-field');
      return stamp(state, ctx.now, callBodies(state, cmd.counterId, ticket, c.current, 'number'), ticket.id);
    }
    case 'recall': {
      const c = workingCounter(state, cmd.counterId, ctx);
      if (!c.ok) return c;
      if (!c.current) return refuse('no-current-ticket');
      return stamp(state, ctx.now, [{ type: 'ticket.recalled', ticketId: c.current.id, label: c.current.label, counterId: cmd.counterId }], c.current.id);
    }
    case 'no-show': {
      const c = workingCounter(state, cmd.counterId, ctx, false);
      if (!c.ok) return c;
      if (!c.current) return refuse('no-current-ticket');
      return stamp(state, ctx.now, [{ type: 'ticket.no-show', ticketId: c.current.id, counterId: cmd.counterId, requeue: cmd.requeue }], c.current.id);
    }
    case 'transfer': {
      const c = workingCounter(state, cmd.counterId, ctx, false);
      if (!c.ok) return c;
      if (!c.current) return refuse('no-current-ticket');
      const toServiceId = cmd.toServiceId ?? c.current.serviceId;
      if (!ctx.config.services.some((s) => s.id === toServiceId)) return refuse('unknown-service');
      if (cmd.toCounterId !== undefined) {
        const target = ctx.config.counters.find((k) => k.id === cmd.toCounterId);
        if (!target) return refuse('unknown-counter');
        // Only that counter may take the ticket: one that does not serve the field would
        // leave the citizen waiting in a line nobody calls for this procedure.
        if (!target.active || !target.serviceIds.includes(toServiceId)) return refuse('counter-not-serving-field');
      }
      return stamp(
        state,
        ctx.now,
        [
          {
            type: 'ticket.transferred',
            ticketId: c.current.id,
            counterId: cmd.counterId,
            toServiceId,
            ...(cmd.toCounterId !== undefined ? { toCounterId: cmd.toCounterId } : {}),
          },
        ],
        c.current.id,
      );
    }
    case 'finish': {
      const c = workingCounter(state, cmd.counterId, ctx, false);
      if (!c.ok) return c;
      if (!c.current) return refuse('no-current-ticket');
      if (cmd.outcome !== undefined && !ctx.config.outcomes.some((o) => o.id === cmd.outcome)) return refuse('unknown-outcome');
      return stamp(state, ctx.now, [finishBody(state, c.current, cmd.counterId, cmd.outcome, cmd.dossierCodes)], c.current.id);
    }
    case 'pause': {
      const c = workingCounter(state, cmd.counterId, ctx, false);
      if (!c.ok) return c;
      if ((state.counters[cmd.counterId]?.status ?? 'closed') === 'closed') return refuse('counter-closed');
      return stamp(state, ctx.now, [{ type: 'counter.paused', counterId: cmd.counterId, reason: cmd.reason }]);
    }
    case 'resume': {
      const c = workingCounter(state, cmd.counterId, ctx, false);
      if (!c.ok) return c;
      const status = state.counters[cmd.counterId]?.status ?? 'closed';
      if (status === 'closed') return refuse('counter-closed');
      if (status === 'open') return { ok: true, events: [] };
      return stamp(state, ctx.now, [{ type: 'counter.resumed', counterId: cmd.counterId }]);
    }
    case 'open': {
      const c = workingCounter(state, cmd.counterId, ctx, false);
      if (!c.ok) return c;
      const cs = state.counters[cmd.counterId];
      if (cs && cs.status !== 'closed') {
        if (cs.staffId === cmd.staffId) return { ok: true, events: [] };
        return refuse('counter-taken');
      }
      return stamp(state, ctx.now, [{ type: 'counter.opened', counterId: cmd.counterId, staffId: cmd.staffId }]);
    }
    case 'close': {
      const c = workingCounter(state, cmd.counterId, ctx, false);
      if (!c.ok) return c;
      if ((state.counters[cmd.counterId]?.status ?? 'closed') === 'closed') return { ok: true, events: [] };
      const before = c.current ? [finishBody(state, c.current, cmd.counterId)] : [];
      return stamp(state, ctx.now, [...before, { type: 'counter.closed', counterId: cmd.counterId }]);
    }
    case 'rate': {
      const ticket = ticketById(state, cmd.ticketId);
      if (!ticket) return refuse('unknown-ticket');
      if (ticket.rating) return refuse('already-rated');
      if (ticket.status !== 'done' || ticket.counterId === undefined) return refuse('rating-not-open');
      if (cmd.fromCounterId !== undefined) {
        if (cmd.fromCounterId !== ticket.counterId) return refuse('not-your-counter');
        if (ticket.ratingPrompt !== 'open') return refuse('rating-not-open');
      }
      const level = ctx.config.rating.levels.find((l) => l.score === cmd.score);
      if (!level) return refuse('invalid-score');
      if (level.asksReason && !cmd.reason) return refuse('reason-required');
      // Only the centre's own reasons: a citizen's free text never reaches reports and exports.
      if (cmd.reason !== undefined && !ctx.config.rating.reasons.includes(cmd.reason)) return refuse('unknown-reason');
      return stamp(
        state,
        ctx.now,
        [
          {
            type: 'ticket.rated',
            ticketId: ticket.id,
            score: cmd.score,
            ...(cmd.reason && level.asksReason ? { reason: cmd.reason } : {}),
            via: cmd.via,
            serviceId: ticket.serviceId,
            counterId: ticket.counterId,
            staffId: ticket.staffId,
          },
        ],
        ticket.id,
      );
    }
    case 'expire-rating': {
      const ticket = ticketById(state, cmd.ticketId);
      if (!ticket || ticket.rating || ticket.ratingPrompt !== 'open') return { ok: true, events: [] };
      return stamp(state, ctx.now, [{ type: 'ticket.rating-expired', ticketId: ticket.id }], ticket.id);
    }
  }
}

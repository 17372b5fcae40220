// What each audience is shown of the queue. Pure functions of the state and config, so
// HTTP and sockets show the same thing and tests can check them directly.
import type { CentreConfig } from '@protocol/config';
import type { Alert, CounterView, IssuedTicket, PrinterState, Principal, PublicTicketView, Snapshot, StaffEntry } from '@protocol/events';
import { liveView, waitingAhead, waitingCount, type QueueState, type Ticket } from '@protocol/queue';
import { estimateWait, type WaitBasis } from '@protocol/wait-estimate';
import type { PublicState } from '@protocol/status';

export function serviceName(config: CentreConfig, serviceId: string): string {
  return config.services.find((s) => s.id === serviceId)?.name ?? serviceId;
}

export function counterName(config: CentreConfig, counterId: number): string {
  return config.counters.find((c) => c.id === counterId)?.name ?? `Quầy ${counterId}`;
}

export function countersServing(config: CentreConfig, serviceId: string): number[] {
  return config.counters.filter((c) => c.active && c.serviceIds.includes(serviceId)).map((c) => c.id);
}

export function counterView(state: QueueState, config: CentreConfig, staff: StaffEntry[], counterId: number): CounterView {
  const cs = state.counters[counterId];
  const view: CounterView = { counterId, name: counterName(config, counterId), status: cs?.status ?? 'closed' };
  if (cs?.pauseReason) view.pauseReason = cs.pauseReason;
  const member = cs?.staffId ? staff.find((s) => s.id === cs.staffId) : undefined;
  if (member) view.staff = member;
  const current = cs?.currentTicketId ? state.tickets[cs.currentTicketId] : undefined;
  if (current) {
    view.current = {
      ticketId: current.id, label: current.label, serviceId: current.serviceId, serviceName: serviceName(config, current.serviceId),
      calledAt: current.calledAt ?? 0, callCount: current.callCount,
      ...(current.transferredFrom
        ? { transferredFrom: { counterId: current.transferredFrom.counterId, counterName: counterName(config, current.transferredFrom.counterId), serviceName: serviceName(config, current.transferredFrom.serviceId) } }
        : {}),
    };
  }
  const prompt = latestRatingPrompt(state, counterId);
  if (prompt) {
    view.ratingPrompt = {
      ticketId: prompt.id, label: prompt.label, serviceName: serviceName(config, prompt.serviceId),
      ...(prompt.staffId ? { staffName: staff.find((s) => s.id === prompt.staffId)?.name } : {}),
      expiresAt: (prompt.finishedAt ?? 0) + config.rating.promptSeconds * 1000,
    };
  }
  return view;
}

/** The newest finished ticket of this counter whose rating prompt is still open. */
function latestRatingPrompt(state: QueueState, counterId: number): Ticket | undefined {
  let latest: Ticket | undefined;
  for (const t of Object.values(state.tickets)) {
    if (t.counterId === counterId && t.ratingPrompt === 'open' && !t.rating && (!latest || (t.finishedAt ?? 0) > (latest.finishedAt ?? 0))) latest = t;
  }
  return latest;
}

export function snapshotFor(
  who: Principal,
  parts: { state: QueueState; config: CentreConfig; alerts: Alert[]; printer: PrinterState; staff: StaffEntry[]; now: number; waits: WaitBasis },
): Snapshot {
  const snap: Snapshot = {
    serverTime: parts.now,
    state: liveView(parts.state),
    config: parts.config,
    alerts: who.role === 'manager' ? parts.alerts : [],
    printer: parts.printer,
    staff: parts.staff,
    you: who,
    waits: parts.waits,
  };
  if (who.counterId !== undefined) snap.counter = counterView(parts.state, parts.config, parts.staff, who.counterId);
  return snap;
}

export function publicTicketView(state: QueueState, config: CentreConfig, ticket: Ticket, staff: StaffEntry[] = [], waits?: WaitBasis): PublicTicketView {
  const staffName = ticket.staffId ? staff.find((s) => s.id === ticket.staffId)?.name : undefined;
  const ahead = waitingAhead(state, ticket.id);
  const estimate = ticket.status === 'waiting' ? estimateWait(ahead, ticket.serviceId, waits) : undefined;
  const counterIds = ticket.status === 'waiting' && ticket.targetCounterId !== undefined ? [ticket.targetCounterId] : countersServing(config, ticket.serviceId);
  return {
    centreName: config.centre.name,
    timeZone: config.centre.timeZone,
    id: ticket.id,
    label: ticket.label,
    serviceName: serviceName(config, ticket.serviceId),
    status: ticket.status,
    issuedAt: ticket.issuedAt,
    waitingAhead: ahead,
    ...(estimate ? { waitEstimate: estimate } : {}),
    counters: counterIds.map((id) => ({ id, name: counterName(config, id), status: state.counters[id]?.status ?? 'closed' })),
    ...(ticket.counterId !== undefined && ticket.status === 'serving'
      ? { counterId: ticket.counterId, counterName: counterName(config, ticket.counterId) }
      : {}),
    ...(staffName && ticket.status !== 'waiting' ? { staffName } : {}),
    canRate: ticket.status === 'done' && !ticket.rating,
    ...(ticket.rating ? { rating: { score: ticket.rating.score, ...(ticket.rating.reason ? { reason: ticket.rating.reason } : {}) } } : {}),
    ratingLevels: config.rating.levels,
    ratingReasons: config.rating.reasons,
  };
}

export function issuedTicketView(state: QueueState, config: CentreConfig, ticket: Ticket, printed: boolean, baseUrl: string, waits?: WaitBasis): IssuedTicket {
  const ahead = waitingAhead(state, ticket.id);
  const estimate = estimateWait(ahead, ticket.serviceId, waits);
  return {
    id: ticket.id,
    number: ticket.number,
    label: ticket.label,
    serviceId: ticket.serviceId,
    serviceName: serviceName(config, ticket.serviceId),
    priority: ticket.priority,
    issuedAt: ticket.issuedAt,
    waitingAhead: ahead,
    ...(estimate ? { waitEstimate: estimate } : {}),
    counterIds: countersServing(config, ticket.serviceId),
    printed,
    url: ticketUrl(baseUrl, ticket.id),
  };
}

export function ticketUrl(baseUrl: string, ticketId: string): string {
  return `${baseUrl.replace(/\/$/, '')}/ticket/?id=${encodeURIComponent(ticketId)}`;
}

/** GET /api/state: fields with waiting counts, counters with their current ticket. */
export function publicState(state: QueueState, config: CentreConfig): PublicState {
  return {
    day: state.day,
    services: config.services.map((s) => ({ id: s.id, name: s.name, waiting: waitingCount(state, s.id), active: s.active })),
    counters: config.counters.map((c) => {
      const cs = state.counters[c.id];
      const t = cs?.currentTicketId ? state.tickets[cs.currentTicketId] : undefined;
      return {
        id: c.id,
        name: c.name,
        status: cs?.status ?? 'closed',
        staffId: cs?.staffId ?? null,
        current: t ? { ticketId: t.id, label: t.label, serviceId: t.serviceId } : null,
      };
    }),
    recentCalls: state.recentCalls.slice(0, 10),
  };
}

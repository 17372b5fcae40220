// The waiting line as one counter sees it: every ticket it could be asked to call, in the
// order a staff member reads it (priority first, then longest wait). The server's call
// policy decides the actual next ticket; this list is what the console shows.
import type { CounterConfig } from '@protocol/config';
import type { QueueState, Ticket } from '@protocol/queue';

export interface LineEntry {
  ticket: Ticket;
  /** Sent to this very counter by a transfer. */
  targeted: boolean;
}

export function counterLine(state: QueueState, counter: Pick<CounterConfig, 'id' | 'serviceIds'>): LineEntry[] {
  const served = new Set(counter.serviceIds);
  const out: LineEntry[] = [];
  for (const [serviceId, ids] of Object.entries(state.waiting)) {
    for (const id of ids) {
      const ticket = state.tickets[id];
      if (!ticket) continue;
      const targeted = ticket.targetCounterId === counter.id;
      const mine = targeted || (ticket.targetCounterId === undefined && served.has(serviceId));
      if (mine) out.push({ ticket, targeted });
    }
  }
  return out.sort((a, b) => Number(b.ticket.priority) - Number(a.ticket.priority) || a.ticket.queuedAt - b.ticket.queuedAt);
}

// Which call the hall's screen may still show as current, and the calls just before it.
import type { CallRecord, QueueState } from '@protocol/queue';

/** A call is current while its citizen is still at that counter and the counter is working:
 *  once the ticket is finished, transferred, marked absent, or the counter pauses, it is not. */
export function isCurrentCall(state: QueueState, call: CallRecord): boolean {
  const counter = state.counters[call.counterId];
  return counter?.status === 'open' && counter.currentTicketId === call.ticketId;
}

/** The newest calls, one per ticket (a recall does not push the others out), newest first. */
export function recentCalls(state: QueueState, count: number, exceptTicketId?: string): CallRecord[] {
  const seen = new Set<string>(exceptTicketId ? [exceptTicketId] : []);
  const out: CallRecord[] = [];
  for (const call of state.recentCalls) {
    if (out.length === count) break;
    if (seen.has(call.ticketId)) continue;
    seen.add(call.ticketId);
    out.push(call);
  }
  return out;
}

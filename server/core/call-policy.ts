// Which waiting ticket a counter takes on "next". The rules, in order (docs/queue-policy.md):
// 1. a ticket that has waited maxWaitMinutes or more goes first, the longest-waiting of them;
// 2. a checked-in appointment whose slot has begun, the earliest slot first, unless this
//    counter has just called appointmentsInRow of them in a row while a walk-in waits;
// 3. priority-first: any waiting priority ticket before any normal one;
//    interleave: after N normal calls at this counter, one priority ticket;
// 4. within the chosen kind, fieldOrder decides: oldest-first takes the longest wait across
//    the counter's fields (its preference order breaks ties); strict-preference takes the
//    first field in the counter's order that has anyone waiting.
// Tickets transferred to this very counter rank as its most preferred field. An appointment
// checked in before its slot waits like a walk-in until the slot begins.
import type { CallPolicy, CounterConfig } from '@protocol/config';
import { isDueAppointment, type CounterState, type QueueState, type Ticket } from '@protocol/queue';

interface Candidate {
  ticket: Ticket;
  /** 0 = transferred to this counter, 1… = the counter's fields in preference order. */
  preference: number;
  /** A checked-in appointment whose slot has begun. */
  due: boolean;
}

function eligible(ticket: Ticket, counterId: number): boolean {
  return ticket.targetCounterId === undefined || ticket.targetCounterId === counterId;
}

/** Whether due appointment a goes before b: earlier slot, then earlier in line. */
function dueBefore(a: Ticket, b: Ticket): boolean {
  return a.appointment!.dueAt < b.appointment!.dueAt || (a.appointment!.dueAt === b.appointment!.dueAt && a.queuedAt < b.queuedAt);
}

/** Per line this counter may take: its first priority and first normal walk-in, and its due
 *  appointments with the earliest slot and with the longest wait. */
function heads(state: QueueState, counter: CounterConfig, now: number): Candidate[] {
  const out: Candidate[] = [];
  const take = (serviceId: string, preference: number, onlyTargeted: boolean) => {
    const line = state.waiting[serviceId];
    if (!line) return;
    // Appointments are never sent to one counter (a transfer ends them), so a line without
    // any stops at its first two walk-ins.
    const mayHoldAppointments = !onlyTargeted && (state.lineCounts[serviceId]?.appointments ?? 0) > 0;
    let priority = false;
    let normal = false;
    let due: Ticket | undefined;
    let firstDue: Ticket | undefined;
    for (const id of line) {
      const t = state.tickets[id];
      const ok = onlyTargeted ? t.targetCounterId === counter.id : eligible(t, counter.id);
      if (!ok) continue;
      if (isDueAppointment(t, now)) {
        firstDue ??= t;
        if (!due || dueBefore(t, due)) due = t;
      } else if (t.priority && !priority) {
        priority = true;
        out.push({ ticket: t, preference, due: false });
      } else if (!t.priority && !normal) {
        normal = true;
        out.push({ ticket: t, preference, due: false });
      }
      if (priority && normal && !mayHoldAppointments) break;
    }
    if (due) out.push({ ticket: due, preference, due: true });
    // The one that has waited longest, for rule 1, when a later check-in holds an earlier slot.
    if (firstDue && firstDue !== due) out.push({ ticket: firstDue, preference, due: true });
  };
  const served = new Set(counter.serviceIds);
  for (const serviceId of Object.keys(state.waiting)) {
    if (!served.has(serviceId)) take(serviceId, 0, true);
  }
  counter.serviceIds.forEach((sid, i) => take(sid, i + 1, false));
  // A ticket transferred here from a field the counter also serves ranks as preference 0 too.
  for (const c of out) if (c.ticket.targetCounterId === counter.id) c.preference = 0;
  return out;
}

function best(cands: Candidate[], fieldOrder: CallPolicy['fieldOrder']): Candidate | undefined {
  let pick: Candidate | undefined;
  for (const c of cands) {
    if (!pick) {
      pick = c;
      continue;
    }
    const byTime = c.ticket.queuedAt - pick.ticket.queuedAt;
    const byPref = c.preference - pick.preference;
    const better = fieldOrder === 'strict-preference' ? byPref < 0 || (byPref === 0 && byTime < 0) : byTime < 0 || (byTime === 0 && byPref < 0);
    if (better) pick = c;
  }
  return pick;
}

function earliestDue(cands: Candidate[]): Candidate | undefined {
  let pick: Candidate | undefined;
  for (const c of cands) {
    if (!pick || dueBefore(c.ticket, pick.ticket) || (!dueBefore(pick.ticket, c.ticket) && c.preference < pick.preference)) pick = c;
  }
  return pick;
}

export function chooseNext(
  state: QueueState,
  counter: CounterConfig,
  counterState: CounterState,
  policy: CallPolicy,
  now: number,
): Ticket | undefined {
  const cands = heads(state, counter, now);
  if (cands.length === 0) return undefined;
  if (policy.maxWaitMinutes !== null) {
    const limit = policy.maxWaitMinutes * 60_000;
    const starving = cands.filter((c) => now - c.ticket.queuedAt >= limit);
    const oldest = best(starving, 'oldest-first');
    if (oldest) return oldest.ticket;
  }
  const walkIns = cands.filter((c) => !c.due);
  const appointment = earliestDue(cands.filter((c) => c.due));
  if (appointment && (walkIns.length === 0 || counterState.appointmentsInRow < policy.appointmentsInRow)) return appointment.ticket;
  const priority = walkIns.filter((c) => c.ticket.priority);
  const normal = walkIns.filter((c) => !c.ticket.priority);
  const pickP = best(priority, policy.fieldOrder);
  const pickN = best(normal, policy.fieldOrder);
  if (policy.mode === 'priority-first') return (pickP ?? pickN)?.ticket;
  const priorityTurn = counterState.normalsSincePriority >= policy.interleaveNormalPerPriority;
  return (priorityTurn ? (pickP ?? pickN) : (pickN ?? pickP))?.ticket;
}

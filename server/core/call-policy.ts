// Which waiting ticket a counter takes on "next". The rules, in order (docs/queue-policy.md):
// 1. a ticket that has waited maxWaitMinutes or more goes first, the longest-waiting of them;
// 2. priority-first: any waiting priority ticket before any normal one;
//    interleave: after N normal calls at this counter, one priority ticket;
// 3. within the chosen kind, fieldOrder decides: oldest-first takes the longest wait across
//    the counter's fields (its preference order breaks ties); strict-preference takes the
//    first field in the counter's order that has anyone waiting.
// Tickets transferred to this very counter rank as its most preferred field.
import type { CallPolicy, CounterConfig } from '@protocol/config';
import type { CounterState, QueueState, Ticket } from '@protocol/queue';

interface Candidate {
  ticket: Ticket;
  /** 0 = transferred to this counter, 1… = the counter's fields in preference order. */
  preference: number;
}

function eligible(ticket: Ticket, counterId: number): boolean {
  return ticket.targetCounterId === undefined || ticket.targetCounterId === counterId;
}

/** The first priority and first normal ticket of each line this counter may take. */
function heads(state: QueueState, counter: CounterConfig): Candidate[] {
  const out: Candidate[] = [];
  const take = (line: string[] | undefined, preference: number, onlyTargeted: boolean) => {
    if (!line) return;
    let priority = false;
    let normal = false;
    for (const id of line) {
      const t = state.tickets[id];
      const ok = onlyTargeted ? t.targetCounterId === counter.id : eligible(t, counter.id);
      if (!ok) continue;
      if (t.priority && !priority) {
        priority = true;
        out.push({ ticket: t, preference });
      } else if (!t.priority && !normal) {
        normal = true;
        out.push({ ticket: t, preference });
      }
      if (priority && normal) break;
    }
  };
  const served = new Set(counter.serviceIds);
  for (const [serviceId, line] of Object.entries(state.waiting)) {
    if (!served.has(serviceId)) take(line, 0, true);
  }
  counter.serviceIds.forEach((sid, i) => take(state.waiting[sid], i + 1, false));
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

export function chooseNext(
  state: QueueState,
  counter: CounterConfig,
  counterState: CounterState,
  policy: CallPolicy,
  now: number,
): Ticket | undefined {
  const cands = heads(state, counter);
  if (cands.length === 0) return undefined;
  if (policy.maxWaitMinutes !== null) {
    const limit = policy.maxWaitMinutes * 60_000;
    const starving = cands.filter((c) => now - c.ticket.queuedAt >= limit);
    const oldest = best(starving, 'oldest-first');
    if (oldest) return oldest.ticket;
  }
  const priority = cands.filter((c) => c.ticket.priority);
  const normal = cands.filter((c) => !c.ticket.priority);
  const pickP = best(priority, policy.fieldOrder);
  const pickN = best(normal, policy.fieldOrder);
  if (policy.mode === 'priority-first') return (pickP ?? pickN)?.ticket;
  const priorityTurn = counterState.normalsSincePriority >= policy.interleaveNormalPerPriority;
  return (priorityTurn ? (pickP ?? pickN) : (pickN ?? pickP))?.ticket;
}

// The counters played forward over the tickets waiting now: when each of them is likely to be
// called, in the order the call policy takes them (docs/queue-policy.md), so that a counter
// shared by two fields, a counter whose officer is away and the tickets of another field that
// waited longer all count. What cannot be known is counted as it most likely comes, not in full
// from the start: an officer steps away after about one call in twelve, so a counter's first
// call most likely is not followed by one, and later calls bring them at their usual rate; the
// priority citizens yet to come are counted once most of one would have come. (Counting both in
// full from the first minute made the bench's ranges miss more: in a short wait a rare event
// most likely has not happened.) Pure and bounded: the front of each line, at most MAX_CALLS calls.
import type { CentreConfig } from '@protocol/config';
import type { QueueState } from '@protocol/queue';

/** One counter open or paused now, as the projection starts it. */
export interface ProjectedDesk {
  counterId: number;
  serviceIds: readonly string[];
  /** When it is next free to call. */
  freeAt: number;
  /** Calls it is already into (1 while serving): the step-aways' count runs from here. */
  calls: number;
  normalsSincePriority: number;
}

export interface Projection {
  state: QueueState;
  config: CentreConfig;
  now: number;
  desks: ProjectedDesk[];
  /** Minutes a counter spends on one call of each field, changeover included. */
  cycle: Record<string, number>;
  /** Share of calls after which the officer steps away, and for how many minutes. */
  stepAwayShare: number;
  awayMinutes: number;
  /** Per field, those who go ahead of the waiting (priority citizens, …) per minute now. */
  jumpsPerMinute: Record<string, number>;
  turnsPerField: number;
}

const MAX_CALLS = 400;
/** The places of each line read: twice the turns a pace carries, for the tickets sent to one
 *  counter and the other fields on the way. A longer line's later places go at its pace. */
const WINDOW = 120;
/** The first of those yet to come who go ahead is counted when this many of them would have
 *  come on average: a rare event most likely has not happened yet in a short while. */
const JUMP_LAG = 0.7;


interface Candidate {
  serviceId: string;
  queuedAt: number;
  priority: boolean;
  /** Where it came from: a line's pointer, a future jump, a ticket sent to this counter. */
  from: 'normal' | 'priority' | 'jump' | 'own';
}

/** One field's line as it is walked: its ids in rank order, read only as far as the calls go. */
class Line {
  readonly turns: number[] = [];
  private next = [0, 0];
  /** Each kind's head, found once and kept until taken (undefined: not looked for yet). */
  private heads: (Candidate | null | undefined)[] = [undefined, undefined];
  private priorityLeft: number;
  private jumps = 0;
  private nextJump: Candidate | null = null;
  /** How far the line is read: its front, enough for the turns carried. */
  private readonly window: number;
  phantom = false;

  constructor(
    private readonly state: QueueState,
    readonly serviceId: string,
    private readonly ids: readonly string[],
    private readonly jumpsPerMinute: number,
    private readonly now: number,
    private readonly own: Map<number, Candidate[]>,
  ) {
    const counts = state.lineCounts[serviceId];
    this.priorityLeft = counts ? counts.openPriority + counts.appointments : 0;
    this.window = Math.min(ids.length, WINDOW);
  }

  /** The first waiting ticket of this kind any counter of the field may take; none past the
   *  window read, nor any normal one while priority tickets may wait past it. */
  head(kind: 0 | 1): Candidate | null {
    const known = this.heads[kind];
    if (known !== undefined) return known;
    let found: Candidate | null = null;
    if (kind === 1 && this.priorityLeft <= 0) found = null;
    else if (kind === 0 && this.priorityLeft > 0 && this.head(1) === null) found = null;
    else {
      let i = this.next[kind];
      for (; i < this.window; i++) {
        const t = this.state.tickets[this.ids[i]];
        if (t.targetCounterId !== undefined) {
          // Met on the way: it waits for its one counter.
          if (kind === 0) {
            let list = this.own.get(t.targetCounterId);
            if (!list) this.own.set(t.targetCounterId, (list = []));
            list.push({ serviceId: this.serviceId, queuedAt: t.queuedAt, priority: t.priority, from: 'own' });
          }
          continue;
        }
        if ((t.priority || t.appointment ? 1 : 0) !== kind) continue;
        found = { serviceId: this.serviceId, queuedAt: t.queuedAt, priority: kind === 1, from: kind === 1 ? 'priority' : 'normal' };
        break;
      }
      this.next[kind] = i;
    }
    this.heads[kind] = found;
    return found;
  }

  /** Whether every ticket waiting now has been called (a line longer than the window never is). */
  exhausted(): boolean {
    return this.window === this.ids.length && this.head(0) === null && this.head(1) === null;
  }

  /** The next of those yet to come who will go ahead, if they have come by `at`. */
  jump(at: number): Candidate | null {
    if (this.jumpsPerMinute <= 0) return null;
    this.nextJump ??= {
      serviceId: this.serviceId,
      queuedAt: this.now + ((this.jumps + JUMP_LAG) / this.jumpsPerMinute) * 60_000,
      priority: true,
      from: 'jump',
    };
    return this.nextJump.queuedAt <= at ? this.nextJump : null;
  }

  take(c: Candidate, at: number, turnsPerField: number): void {
    if (c.from === 'jump') {
      this.jumps++;
      this.nextJump = null;
      return;
    }
    const kind = c.from === 'priority' ? 1 : 0;
    this.next[kind]++;
    this.heads[kind] = undefined;
    if (kind === 1) {
      this.priorityLeft--;
      // A normal head held back for a priority ticket past the window may be free now.
      this.heads[0] = undefined;
    }
    if (this.turns.length < turnsPerField) this.turns.push(at);
  }
}

/** Whether the call policy takes `c` (of the counter's preference `pref`) before `pick`. */
function takesBefore(c: Candidate, pref: number, pick: Candidate, pickPref: number, at: number, limit: number, priorityTurn: boolean, strict: boolean): boolean {
  const starving = at - c.queuedAt >= limit;
  if (starving !== at - pick.queuedAt >= limit) return starving;
  if (!starving && c.priority !== pick.priority) return c.priority === priorityTurn;
  const byTime = c.queuedAt - pick.queuedAt;
  const byPref = pref - pickPref;
  return strict && !starving ? byPref < 0 || (byPref === 0 && byTime < 0) : byTime < 0 || (byTime === 0 && byPref < 0);
}

/** Per field, when each of its waiting tickets is likely called (in order), then a ticket taken now. */
export function projectCalls(p: Projection): Record<string, number[]> {
  const { state, config, now } = p;
  const policy = config.callPolicy;
  const limit = policy.maxWaitMinutes === null ? Infinity : policy.maxWaitMinutes * 60_000;
  const strict = policy.fieldOrder === 'strict-preference';
  const own = new Map<number, Candidate[]>();
  const lines = new Map<string, Line>();
  const desks = p.desks.map((d) => {
    const deskLines = d.serviceIds.map((id) => {
      let line = lines.get(id);
      if (!line) lines.set(id, (line = new Line(state, id, state.waiting[id] ?? [], p.jumpsPerMinute[id] ?? 0, now, own)));
      return line;
    });
    return { ...d, lines: deskLines };
  });
  // After a counter's first call, each brings the officers' usual time away from the desk.
  const awayPerCall = p.stepAwayShare * p.awayMinutes;

  for (let calls = 0; calls < MAX_CALLS && desks.length > 0; calls++) {
    let di = 0;
    for (let i = 1; i < desks.length; i++) if (desks[i].freeAt < desks[di].freeAt) di = i;
    const desk = desks[di];
    const at = desk.freeAt;
    const priorityTurn = policy.mode === 'priority-first' || desk.normalsSincePriority >= policy.interleaveNormalPerPriority;
    // The candidates: each field's first priority ticket (or one yet to come who goes ahead),
    // its first normal ticket, and the first of those sent to this counter.
    let pick: Candidate | null = null;
    let pickPref = 0;
    for (let i = 0; i < desk.lines.length; i++) {
      const first = desk.lines[i].head(1);
      if (first && (!pick || takesBefore(first, i + 1, pick, pickPref, at, limit, priorityTurn, strict))) [pick, pickPref] = [first, i + 1];
      const normal = desk.lines[i].head(0);
      if (normal && (!pick || takesBefore(normal, i + 1, pick, pickPref, at, limit, priorityTurn, strict))) [pick, pickPref] = [normal, i + 1];
    }
    const mine = own.get(desk.counterId);
    if (mine?.length && (!pick || takesBefore(mine[0], 0, pick, pickPref, at, limit, priorityTurn, strict))) [pick, pickPref] = [mine[0], 0];
    // Those yet to come go ahead of the waiting, once they have come; with nobody waiting
    // for this counter there is nobody for them to go ahead of.
    if (pick) {
      for (let i = 0; i < desk.lines.length; i++) {
        const c = desk.lines[i].jump(at);
        if (c && takesBefore(c, i + 1, pick, pickPref, at, limit, priorityTurn, strict)) [pick, pickPref] = [c, i + 1];
      }
    }
    if (!pick) {
      // Nothing older is left for this counter: a ticket taken now for its fields is next here.
      for (const line of desk.lines) {
        if (line.phantom || !line.exhausted()) continue;
        line.phantom = true;
        if (line.turns.length < p.turnsPerField) line.turns.push(Math.max(at, now));
      }
      desks.splice(di, 1);
      continue;
    }
    const c: Candidate = pick;
    if (c.from === 'own') mine!.shift();
    else lines.get(c.serviceId)!.take(c, Math.max(at, now), p.turnsPerField);
    desk.normalsSincePriority = c.priority ? 0 : desk.normalsSincePriority + 1;
    desk.calls++;
    desk.freeAt = at + ((p.cycle[c.serviceId] ?? 0) + (desk.calls > 1 ? awayPerCall : 0)) * 60_000;
  }
  const out: Record<string, number[]> = {};
  for (const [id, line] of lines) out[id] = line.turns;
  return out;
}

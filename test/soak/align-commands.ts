// Lines up what the clients wrote down with the day's journal. Every client sends one
// command at a time, so the journal events a client caused appear in the order it sent its
// commands: walking both lists side by side shows that each acknowledged command happened
// exactly once, each refused one never, and each one in doubt exactly once or not at all,
// with nothing left over.
import type { QueueEvent } from '@protocol/queue';
import { check, type Check } from './check';
import type { CommandRecord, SoakCommand } from './ledger';

/** The client whose command caused an event; null for the server's own (the day opening, a rating prompt expiring). */
export function causeOf(e: QueueEvent, phoneOfTicket: ReadonlyMap<string, string>): string | null {
  switch (e.type) {
    case 'day.opened':
    case 'ticket.rating-expired':
      return null;
    case 'ticket.issued':
      return e.deviceId ?? `${e.ticket.source} (no device)`;
    case 'ticket.rated':
      if (e.via === 'terminal') return `rating-terminal-${e.counterId}`;
      return phoneOfTicket.get(e.ticketId) ?? `${e.via} rating of ${e.ticketId}`;
    default:
      return `staff-${e.counterId}`;
  }
}

/**
 * How many events from `at` this command may account for (none: it is not there). `acked`
 * commands must match what the client was told (ticket ids, labels); the ticket a staff
 * command names is what the console showed, which the server's current ticket must equal.
 */
export function eventsOf(cmd: SoakCommand, acked: boolean, events: readonly QueueEvent[], at: number): number[] {
  const e = events[at];
  if (!e) return [];
  const one = (ok: boolean) => (ok ? [1] : []);
  switch (cmd.type) {
    case 'issue':
      return one(
        e.type === 'ticket.issued' &&
          e.ticket.serviceId === cmd.serviceId &&
          e.ticket.priority === cmd.priority &&
          (!acked || (e.ticket.id === cmd.ticketId && e.ticket.label === cmd.label)),
      );
    case 'sign-in':
      return one(e.type === 'counter.opened');
    case 'call-next':
    case 'call-number': {
      const how = cmd.type === 'call-next' ? 'next' : 'number';
      // A call by number names its ticket; "next" learns it from the answer.
      const mustBe = cmd.type === 'call-number' || acked ? cmd.ticketId : undefined;
      const isCall = (x: QueueEvent | undefined) => x?.type === 'ticket.called' && x.how === how && (mustBe === undefined || x.ticketId === mustBe);
      const out: number[] = [];
      // "Next" with someone still at the desk finishes them first, in the same decision.
      const next = events[at + 1];
      if (e.type === 'ticket.finished' && isCall(next) && next.seq === e.seq + 1 && next.at === e.at) out.push(2);
      if (isCall(e)) out.push(1);
      return out;
    }
    case 'recall':
      return one(e.type === 'ticket.recalled' && e.ticketId === cmd.ticketId);
    case 'finish':
      return one(e.type === 'ticket.finished' && e.ticketId === cmd.ticketId);
    case 'no-show':
      return one(e.type === 'ticket.no-show' && e.ticketId === cmd.ticketId && e.requeue === cmd.requeue);
    case 'transfer':
      return one(
        e.type === 'ticket.transferred' &&
          e.ticketId === cmd.ticketId &&
          e.toServiceId === (cmd.toServiceId ?? e.toServiceId) &&
          e.toCounterId === cmd.toCounterId,
      );
    case 'pause':
      return one(e.type === 'counter.paused' && e.reason === cmd.reason);
    case 'resume':
      return one(e.type === 'counter.resumed');
    case 'rate':
      return one(e.type === 'ticket.rated' && e.ticketId === cmd.ticketId && e.score === cmd.score && e.via === cmd.via);
  }
}

/** Acknowledged commands that may rightly leave no event: signing in at a counter already open, resuming one already open. */
function mayBeNoOp(cmd: SoakCommand): boolean {
  return cmd.type === 'sign-in' || cmd.type === 'resume';
}

export interface Alignment {
  /** The events each command caused: none for a refused one, none or its events for one in doubt. */
  caused: Map<CommandRecord, QueueEvent[]>;
  /** Acknowledged commands the journal does not hold where they must be. */
  missing: string[];
  /** Events no command accounts for. */
  unexplained: QueueEvent[];
  inDoubtHappened: number;
  inDoubtNotHappened: number;
}

export function describeCommand(r: CommandRecord): string {
  const { type, ...rest } = r.command;
  return `${r.actor} ${type} ${JSON.stringify(rest)} (${r.outcome.kind})`;
}

export function describeEvent(e: QueueEvent | undefined): string {
  if (!e) return 'nothing more';
  const { seq, at: _at, type, ...rest } = e;
  return `#${seq} ${type} ${JSON.stringify(rest)}`;
}

/** The events each of one actor's commands may account for here: a list of counts, 0 meaning "did not happen". */
function choicesAt(r: CommandRecord, events: readonly QueueEvent[], at: number): number[] {
  if (r.outcome.kind === 'refused') return [0];
  const matches = eventsOf(r.command, r.outcome.kind === 'ok', events, at);
  return r.outcome.kind === 'in-doubt' || mayBeNoOp(r.command) ? [...matches, 0] : matches;
}

/**
 * One actor's commands against the events it caused: how many events each command takes,
 * such that every acknowledged command finds its events. A command in doubt may take its
 * events or none, so a plain left-to-right walk can give a later acknowledged command's
 * event to an earlier doubtful one; this searches (with memory of dead ends) instead.
 * `allLeftovers`: whether events may remain unexplained at the end.
 */
function searchAlignment(records: readonly CommandRecord[], events: readonly QueueEvent[], allowLeftovers: boolean): number[] | null {
  const m = events.length;
  const deadEnds = new Set<number>();
  const key = (i: number, at: number) => i * (m + 1) + at;
  // A depth-first search on a stack of its own: a busy counter sends thousands of commands in
  // a day, deeper than the call stack would let a recursive search go.
  const frames: { at: number; options: number[]; next: number }[] = [];
  let at = 0;
  for (;;) {
    const i = frames.length;
    if (i === records.length) {
      if (allowLeftovers || at === m) return frames.map((f) => f.options[f.next - 1]);
    } else if (!deadEnds.has(key(i, at))) {
      frames.push({ at, options: choicesAt(records[i], events, at), next: 0 });
    }
    // The next untried choice of the deepest command that has one; a command with none left is a dead end there.
    for (;;) {
      const top = frames.at(-1);
      if (!top) return null;
      if (top.next < top.options.length) {
        at = top.at + top.options[top.next++];
        break;
      }
      deadEnds.add(key(frames.length - 1, top.at));
      frames.pop();
    }
  }
}

/** No alignment exists: walk left to right and name the first acknowledged command that is not there. */
function firstMismatch(actor: string, records: readonly CommandRecord[], events: readonly QueueEvent[]): string {
  let at = 0;
  for (const r of records) {
    const choices = choicesAt(r, events, at);
    if (choices.length === 0) return `${describeCommand(r)} was acknowledged, but ${actor}'s next journal event is ${describeEvent(events[at])}`;
    at += choices[0];
  }
  return `${actor}: no way to line up its ${records.length} commands with its ${events.length} journal events`;
}

export function alignCommands(events: readonly QueueEvent[], byActor: ReadonlyMap<string, readonly CommandRecord[]>): Alignment {
  const phoneOfTicket = new Map<string, string>();
  for (const [actor, records] of byActor) {
    if (!actor.startsWith('phone-')) continue;
    for (const r of records) if (r.command.type === 'rate') phoneOfTicket.set(r.command.ticketId, actor);
  }
  const eventsBy = new Map<string, QueueEvent[]>();
  for (const e of events) {
    const cause = causeOf(e, phoneOfTicket);
    if (cause === null) continue;
    let list = eventsBy.get(cause);
    if (!list) eventsBy.set(cause, (list = []));
    list.push(e);
  }

  const out: Alignment = { caused: new Map(), missing: [], unexplained: [], inDoubtHappened: 0, inDoubtNotHappened: 0 };
  for (const actor of new Set([...byActor.keys(), ...eventsBy.keys()])) {
    const records = byActor.get(actor) ?? [];
    const evs = eventsBy.get(actor) ?? [];
    const taken = searchAlignment(records, evs, false) ?? searchAlignment(records, evs, true);
    if (!taken) {
      out.missing.push(firstMismatch(actor, records, evs));
      for (const r of records) out.caused.set(r, []);
      out.unexplained.push(...evs);
      continue;
    }
    let at = 0;
    records.forEach((r, i) => {
      out.caused.set(r, evs.slice(at, at + taken[i]));
      if (r.outcome.kind === 'in-doubt') {
        if (taken[i] > 0) out.inDoubtHappened++;
        else out.inDoubtNotHappened++;
      }
      at += taken[i];
    });
    out.unexplained.push(...evs.slice(at));
  }
  out.unexplained.sort((a, b) => a.seq - b.seq);
  return out;
}

export function checkCommands(alignment: Alignment, records: readonly CommandRecord[]): Check[] {
  const inDoubt = records.filter((r) => r.outcome.kind === 'in-doubt').length;
  return [
    check(
      'every acknowledged command is in the journal exactly once, every refused one never, every one in doubt at most once',
      alignment.missing,
      `${records.length} commands, ${inDoubt} in doubt: ${alignment.inDoubtHappened} happened, ${alignment.inDoubtNotHappened} did not`,
    ),
    check(
      'every journal event was caused by a client command or the server itself',
      alignment.unexplained.map((e) => `${describeEvent(e)} is explained by no command`),
    ),
  ];
}

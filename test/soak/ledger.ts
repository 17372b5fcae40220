// What each client was told, command by command: the soak's own bookkeeping, kept apart
// from the server. A command is "ok" (acknowledged), "refused" (acknowledged with an error
// code: nothing happened) or "in doubt" (sent, but the answer never came: the server was
// killed or the connection dropped in flight). The journal decides the doubtful ones.
import type { ErrorCode } from '@protocol/errors';

export type SoakCommand =
  | { type: 'issue'; serviceId: string; priority: boolean; ticketId?: string; label?: string; printed?: boolean }
  | { type: 'sign-in'; counterId: number }
  /** ticketId: from the ack. */
  | { type: 'call-next'; counterId: number; ticketId?: string }
  /** A citizen marked absent comes back: called again by number. */
  | { type: 'call-number'; counterId: number; label: string; ticketId: string }
  /** ticketId: the ticket the counter's screen showed when the button was pressed. */
  | { type: 'recall'; counterId: number; ticketId: string }
  | { type: 'finish'; counterId: number; ticketId: string }
  | { type: 'no-show'; counterId: number; ticketId: string; requeue: boolean }
  | { type: 'transfer'; counterId: number; ticketId: string; toServiceId?: string; toCounterId?: number }
  | { type: 'pause'; counterId: number; reason: string }
  | { type: 'resume'; counterId: number }
  | { type: 'rate'; ticketId: string; score: number; reason?: string; via: 'terminal' | 'phone' };

/** Why an answer never came: the connection dropped, no answer within the client's timeout, or the server's journal failed. */
export type DoubtCause = 'disconnected' | 'timeout' | 'server-error';

export type Outcome = { kind: 'ok' } | { kind: 'refused'; code: ErrorCode } | { kind: 'in-doubt'; cause: DoubtCause };

export interface CommandRecord {
  /** The client that sent it: kiosk-1, staff-3, rating-terminal-3, phone-7. */
  actor: string;
  command: SoakCommand;
  outcome: Outcome;
  sentAt: number;
}

export class Ledger {
  readonly records: CommandRecord[] = [];
  private readonly actors = new Map<string, CommandRecord[]>();

  add(actor: string, command: SoakCommand, outcome: Outcome, sentAt: number): CommandRecord {
    const record: CommandRecord = { actor, command, outcome, sentAt };
    this.records.push(record);
    let list = this.actors.get(actor);
    if (!list) this.actors.set(actor, (list = []));
    list.push(record);
    return record;
  }

  /** Each actor's commands in the order it sent them (every actor sends one at a time). */
  byActor(): Map<string, CommandRecord[]> {
    return this.actors;
  }

  count(type: SoakCommand['type'], kind?: Outcome['kind']): number {
    return this.records.filter((r) => r.command.type === type && (!kind || r.outcome.kind === kind)).length;
  }
}

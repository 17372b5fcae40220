// Owns today's queue: runs each command through the pure core, makes its events durable,
// then tells the transports. The order is fixed: decide → persist → notify → answer (the
// transports authorised the caller before: server/auth/authorize.ts). Nobody hears of an
// event that is not on disk.
import { randomBytes } from 'node:crypto';
import type { Logger } from 'pino';
import type { CentreConfig } from '@protocol/config';
import { QueueError } from '@protocol/errors';
import { applyEvent, emptyState, type CarriedCounter, type QueueEvent, type QueueState } from '@protocol/queue';
import { localDay } from '@protocol/local-time';
import { decide, type Command } from '../core/queue-core';
import { DayJournal, type JournalRepair } from '../store/day-journal';

export interface QueueServiceDeps {
  dataDir: string;
  getConfig: () => CentreConfig;
  clock: () => number;
  logger: Logger;
  newId?: () => string;
  /** Called once a day is over, with all its events (reports summarise it). */
  onDayClosed?: (day: string, events: QueueEvent[]) => Promise<void> | void;
  onRepair?: (repair: JournalRepair) => void;
}

type Listener = (events: QueueEvent[]) => void;

export interface CommandResult {
  events: QueueEvent[];
  ticketId?: string;
}

/** Ticket ids are the phone page's only key, so they are long and random. */
function randomTicketId(): string {
  return randomBytes(9).toString('base64url');
}

export class QueueService {
  state: QueueState = emptyState('');
  private journal!: DayJournal;
  private events: QueueEvent[] = [];
  private committedListeners: Listener[] = [];
  private resetListeners: (() => void)[] = [];
  private rolling: Promise<void> | null = null;
  private recovering: Promise<void> | null = null;
  private readonly newId: () => string;

  constructor(private readonly deps: QueueServiceDeps) {
    this.newId = deps.newId ?? randomTicketId;
  }

  /** Loads today's journal (or starts it) so the queue and numbering are exactly as before a restart. */
  async start(): Promise<void> {
    await this.openDay(this.today(), []);
  }

  private today(): string {
    return localDay(this.deps.clock(), this.deps.getConfig().centre.timeZone);
  }

  private async openDay(day: string, carried: CarriedCounter[]): Promise<void> {
    const { journal, events, repair } = await DayJournal.open(this.deps.dataDir, day);
    if (repair) {
      this.deps.logger.warn({ repair }, 'journal repaired on open');
      this.deps.onRepair?.(repair);
    }
    this.journal = journal;
    this.events = events;
    const state = emptyState(day);
    for (const e of events) applyEvent(state, e);
    this.state = state;
    if (events.length === 0) {
      const opened: QueueEvent = { type: 'day.opened', day, counters: carried, seq: 1, at: this.deps.clock() };
      await this.persist([opened]);
      applyEvent(this.state, opened);
    }
    this.deps.logger.info({ day, events: this.events.length }, 'day loaded');
  }

  onCommitted(listener: Listener): void {
    this.committedListeners.push(listener);
  }

  /** The whole state changed at once (a new day, a recovery): every device needs a snapshot. */
  onReset(listener: () => void): void {
    this.resetListeners.push(listener);
  }

  /** Starts a new day when the centre's local date has changed. Safe to call often. */
  async rollIfNeeded(): Promise<void> {
    if (this.rolling) return this.rolling;
    const day = this.today();
    if (day === this.state.day) return;
    this.rolling = (async () => {
      const oldDay = this.state.day;
      const oldEvents = this.events;
      const carried = Object.values(this.state.counters)
        .filter((c) => c.status !== 'closed')
        .map((c) => ({ id: c.id, status: c.status, ...(c.staffId ? { staffId: c.staffId } : {}), ...(c.pauseReason ? { pauseReason: c.pauseReason } : {}) }));
      await this.journal.close();
      await this.openDay(day, carried);
      this.deps.logger.info({ from: oldDay, to: day }, 'new day');
      for (const l of this.resetListeners) l();
      await this.deps.onDayClosed?.(oldDay, oldEvents);
    })().finally(() => {
      this.rolling = null;
    });
    return this.rolling;
  }

  private async persist(events: QueueEvent[]): Promise<void> {
    await this.journal.append(events);
    for (const e of events) this.events.push(e);
  }

  /** Runs a command: the caller authorised whoever asked for it. */
  async run(cmd: Command): Promise<CommandResult> {
    if (this.recovering) await this.recovering;
    await this.rollIfNeeded();
    const decision = decide(this.state, cmd, { now: this.deps.clock(), config: this.deps.getConfig(), newId: this.newId });
    if (!decision.ok) throw new QueueError(decision.code);
    if (decision.events.length === 0) return { events: [], ticketId: decision.ticketId };
    // Applied before the write so the next command, decided while this one syncs, sees it;
    // if the write fails the state is rebuilt from disk and nobody was told of it.
    for (const e of decision.events) applyEvent(this.state, e);
    try {
      await this.persist(decision.events);
    } catch (err) {
      this.deps.logger.error({ err }, 'journal write failed; reloading the day from disk');
      await this.recover();
      throw new QueueError('internal');
    }
    for (const e of decision.events) this.deps.logger.info({ event: e }, e.type);
    for (const l of this.committedListeners) l(decision.events);
    return { events: decision.events, ticketId: decision.ticketId };
  }

  /** Reloads today from disk (after a restore replaced the journal). */
  reload(): Promise<void> {
    return this.recover();
  }

  private recover(): Promise<void> {
    this.recovering ??= (async () => {
      await this.journal.close().catch(() => undefined);
      await this.openDay(this.today(), []);
      for (const l of this.resetListeners) l();
    })().finally(() => {
      this.recovering = null;
    });
    return this.recovering;
  }

  /** Today's events so far, for reports. */
  todayEvents(): readonly QueueEvent[] {
    return this.events;
  }

  async close(): Promise<void> {
    await this.journal.close();
  }
}

/** What a person or device may ask for; rating expiry comes only from the server's own timer. */
export type ClientCommand = Exclude<Command, { type: 'expire-rating' }>;

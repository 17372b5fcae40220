// Owns today's queue: runs each command through the pure core, makes its events durable,
// then tells the transports. The order is fixed: decide → persist → notify → answer (the
// transports authorised the caller before: server/auth/authorize.ts). Nobody hears of an
// event that is not on disk.
//
// Two states: `state`, folded from durable events only (what every snapshot, view and
// answer reads), and the decision state, which also holds events still being written so
// that commands decided during a sync see each other (group commit). When a write fails,
// every command behind it is refused too, and the decision state is rebuilt from the file
// once the journal has recovered: nothing decided on a lost event survives.
import { readdir } from 'node:fs/promises';
import { join } from 'node:path';
import type { Logger } from 'pino';
import type { CentreConfig } from '@protocol/config';
import { QueueError } from '@protocol/errors';
import { applyEvent, emptyState, type CarriedCounter, type QueueEvent, type QueueState } from '@protocol/queue';
import { localDay } from '@protocol/local-time';
import { decide, type Command } from '../core/queue-core';
import { DayJournal, StorageUnavailableError, type OpenedJournal } from '../store/day-journal';
import { journalFile, readJournal, type DamagedLine, type NumberingFloor } from '../store/journal-reader';
import { StorageProbe, type StorageHealth } from '../store/storage-probe';
import { randomTicketId } from './ticket-id';

export interface QueueServiceDeps {
  dataDir: string;
  getConfig: () => CentreConfig;
  /** The queue's clock (a ForwardClock): never earlier than a time it gave before. */
  clock: () => number;
  /** Tells the clock which times the journal already holds. */
  notBefore?: (at: number) => void;
  logger: Logger;
  newId?: () => string;
  /** Called once a day is over, with all its events (reports summarise it). */
  onDayClosed?: (day: string, events: QueueEvent[]) => Promise<void> | void;
  /** Damaged lines found in today's journal, each with where its copy is. */
  onDamage?: (file: string, quarantine: { damage: DamagedLine; copy: string | null }[]) => void;
  /** The journal stopped taking events (a full or failing disk), or took them again. */
  onStorage?: (health: StorageHealth) => void;
  /** How often a stopped journal checks whether the disk works again. */
  probeIntervalMs?: number;
}

type Listener = (events: QueueEvent[]) => void;

export interface CommandResult {
  events: QueueEvent[];
  ticketId?: string;
}

/** Folds durable events; one that names a ticket whose own line was damaged is skipped. */
function fold(day: string, events: readonly QueueEvent[], floor: NumberingFloor, config: CentreConfig, logger: Logger): QueueState {
  const state = emptyState(day);
  let skipped = 0;
  for (const e of events) {
    try {
      applyEvent(state, e);
    } catch {
      state.seq = e.seq;
      skipped++;
    }
  }
  if (skipped) logger.warn({ day, skipped }, 'journal events about tickets whose line is damaged were skipped');
  // Numbering goes on above everything ever written, damaged lines included: a number read
  // from a damaged line counts when it lies in its field's block (a flipped digit may not),
  // and a line that may have issued a ticket nobody can read costs every field one number.
  state.seq = Math.max(state.seq, floor.seq);
  const last = state.lastNumber;
  let illegible = floor.illegibleTickets;
  for (const { serviceId, number } of floor.damagedNumbers) {
    const service = config.services.find((s) => s.id === serviceId);
    if (service && number >= service.numberStart && number <= service.numberEnd) last[serviceId] = Math.max(last[serviceId] ?? 0, number);
    else illegible++;
  }
  if (illegible > 0) for (const s of config.services) last[s.id] = Math.max(last[s.id] ?? 0, s.numberStart - 1) + illegible;
  return state;
}

/** The newest day that has a journal: a clock that is behind must not open an older one. */
async function newestJournalDay(dataDir: string): Promise<string | undefined> {
  const names = await readdir(join(dataDir, 'journal')).catch(() => [] as string[]);
  return names
    .filter((n) => /^\d{4}-\d{2}-\d{2}\.jsonl$/.test(n))
    .map((n) => n.slice(0, 10))
    .sort()
    .pop();
}

export class QueueService {
  /** Folded from durable events only. */
  state: QueueState = emptyState('');
  private deciding: QueueState = emptyState('');
  private journal!: DayJournal;
  private events: QueueEvent[] = [];
  private committedListeners: Listener[] = [];
  private resetListeners: (() => void)[] = [];
  private rolling: Promise<void> | null = null;
  private recovering: Promise<void> | null = null;
  private readonly newId: () => string;
  private readonly probe: StorageProbe;

  constructor(private readonly deps: QueueServiceDeps) {
    this.newId = deps.newId ?? randomTicketId;
    this.probe = new StorageProbe({
      dir: join(deps.dataDir, 'journal'),
      intervalMs: deps.probeIntervalMs ?? 1000,
      recover: () => this.recoverFromFailedWrite(),
      onHealth: (h) => deps.onStorage?.(h),
      logger: deps.logger,
    });
  }

  /** Loads today's journal (or starts it) so the queue and numbering are exactly as before a restart. */
  async start(): Promise<void> {
    const newest = await newestJournalDay(this.deps.dataDir);
    if (newest) {
      const { events } = await readJournal(journalFile(this.deps.dataDir, newest));
      const last = events.at(-1);
      if (last) this.deps.notBefore?.(last.at);
    }
    await this.openDay(this.today(), []);
  }

  private today(): string {
    return localDay(this.deps.clock(), this.deps.getConfig().centre.timeZone);
  }

  private adopt(opened: OpenedJournal): void {
    const { journal, contents, quarantine } = opened;
    if (contents.damaged.length) {
      this.deps.logger.warn({ file: journal.file, damaged: quarantine.map((q) => ({ line: q.damage.line, reason: q.damage.reason, copy: q.copy })) }, 'damaged journal lines set aside');
      this.deps.onDamage?.(journal.file, quarantine);
    }
    if (contents.tornBytes) this.deps.logger.warn({ file: journal.file, bytes: contents.tornBytes }, 'unfinished last line cut off (it was never confirmed)');
    this.journal = journal;
    this.events = contents.events;
    this.state = fold(journal.day, contents.events, contents.floor, this.deps.getConfig(), this.deps.logger);
    this.deciding = fold(journal.day, contents.events, contents.floor, this.deps.getConfig(), this.deps.logger);
  }

  private async openDay(day: string, carried: CarriedCounter[], opened?: OpenedJournal): Promise<void> {
    this.adopt(opened ?? (await DayJournal.open(this.deps.dataDir, day)));
    if (this.events.length === 0) {
      const opened: QueueEvent = { type: 'day.opened', day, counters: carried, seq: this.state.seq + 1, at: this.deps.clock() };
      applyEvent(this.deciding, opened);
      await this.persist([opened]).catch((err) => this.writeFailed(err));
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
    // The queue's clock never goes back, so an earlier date cannot come; this guards a config
    // whose time zone changed the date backwards.
    if (day <= this.state.day) return;
    this.rolling = (async () => {
      const oldDay = this.state.day;
      const oldEvents = this.events;
      const carried = Object.values(this.state.counters)
        .filter((c) => c.status !== 'closed')
        .map((c) => ({ id: c.id, status: c.status, ...(c.staffId ? { staffId: c.staffId } : {}), ...(c.pauseReason ? { pauseReason: c.pauseReason } : {}) }));
      // The new file first: on a disk that cannot take it, the old day simply goes on.
      const opened = await DayJournal.open(this.deps.dataDir, day).catch((err) => {
        this.deps.logger.error({ err, day }, 'cannot open the new day\'s journal');
        throw new QueueError('storage-unavailable');
      });
      await this.journal.close();
      await this.openDay(day, carried, opened);
      this.deps.logger.info({ from: oldDay, to: day }, 'new day');
      for (const l of this.resetListeners) l();
      await this.deps.onDayClosed?.(oldDay, oldEvents);
    })().finally(() => {
      this.rolling = null;
    });
    return this.rolling;
  }

  /** Writes events already applied to the decision state; once durable, applies them to `state`. */
  private async persist(events: QueueEvent[]): Promise<void> {
    await this.journal.append(events);
    for (const e of events) {
      this.events.push(e);
      applyEvent(this.state, e);
    }
  }

  /** Runs a command: the caller authorised whoever asked for it. */
  async run(cmd: Command): Promise<CommandResult> {
    if (this.recovering) await this.recovering;
    await this.rollIfNeeded();
    if (this.journal.unavailable) throw new QueueError('storage-unavailable');
    const decision = decide(this.deciding, cmd, { now: this.deps.clock(), config: this.deps.getConfig(), newId: this.newId });
    if (!decision.ok) throw new QueueError(decision.code);
    if (decision.events.length === 0) return { events: [], ticketId: decision.ticketId };
    for (const e of decision.events) applyEvent(this.deciding, e);
    try {
      await this.persist(decision.events);
    } catch (err) {
      this.writeFailed(err);
      throw new QueueError('storage-unavailable');
    }
    for (const e of decision.events) this.deps.logger.info({ event: e }, e.type);
    for (const l of this.committedListeners) l(decision.events);
    return { events: decision.events, ticketId: decision.ticketId };
  }

  private writeFailed(err: unknown): void {
    const cause = err instanceof StorageUnavailableError ? err.cause : err;
    this.probe.failed(cause);
  }

  /** Called by the probe once the disk takes writes again: the journal cut back and read back, the state rebuilt from it. */
  private async recoverFromFailedWrite(): Promise<void> {
    const contents = await this.journal.recover();
    if (contents.floor.seq < this.state.seq) {
      // The file holds less than was confirmed: the disk lost acknowledged data. Say so loudly.
      this.deps.logger.fatal({ file: this.journal.file, onDisk: contents.floor.seq, confirmed: this.state.seq }, 'journal reads back shorter than what was confirmed');
    }
    this.events = contents.events;
    this.state = fold(this.journal.day, contents.events, contents.floor, this.deps.getConfig(), this.deps.logger);
    this.deciding = fold(this.journal.day, contents.events, contents.floor, this.deps.getConfig(), this.deps.logger);
    if (this.events.length === 0) {
      // The day's opening itself had failed: write it now.
      const opened: QueueEvent = { type: 'day.opened', day: this.state.day, counters: [], seq: this.state.seq + 1, at: this.deps.clock() };
      applyEvent(this.deciding, opened);
      await this.persist([opened]);
    }
    this.deps.logger.info({ day: this.state.day, events: this.events.length }, 'journal writable again; state rebuilt from disk');
    for (const l of this.resetListeners) l();
  }

  /** Reloads today from disk (after a restore replaced the journal). */
  reload(): Promise<void> {
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
    this.probe.stop();
    await this.journal.close();
  }
}

/** What a person or device may ask for; rating expiry comes only from the server's own timer. */
export type ClientCommand = Exclude<Command, { type: 'expire-rating' }>;

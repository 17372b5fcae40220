// Day summaries on disk (<dataDir>/summaries/YYYY-MM-DD.json) with a bounded memory cache.
// A summary is built from the day's journal the first time a report needs it; a summary
// that does not parse is moved aside and built again, since the journal is the record.
// The store lives in the reports' thread, where a blocking call holds no one: the small
// reads (a directory, a file's size, a summary) are synchronous, which reads a year's 300
// summaries in a fraction of the time the thread pool's round trips took.
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { moveAside, writeFileDurably } from '../store/durable-json-file';
import { journalFile, readJournal } from '../store/day-journal';
import { parseSummary, serializeSummary, summarizeDay, SUMMARY_FORMAT, type DaySummary } from './day-summary';

export interface WarnLogger {
  warn(details: object, message: string): void;
}

export interface SummaryStoreOptions {
  dataDir: string;
  timeZone: () => string;
  /** Rows (visits and services) held in memory across all cached days; the least recently used days go first. */
  maxCachedRows?: number;
  logger?: WarnLogger;
}

const DAY_FILE = /^(\d{4}-\d{2}-\d{2})\.(jsonl|json)$/;
/** Days loaded at once: a summary is read synchronously, a journal (a day summarised again) is not; enough to hide its reads, few enough to keep memory flat. */
const LOAD_CONCURRENCY = 16;

export function summaryFile(dataDir: string, day: string): string {
  return join(dataDir, 'summaries', `${day}.json`);
}

function fileSize(file: string): number | undefined {
  try {
    return statSync(file).size;
  } catch (err) {
    if ((err as NodeJS.ErrnoException).code === 'ENOENT') return undefined;
    throw err;
  }
}

function daysIn(dir: string): string[] {
  try {
    return readdirSync(dir).flatMap((name) => DAY_FILE.exec(name)?.[1] ?? []);
  } catch (err) {
    if ((err as NodeJS.ErrnoException).code === 'ENOENT') return [];
    throw err;
  }
}

/** A day before the queue's (every day, when the queue has none yet). */
export const closedBy = (day: string, today: string) => today === '' || day < today;

/** A day's rows: its visits and its services. */
export const rowsOf = (s: DaySummary) => s.visitCount + s.serviceCount;

export class SummaryStore {
  private readonly cache = new Map<string, DaySummary>();
  private cachedRows = 0;
  private readonly loading = new Map<string, Promise<DaySummary | null>>();
  private readonly maxCachedRows: number;

  constructor(private readonly options: SummaryStoreOptions) {
    this.maxCachedRows = options.maxCachedRows ?? 6_000_000;
  }

  /** Rows (visits and services) of the days held in memory. */
  get rowsHeld(): number {
    return this.cachedRows;
  }

  /** Days in [from, to] that have a journal or a summary, in order. */
  async daysWithData(from: string, to: string): Promise<string[]> {
    const { dataDir } = this.options;
    const journals = daysIn(join(dataDir, 'journal'));
    const summaries = daysIn(join(dataDir, 'summaries'));
    const days = new Set([...journals, ...summaries, ...this.cache.keys()]);
    return [...days].filter((d) => from <= d && d <= to).sort();
  }

  /** The summaries of the given closed days that hold data, in the order given. */
  async summaries(days: readonly string[]): Promise<DaySummary[]> {
    const out: (DaySummary | null)[] = new Array(days.length).fill(null);
    let next = 0;
    const worker = async () => {
      while (next < days.length) {
        const i = next++;
        out[i] = await this.load(days[i]);
      }
    };
    await Promise.all(Array.from({ length: Math.min(LOAD_CONCURRENCY, days.length) }, worker));
    return out.filter((s): s is DaySummary => s !== null);
  }

  /** Stores a closed day's summary on disk and in the cache. */
  save(summary: DaySummary): Promise<void> {
    const { day } = summary;
    // After any load of the same day in flight: two writers would race on one temp file.
    const before = this.loading.get(day) ?? Promise.resolve(null);
    const saving = before
      .catch(() => null)
      .then(async () => {
        const journalBytes = fileSize(journalFile(this.options.dataDir, day));
        const stored = journalBytes === undefined ? summary : { ...summary, journalBytes };
        await writeFileDurably(summaryFile(this.options.dataDir, day), serializeSummary(stored));
        this.remember(stored);
        return stored;
      })
      .finally(() => {
        if (this.loading.get(day) === saving) this.loading.delete(day);
      });
    this.loading.set(day, saving);
    return saving.then(() => undefined);
  }

  private load(day: string): Promise<DaySummary | null> {
    const cached = this.cache.get(day);
    if (cached) {
      // Re-inserting marks it most recently used.
      this.cache.delete(day);
      this.cache.set(day, cached);
      return Promise.resolve(cached);
    }
    let pending = this.loading.get(day);
    if (!pending) {
      const loading = this.loadFromDisk(day).finally(() => {
        if (this.loading.get(day) === loading) this.loading.delete(day);
      });
      this.loading.set(day, loading);
      pending = loading;
    }
    return pending;
  }

  private async loadFromDisk(day: string): Promise<DaySummary | null> {
    const { dataDir } = this.options;
    const file = summaryFile(dataDir, day);
    const stored = await this.readStored(file, day);
    const journalBytes = fileSize(journalFile(dataDir, day));
    // An older release's summary is read as it is only when its journal is gone: from the
    // journal, the day is summarised again with everything this release counts.
    const current = stored?.readFormat === SUMMARY_FORMAT || journalBytes === undefined;
    if (stored && current && (journalBytes === undefined || stored.journalBytes === undefined || stored.journalBytes === journalBytes)) {
      this.remember(stored);
      return stored;
    }
    if (journalBytes === undefined) return null;
    const built = await this.buildFromJournal(day);
    if (built) {
      await writeFileDurably(file, serializeSummary(built));
      this.remember(built);
    }
    return built;
  }

  private async readStored(file: string, day: string): Promise<DaySummary | null> {
    let text: string;
    try {
      text = readFileSync(file, 'utf8');
    } catch (err) {
      if ((err as NodeJS.ErrnoException).code === 'ENOENT') return null;
      throw err;
    }
    try {
      return parseSummary(text, day);
    } catch (err) {
      const movedTo = await moveAside(file);
      this.options.logger?.warn({ file, movedTo, err: String(err) }, 'corrupt day summary moved aside; rebuilding it from the journal');
      return null;
    }
  }

  private async buildFromJournal(day: string): Promise<DaySummary | null> {
    const file = journalFile(this.options.dataDir, day);
    const journalBytes = fileSize(file);
    const { events, damaged } = await readJournal(file);
    if (damaged.length) this.options.logger?.warn({ file, lines: damaged.map((d) => d.line) }, 'journal has damaged lines; the summary holds every other event');
    if (events.length === 0) return null;
    return { ...summarizeDay(day, events, this.options.timeZone()), journalBytes };
  }

  private remember(summary: DaySummary): void {
    const old = this.cache.get(summary.day);
    if (old) {
      this.cache.delete(summary.day);
      this.cachedRows -= rowsOf(old);
    }
    this.cache.set(summary.day, summary);
    this.cachedRows += rowsOf(summary);
    for (const [day, s] of this.cache) {
      if (this.cachedRows <= this.maxCachedRows || day === summary.day) break;
      this.cache.delete(day);
      this.cachedRows -= rowsOf(s);
    }
  }
}

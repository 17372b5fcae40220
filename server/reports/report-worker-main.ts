// Runs in the reports' worker thread: a period's figures and their exports over the closed
// days' summaries, which are read, built from their journals, cached and written here. A
// year's report or workbook takes from a tenth of a second to seconds of CPU; here it never
// holds the event loop the queue, the displays and the kiosk run on. Today's summary comes
// with each task from the queue's thread, which folds the live events as they happen.
import { createHash } from 'node:crypto';
import type { CentreConfig } from '@protocol/config';
import type { QueueEvent } from '@protocol/queue';
import type { ExportTable } from '@protocol/reports';
import { runBelowTheQueue } from '../below-the-queue';
import { buildReport, ON_SCREEN } from './build-report';
import { summarizeDay, type DaySummary } from './day-summary';
import { closedBy, SummaryStore } from './summary-store';
import { warmUp } from './warm-up';

interface StoreTask {
  /** The report service asking: each has its own store, as each server start reads afresh. */
  storeKey: string;
  dataDir: string;
  timeZone: string;
  maxCachedRows?: number;
}

export interface PeriodRequest {
  from: string;
  to: string;
  config: CentreConfig;
  staff: readonly { id: string; name: string }[];
  now: number;
  /** The queue's day, never read from disk here: its figures are `todaySummary`, when the period holds it. */
  today: string;
  todaySummary: DaySummary | null;
}

export type ReportTask = StoreTask &
  (
    | ({ kind: 'report' } & PeriodRequest)
    /** `onScreen`: the period's latest dossier codes and officer-days only (build-report.ts), else all. */
    | ({ kind: 'report-json'; onScreen: boolean } & PeriodRequest)
    | ({ kind: 'csv'; table: ExportTable } & PeriodRequest)
    | { kind: 'close-day'; day: string; events: readonly QueueEvent[] }
    | { kind: 'summaries'; days: readonly string[]; today: string }
    /** Every closed day with data and the size of the journal its summary was built from. */
    | { kind: 'closed-days'; today: string }
    /** Reads the closed days of [from, to] into this thread's cache; answers the rows it holds then. */
    | { kind: 'read-ahead'; from: string; to: string; today: string }
    /** Builds the figures of [from, to]'s latest closed days and lets them go (warm-up.ts). */
    | ({ kind: 'warm-up'; rows: number } & PeriodRequest)
    | { kind: 'forget' }
  );

/** A report as the HTTP answer sends it: UTF-8 JSON and a weak ETag of those bytes (as express makes one). */
export interface ReportJson {
  bytes: Uint8Array;
  etag: string;
}

function asJson(value: unknown): ReportJson {
  const bytes = Buffer.from(JSON.stringify(value));
  const etag = `W/"${bytes.length.toString(16)}-${createHash('sha1').update(bytes).digest('base64').slice(0, 27)}"`;
  return { bytes, etag };
}

export interface ClosedDay {
  day: string;
  /** What its summary was built from; a journal that grew since is sent again. */
  journalBytes: number;
}

export interface Warning {
  details: object;
  message: string;
}

/** A task's answer, with what the store warned of on the way (the queue's thread logs it). */
export interface ReportReply<T> {
  value: T;
  warnings: Warning[];
}

runBelowTheQueue();

// One store per report service (a server has one; the tests start many), the least recently used dropped.
const STORES_KEPT = 4;
const stores = new Map<string, { store: SummaryStore; timeZone: string }>();
let warnings: Warning[] = [];
const logger = { warn: (details: object, message: string) => void warnings.push({ details, message }) };

function storeFor(task: StoreTask): SummaryStore {
  let entry = stores.get(task.storeKey);
  if (entry) stores.delete(task.storeKey);
  else {
    const created = { store: null as unknown as SummaryStore, timeZone: task.timeZone };
    created.store = new SummaryStore({ dataDir: task.dataDir, timeZone: () => created.timeZone, maxCachedRows: task.maxCachedRows, logger });
    entry = created;
  }
  entry.timeZone = task.timeZone;
  stores.set(task.storeKey, entry);
  while (stores.size > STORES_KEPT) stores.delete(stores.keys().next().value as string);
  return entry.store;
}

/** The summaries of [from, to]'s days with data, today's left to the queue's thread. */
async function closedSummariesIn(store: SummaryStore, from: string, to: string, today: string): Promise<DaySummary[]> {
  return store.summaries((await store.daysWithData(from, to)).filter((d) => d !== today));
}

async function periodReport(store: SummaryStore, p: PeriodRequest, rows: Partial<typeof ON_SCREEN> = {}) {
  const summaries = await closedSummariesIn(store, p.from, p.to, p.today);
  if (p.todaySummary) {
    summaries.push(p.todaySummary);
    summaries.sort((a, b) => (a.day < b.day ? -1 : a.day > b.day ? 1 : 0));
  }
  return buildReport({ from: p.from, to: p.to, summaries, config: p.config, staff: p.staff, now: p.now, includesToday: p.todaySummary !== null, ...rows });
}

async function run(task: ReportTask): Promise<unknown> {
  if (task.kind === 'forget') {
    stores.delete(task.storeKey);
    return null;
  }
  const store = storeFor(task);
  switch (task.kind) {
    case 'report':
      return periodReport(store, task);
    case 'report-json':
      return asJson(await periodReport(store, task, task.onScreen ? ON_SCREEN : {}));
    // The CSV writer is loaded when a manager first asks for a table (the workbook and the
    // document are written in a process of their own: report-files.ts).
    case 'csv': {
      const { reportCsv } = await import('./export-csv');
      return reportCsv(await periodReport(store, task), task.table);
    }
    case 'close-day':
      return store.save(summarizeDay(task.day, task.events, task.timeZone));
    case 'summaries':
      return store.summaries([...task.days].sort().filter((d) => closedBy(d, task.today)));
    // The day and its size only: the city link lists every closed day at start, and their
    // summaries copied to the queue's thread were a busy centre's years of rows there at once.
    case 'closed-days': {
      const days = (await store.daysWithData('0000-01-01', '9999-12-31')).filter((d) => closedBy(d, task.today));
      return (await store.summaries(days)).map((s): ClosedDay => ({ day: s.day, journalBytes: s.journalBytes ?? 0 }));
    }
    case 'read-ahead':
      await closedSummariesIn(store, task.from, task.to, task.today);
      return store.rowsHeld;
    case 'warm-up':
      return warmUp(store, task);
  }
}

// The reply is copied to the queue's thread, bytes and all (a year's JSON is 2 MB: a
// millisecond). Moving them would take piscina's own Piscina.move, whose module costs this
// thread's start 15 ms, more than the copy of any report or file.
export async function runReportTask(task: ReportTask): Promise<ReportReply<unknown>> {
  warnings = [];
  const value = await run(task);
  return { value, warnings };
}

// The compiled server starts this module itself as the thread's entry (scripts/build-server.mjs).
export default runReportTask;

// What the HTTP routes call: a period's report (closed days from their summaries, today
// from the live queue), its exports, today's live view, and the day-close hook.
import type { CentreConfig } from '@protocol/config';
import { localDay } from '@protocol/local-time';
import type { QueueEvent, QueueState } from '@protocol/queue';
import { buildReport } from './build-report';
import { DayFacts } from './day-facts';
import { summarizeDay, summarizeFacts, type DaySummary } from './day-summary';
import { reportCsv } from './export-csv';
import { reportDocx } from './export-docx';
import { reportXlsx } from './export-xlsx';
import { counterToday, liveToday, todayReport } from './live-today';
import { assertRange, ReportRequestError } from './periods';
import { EXPORT_TABLES, type CounterToday, type ExportTable, type LiveToday } from '@protocol/reports';
import type { Report } from '@protocol/reports';
import { SummaryStore, type WarnLogger } from './summary-store';

export interface ReportServiceDeps {
  dataDir: string;
  getConfig: () => CentreConfig;
  getStaff: () => readonly { id: string; name: string }[];
  /** The queue service (or anything holding today's full state and its events so far). */
  getToday: () => { state: QueueState; events: readonly QueueEvent[] };
  clock?: () => number;
  logger?: WarnLogger;
  /** Bound of the summary cache, in tickets (default 3,000,000: three busy years). */
  maxCachedRows?: number;
}

export interface ReportService {
  report(from: string, to: string): Promise<Report>;
  today(): LiveToday;
  /** Today's report so far: what the dashboard, the consoles and the city link read. */
  todayReport(): Report;
  /** One console's figures today: its counter and the officer signed in there. */
  counterToday(counterId: number): CounterToday;
  xlsx(from: string, to: string): Promise<Buffer>;
  /** The official report as Word. */
  docx(from: string, to: string): Promise<Buffer>;
  /** UTF-8 CSV text starting with a byte-order mark. */
  csv(from: string, to: string, table: string): Promise<string>;
  /** Summarises a day that has just closed (the queue service's onDayClosed). */
  closeDay(day: string, events: readonly QueueEvent[]): Promise<void>;
  /** The summaries of the given closed days (all closed days with data when none are given), in day order. */
  closedSummaries(days?: readonly string[]): Promise<DaySummary[]>;
}

export function isExportTable(name: string): name is ExportTable {
  return (EXPORT_TABLES as readonly string[]).includes(name);
}

export function createReportService(deps: ReportServiceDeps): ReportService {
  const clock = deps.clock ?? Date.now;
  const store = new SummaryStore({
    dataDir: deps.dataDir,
    timeZone: () => deps.getConfig().centre.timeZone,
    maxCachedRows: deps.maxCachedRows,
    logger: deps.logger,
  });

  // Today's facts grow with the queue: each new event is folded in once. A new day or a
  // reload from disk (a new events list) starts them again.
  let todayFacts: { events: readonly QueueEvent[]; facts: DayFacts } | null = null;
  function todaySummary(now: number): DaySummary {
    const { state, events } = deps.getToday();
    const day = state.day || localDay(now, deps.getConfig().centre.timeZone);
    if (!todayFacts || todayFacts.events !== events || todayFacts.facts.day !== day || todayFacts.facts.applied > events.length) {
      todayFacts = { events, facts: new DayFacts(day) };
    }
    const { facts } = todayFacts;
    for (let i = facts.applied; i < events.length; i++) facts.apply(events[i]);
    return summarizeFacts(facts, now, deps.getConfig().centre.timeZone);
  }

  // The dashboard and every console ask after each change: one report of today per moment serves them all.
  let cachedToday: { seq: number; day: string; at: number; report: Report } | null = null;
  const TODAY_CACHE_MS = 1000;
  function todayFigures(): Report {
    const now = clock();
    const { state } = deps.getToday();
    if (cachedToday && cachedToday.seq === state.seq && cachedToday.day === state.day && now - cachedToday.at < TODAY_CACHE_MS) return cachedToday.report;
    const summary = todaySummary(now);
    const built = todayReport(summary.day, summary, deps.getConfig(), now, deps.getStaff());
    cachedToday = { seq: state.seq, day: state.day, at: now, report: built };
    return built;
  }

  async function report(from: string, to: string): Promise<Report> {
    assertRange(from, to);
    const config = deps.getConfig();
    const now = clock();
    const today = deps.getToday().state.day;
    const closedDays = (await store.daysWithData(from, to)).filter((d) => d !== today);
    const summaries: DaySummary[] = await store.summaries(closedDays);
    const includesToday = today !== '' && from <= today && today <= to;
    if (includesToday) {
      summaries.push(todaySummary(now));
      summaries.sort((a, b) => (a.day < b.day ? -1 : a.day > b.day ? 1 : 0));
    }
    return buildReport({ from, to, summaries, config, staff: deps.getStaff(), now, includesToday });
  }

  return {
    report,
    today: () => liveToday(deps.getToday().state, todayFigures(), deps.getConfig(), clock(), deps.getStaff()),
    todayReport: todayFigures,
    counterToday: (counterId) => counterToday(deps.getToday().state, todayFigures(), deps.getConfig(), counterId, clock()),
    xlsx: async (from, to) => reportXlsx(await report(from, to)),
    docx: async (from, to) => reportDocx(await report(from, to), deps.getConfig()),
    async csv(from, to, table) {
      if (!isExportTable(table)) throw new ReportRequestError(`Không có bảng "${table}"; chọn một trong: ${EXPORT_TABLES.join(', ')}.`);
      return reportCsv(await report(from, to), table);
    },
    closeDay: (day, events) => store.save(summarizeDay(day, events, deps.getConfig().centre.timeZone)),
    async closedSummaries(days) {
      const today = deps.getToday().state.day;
      const wanted = days ? [...days].sort() : await store.daysWithData('0000-01-01', '9999-12-31');
      return store.summaries(wanted.filter((d) => today === '' || d < today));
    },
  };
}

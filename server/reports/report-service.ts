// What the HTTP routes call: a period's report (closed days from their summaries, today
// from the live queue), its exports, today's live view, and the day-close hook.
import type { CentreConfig } from '@protocol/config';
import type { QueueEvent, QueueState } from '@protocol/queue';
import { EXPORT_TABLES, type ExportTable, type LiveToday, type Report } from '@protocol/reports';
import { buildReport } from './build-report';
import { summarizeDay, summarizeState, type DaySummary } from './day-summary';
import { reportCsv } from './export-csv';
import { reportXlsx } from './export-xlsx';
import { liveToday } from './live-today';
import { assertRange, ReportRequestError } from './periods';
import { SummaryStore, type WarnLogger } from './summary-store';

export interface ReportServiceDeps {
  dataDir: string;
  getConfig: () => CentreConfig;
  getStaff: () => readonly { id: string; name: string }[];
  /** The queue service (or anything holding today's full state). */
  getToday: () => { state: QueueState };
  clock?: () => number;
  logger?: WarnLogger;
  /** Bound of the summary cache, in tickets (default 3,000,000: three busy years). */
  maxCachedTickets?: number;
}

export interface ReportService {
  report(from: string, to: string): Promise<Report>;
  today(): LiveToday;
  xlsx(from: string, to: string): Promise<Buffer>;
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
    maxCachedTickets: deps.maxCachedTickets,
    logger: deps.logger,
  });

  async function report(from: string, to: string): Promise<Report> {
    assertRange(from, to);
    const config = deps.getConfig();
    const { state } = deps.getToday();
    const today = state.day;
    const closedDays = (await store.daysWithData(from, to)).filter((d) => d !== today);
    const summaries: DaySummary[] = await store.summaries(closedDays);
    const includesToday = today !== '' && from <= today && today <= to;
    if (includesToday) {
      summaries.push(summarizeState(state, config.centre.timeZone));
      summaries.sort((a, b) => (a.day < b.day ? -1 : a.day > b.day ? 1 : 0));
    }
    return buildReport({ from, to, summaries, config, staff: deps.getStaff(), now: clock(), includesToday });
  }

  return {
    report,
    today: () => liveToday(deps.getToday().state, deps.getConfig(), clock(), deps.getStaff()),
    xlsx: async (from, to) => reportXlsx(await report(from, to)),
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

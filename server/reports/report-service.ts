// What the HTTP routes call: a period's report (closed days from their summaries, today
// from the live queue), its exports, today's live view, and the day-close hook. Periods,
// CSV tables and the closed days' summaries are built in the reports' worker thread
// (report-pool.ts); a workbook or a document is written from that thread's report in a
// process of its own (report-files.ts); today's figures are folded here, event by event, as
// the queue runs.
import { randomUUID } from 'node:crypto';
import type { CentreConfig } from '@protocol/config';
import { localDay } from '@protocol/local-time';
import type { QueueEvent, QueueState } from '@protocol/queue';
import type { ForegroundWork } from '../foreground-work';
import { DayFacts } from './day-facts';
import { summarizeFacts, type DaySummary } from './day-summary';
import { counterToday, liveToday, todayReport } from './live-today';
import { assertRange, ReportRequestError } from './periods';
import { EXPORT_TABLES, type CounterToday, type ExportTable, type LiveToday } from '@protocol/reports';
import type { Report } from '@protocol/reports';
import { KEPT_ROWS, readAheadPlan, type ReadAheadPlan } from './read-ahead';
import { writeReportFile } from './report-files';
import { runReportTask, whenReportThreadRenewed, type TaskOptions } from './report-pool';
import type { ClosedDay, ReportJson, ReportTask } from './report-worker-main';
import { WARM_UP_BUILDS, type WarmUp } from './warm-up';
import type { WarnLogger } from './summary-store';

export interface ReportServiceDeps {
  dataDir: string;
  getConfig: () => CentreConfig;
  getStaff: () => readonly { id: string; name: string }[];
  /** The queue service (or anything holding today's full state and its events so far). */
  getToday: () => { state: QueueState; events: readonly QueueEvent[] };
  clock?: () => number;
  logger?: WarnLogger;
  /** Bound of the summary cache, in rows: visits and services (default 6,000,000, summary-store.ts: some three million tickets, three busy years). */
  maxCachedRows?: number;
  /** A report, its files and a manager's read-ahead are foreground work: the voice's
   *  background clips wait for them. The city link's and the day-close's tasks are not. */
  foreground?: ForegroundWork;
  /** Rows a renewed reports' thread reads ahead (default KEPT_ROWS, read-ahead.ts). */
  keptRows?: number;
}

export interface ReportService {
  report(from: string, to: string): Promise<Report>;
  /** The same report as UTF-8 JSON with its ETag, written in the worker (what the HTTP answer sends). */
  reportJson(from: string, to: string): Promise<ReportJson>;
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
  /** The summaries of the given closed days that hold data, in day order. */
  closedSummaries(days: readonly string[]): Promise<DaySummary[]>;
  /** Every closed day with data, in day order, with the size of the journal it was summarised from. */
  closedDays(): Promise<ClosedDay[]>;
  /** Forgets every summary read so far: the data folder was replaced (a restore). */
  reload(): Promise<void>;
  /** A manager signed in or opened the reports: the reports' thread warms up and reads ahead
   *  (read-ahead.ts), unless it has read every day since it started. Never fails; answers when done. */
  prepare(): Promise<void>;
  /** Only the warm-up builds of prepare (warm-up.ts), unless the thread has had them since it
   *  started: the server runs them before it answers. Never fails; answers how many it ran. */
  warmUp(): Promise<number>;
  /** Stops a read-ahead after the month it is reading, prepares no renewed thread, and waits
   *  for every task sent to the reports' thread: the server is closing, and its data folder may go next. */
  close(): Promise<void>;
}

/** What a service prepared in a renewed reports' thread (report-pool.ts). */
export interface RenewedThread {
  /** Warm-up builds run (warm-up.ts). */
  builds: number;
  /** Rows (visits and services) the thread holds after reading ahead. */
  rowsHeld: number;
  /** Whether it read every day of the reporting years (under the bound). */
  everyDay: boolean;
}

export function isExportTable(name: string): name is ExportTable {
  return (EXPORT_TABLES as readonly string[]).includes(name);
}

export function createReportService(deps: ReportServiceDeps): ReportService {
  const clock = deps.clock ?? Date.now;
  const storeKey = randomUUID();
  type WithoutStore<T> = T extends unknown ? Omit<T, 'storeKey' | 'dataDir' | 'timeZone' | 'maxCachedRows'> : never;
  // Whether the reports' thread has read every day ahead since it started: a new one replaces
  // it a minute after its last report (report-pool.ts).
  let preparedThread = false;
  const keptRows = deps.keptRows ?? KEPT_ROWS;
  // Whether the thread has run the warm-up builds since it started (a sign-in's read-ahead
  // after the server's own warm-up goes straight to reading).
  let warmThread = false;
  const asForeground = <T>(work: () => Promise<T>): Promise<T> => (deps.foreground ? deps.foreground.during(work) : work());
  // The thread outlives this service (it is the process's one, report-pool.ts), and a task may
  // be writing a summary into the data folder: close waits for every task sent.
  const running = new Set<Promise<unknown>>();
  function inWorker<T>(task: WithoutStore<ReportTask>, options?: TaskOptions): Promise<T> {
    const full = { ...task, storeKey, dataDir: deps.dataDir, timeZone: deps.getConfig().centre.timeZone, maxCachedRows: deps.maxCachedRows } as ReportTask;
    const reply = runReportTask<T>(full, options).finally(() => running.delete(reply));
    running.add(reply);
    return reply.then(({ value, warnings }) => {
      for (const w of warnings) deps.logger?.warn(w.details, w.message);
      return value;
    });
  }

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

  /** What the worker needs to build [from, to]: the configuration, the staff, and today's figures when the period holds today. */
  function period(from: string, to: string) {
    assertRange(from, to);
    const now = clock();
    const today = deps.getToday().state.day;
    const includesToday = today !== '' && from <= today && today <= to;
    return { from, to, config: deps.getConfig(), staff: deps.getStaff(), now, today, todaySummary: includesToday ? todaySummary(now) : null };
  }

  /** A workbook or document: the full report (every dossier code and officer-day) from the reports' thread, written by the file writer. */
  function reportFile(kind: 'xlsx' | 'docx', from: string, to: string): Promise<Buffer> {
    const request = period(from, to);
    return asForeground(async () => {
      const json = await inWorker<ReportJson>({ kind: 'report-json', onScreen: false, ...request });
      return writeReportFile({ kind, report: json.bytes, config: request.config });
    });
  }

  // A period that ended before today keeps its figures until a day is closed, the data folder
  // is replaced, or the configuration or the staff directory change (names, targets, outcomes):
  // the last two answers are kept (a year's is 2–3 MB), each with what it was built from, and
  // sent again while that still holds. A manager reopens the same month or year all day long,
  // and its figures would otherwise be rebuilt from every summary each time, in a thread that
  // may have to start.
  const ANSWERS_KEPT = 2;
  const answers = new Map<string, { basis: string; answer: Promise<ReportJson> }>();
  function closedPeriodJson(from: string, to: string): Promise<ReportJson> {
    const request = period(from, to);
    const build = () => asForeground(() => inWorker<ReportJson>({ kind: 'report-json', onScreen: true, ...request }));
    if (request.today === '' || to >= request.today) return build();
    const key = `${from}|${to}`;
    const basis = `${JSON.stringify(request.config)}|${JSON.stringify(request.staff)}`;
    const kept = answers.get(key);
    answers.delete(key);
    if (kept?.basis === basis) {
      answers.set(key, kept);
      return kept.answer;
    }
    const answer = build();
    answers.set(key, { basis, answer });
    answer.catch(() => answers.get(key)?.answer === answer && answers.delete(key));
    while (answers.size > ANSWERS_KEPT) answers.delete(answers.keys().next().value as string);
    return answer;
  }

  let closed = false;
  const todayOrClock = () => deps.getToday().state.day || localDay(clock(), deps.getConfig().centre.timeZone);
  /** Builds that compile the reports' code (warm-up.ts) over the read-ahead's days, one task
   *  each, so that a report asked meanwhile waits for one at most. What they leave in the
   *  thread (its compiled code) is meant to stay: none calls for a renewal. */
  async function warmUpThread(plan: ReadAheadPlan): Promise<number> {
    if (warmThread || plan.months.length === 0) return 0;
    const span = { from: plan.months[0].from, to: plan.months[plan.months.length - 1].to };
    let built = 0;
    for (const rows of WARM_UP_BUILDS) {
      if (closed) return built;
      // A folder with no closed day yet has nothing to build: the next sign-in tries again.
      if (!(await inWorker<WarmUp | null>({ kind: 'warm-up', rows, ...period(span.from, span.to) }, { keeps: true }))) return built;
      built++;
    }
    warmThread = true;
    return built;
  }

  // One read-ahead at a time: managers signing in together share it, and one signing in
  // later while the thread still holds the days finds each month in its cache at once.
  let preparing: Promise<void> | null = null;
  function prepare(): Promise<void> {
    if (closed || preparedThread) return Promise.resolve();
    // Foreground work from its first task to its last: no background clip starts between two.
    preparing ??= asForeground(async () => {
      const today = todayOrClock();
      const plan = readAheadPlan(today);
      // First, while the manager picks a period, the warm-up builds.
      await warmUpThread(plan);
      for (const month of plan.months) {
        if (closed) return;
        await inWorker<number>({ kind: 'read-ahead', ...month, today });
      }
      if (plan.lastMonth && !closed) await closedPeriodJson(plan.lastMonth.from, plan.lastMonth.to);
      if (!closed) preparedThread = true;
    })
      .catch((err) => deps.logger?.warn({ err: String(err) }, 'reading ahead for the reports failed; each report reads what it needs'))
      .finally(() => (preparing = null));
    return preparing;
  }

  // A new thread replaced one idle a minute after a report: it compiles the reports' code and
  // reads the latest months (the latest first) until it holds KEPT_ROWS, which stay there while
  // no one reports. Background work: the voice's clips do not wait for it.
  async function prepareRenewedThread(): Promise<RenewedThread> {
    preparedThread = warmThread = false;
    const prepared: RenewedThread = { builds: 0, rowsHeld: 0, everyDay: false };
    try {
      const today = todayOrClock();
      const plan = readAheadPlan(today);
      prepared.builds = await warmUpThread(plan);
      for (const month of [...plan.months].reverse()) {
        if (closed) return prepared;
        prepared.rowsHeld = await inWorker<number>({ kind: 'read-ahead', ...month, today }, { keeps: true });
        if (prepared.rowsHeld >= keptRows) return prepared;
      }
      prepared.everyDay = preparedThread = !closed;
    } catch (err) {
      deps.logger?.warn({ err: String(err) }, 'preparing the new reports’ thread failed; each report reads what it needs');
    }
    return prepared;
  }
  const stopPreparing = whenReportThreadRenewed(prepareRenewedThread);

  return {
    report: async (from, to) => asForeground(() => inWorker<Report>({ kind: 'report', ...period(from, to) })),
    reportJson: async (from, to) => closedPeriodJson(from, to),
    today: () => liveToday(deps.getToday().state, todayFigures(), deps.getConfig(), clock(), deps.getStaff()),
    todayReport: todayFigures,
    counterToday: (counterId) => counterToday(deps.getToday().state, todayFigures(), deps.getConfig(), counterId, clock()),
    xlsx: (from, to) => reportFile('xlsx', from, to),
    docx: (from, to) => reportFile('docx', from, to),
    async csv(from, to, table) {
      if (!isExportTable(table)) throw new ReportRequestError(`Không có bảng "${table}"; chọn một trong: ${EXPORT_TABLES.join(', ')}.`);
      return asForeground(() => inWorker<string>({ kind: 'csv', table, ...period(from, to) }));
    },
    closeDay: (day, events) => {
      answers.clear();
      return inWorker<void>({ kind: 'close-day', day, events });
    },
    closedSummaries: (days) => inWorker<DaySummary[]>({ kind: 'summaries', days, today: deps.getToday().state.day }),
    closedDays: () => inWorker<ClosedDay[]>({ kind: 'closed-days', today: deps.getToday().state.day }),
    reload: () => {
      answers.clear();
      // Its days are forgotten: the next sign-in or reports page reads ahead again.
      preparedThread = false;
      return inWorker<void>({ kind: 'forget' });
    },
    prepare,
    warmUp: () =>
      warmUpThread(readAheadPlan(todayOrClock())).catch((err) => {
        deps.logger?.warn({ err: String(err) }, 'warming up the reports failed; the first report compiles its code');
        return 0;
      }),
    close: async () => {
      closed = true;
      stopPreparing();
      await preparing;
      await Promise.allSettled([...running]);
    },
  };
}

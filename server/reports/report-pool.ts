// The one thread reports are built in (report-worker-main.ts). One thread: a report is one
// manager's request, and the cache of summaries it keeps must be one. It goes after a minute
// idle with its cache and its heap (a year's workbook leaves hundreds of MB there: the next
// report starts it again and reads the summaries again, still off the queue's thread), so a
// centre that is not reporting holds no year of figures in memory.
import Piscina from 'piscina';
import type { ReportReply, ReportTask } from './report-worker-main';

export const IDLE_MS = 60_000;

let pool: Piscina<ReportTask, ReportReply<unknown>> | null = null;

export function runReportTask<T>(task: ReportTask): Promise<ReportReply<T>> {
  pool ??= new Piscina({
    filename: new URL('./report-worker.mjs', import.meta.url).href,
    minThreads: 0,
    maxThreads: 1,
    idleTimeout: IDLE_MS,
    // The entry registers the TypeScript loader itself; the process's own --import preloads
    // (the soak's slow disk, the bench's meter) are not for this thread.
    execArgv: [],
  });
  return pool.run(task) as Promise<ReportReply<T>>;
}

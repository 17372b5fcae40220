// The one thread reports are built in (report-worker-main.ts). One thread: a report is one
// manager's request, and the cache of summaries it keeps must be one. A minute after the last
// task that may have left memory there (a year's workbook leaves hundreds of MB in its heap)
// the thread is replaced by a new one, and the report service prepares that one with a
// bounded read of the latest days (report-service.ts): a centre that is not reporting holds a
// fresh thread and a few MB of figures, not a year's heap, and its next report runs in
// compiled code over days already read. A thread that went with its minute and came back
// cold at the next report made that report 214 ms instead of 60 (npm run bench).
import Piscina from 'piscina';
import type { ReportReply, ReportTask } from './report-worker-main';

export const IDLE_MS = 60_000;

let pool: Piscina<ReportTask, ReportReply<unknown>> | null = null;
let running = 0;
let leftMemory = false;
let renewal: NodeJS.Timeout | undefined;
const onRenewed = new Set<() => Promise<unknown>>();

export interface TaskOptions {
  /** What the task leaves in the thread is meant to stay there (a new thread's preparation): no renewal follows it. */
  keeps?: boolean;
}

export function runReportTask<T>(task: ReportTask, options: TaskOptions = {}): Promise<ReportReply<T>> {
  clearTimeout(renewal);
  pool ??= new Piscina({
    filename: new URL('./report-worker.mjs', import.meta.url).href,
    // The one thread stays until it is renewed, not until it has idled.
    minThreads: 1,
    maxThreads: 1,
    // The entry registers the TypeScript loader itself; the process's own --import preloads
    // (the soak's slow disk, the bench's meter) are not for this thread.
    execArgv: [],
    // A report's rows are typed arrays outside the heap: V8's default young generation (16 MB
    // semi-spaces, grown by the first builds and kept) was most of what a renewed thread held
    // (its heap 27 MB against 16 with this, probe; the server 160 MB a minute idle against 148, and
    // its builds no slower: npm run bench, with and without).
    resourceLimits: { maxYoungGenerationSizeMb: 6 },
  });
  if (!options.keeps) leftMemory = true;
  running++;
  return (pool.run(task) as Promise<ReportReply<T>>).finally(() => {
    if (--running === 0 && leftMemory) renewal = setTimeout(() => void renewReportThread(), IDLE_MS).unref();
  });
}

/**
 * Replaces the thread with a new one, unless a task is running (null then), and answers what
 * each listener prepared in the new one: the minute's timer calls it, and tests.
 */
export async function renewReportThread(): Promise<unknown[] | null> {
  if (running > 0 || !pool) return null;
  const old = pool;
  pool = null;
  leftMemory = false;
  await old.destroy();
  return Promise.all([...onRenewed].map((prepare) => prepare()));
}

/** Calls `prepare` after each renewal; answers the function that stops it. */
export function whenReportThreadRenewed(prepare: () => Promise<unknown>): () => void {
  onRenewed.add(prepare);
  return () => onRenewed.delete(prepare);
}

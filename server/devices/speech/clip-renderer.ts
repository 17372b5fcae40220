// Where clip jobs run. The real one is a worker thread with espeak-ng; tests pass an instant
// synthesiser and run the jobs in their own thread. Jobs a call is waiting for go before the
// background ones (a first start's or an upgrade's re-rendering), and one job is in the worker
// at a time, so a call never queues behind more than one clip. Background jobs also wait while
// foreground work runs: a sign-in, a report (foreground-work.ts).
import { Worker } from 'node:worker_threads';
import type { ForegroundWork } from '../../foreground-work';
import { runClipJob, type ClipJob, type RenderedClip } from './clip-jobs';
import { espeakEngineId } from './espeak-engine';
import type { ClipKind } from './level-clip';
import { SilentClipError } from './normalize-loudness';
import type { WorkerReply, WorkerRequest } from './speech-worker-main';
import type { Synthesizer } from './synthesizer';
import { WavFormatError } from './wav';

export type Priority = 'now' | 'background';

export interface ClipRenderer {
  /** The engine and its version, as written into each generated clip. */
  readonly engineId: string;
  render(text: string, rate: number, priority: Priority): Promise<RenderedClip>;
  level(file: Uint8Array, kind: ClipKind, priority: Priority): Promise<Int16Array>;
  /** Moves a rendering still waiting in the background to the front. */
  hurry(text: string, rate: number): void;
  close(): Promise<void>;
}

/** A job the worker neither answers nor fails within this time is given up, and the worker restarted. */
const JOB_LIMIT_MS = 20_000;
/**
 * A worker with nothing to do goes after this long, and the engine's memory with it (~60 MB:
 * its heap and espeak-ng's WebAssembly memory). Calls need it only for clips not made yet (a
 * first start, a new speed, a new counter name), so it starts again for those.
 */
const IDLE_MS = 60_000;
/** The longest a background job waits for foreground work: reports asked back to back never hold the clips for good. */
const BACKGROUND_WAIT_MS = 5_000;

export function createInlineRenderer(synthesizer: Synthesizer): ClipRenderer {
  return {
    engineId: synthesizer.id,
    render: async (text, rate) => runClipJob(synthesizer, { job: 'render', text, rate }) as RenderedClip,
    level: async (file, kind) => runClipJob(synthesizer, { job: 'level', file, kind }) as Int16Array,
    hurry: () => {},
    close: async () => {},
  };
}

interface Pending {
  request: WorkerRequest;
  resolve(result: unknown): void;
  reject(error: Error): void;
}

export interface WorkerClipRenderer extends ClipRenderer {
  /** Whether the engine's thread is up now (it goes when idle). */
  readonly engineLoaded: boolean;
}

export function createWorkerRenderer(opts: { idleMs?: number; foreground?: ForegroundWork; backgroundWaitMs?: number } = {}): WorkerClipRenderer {
  const idleMs = opts.idleMs ?? IDLE_MS;
  const backgroundWaitMs = opts.backgroundWaitMs ?? BACKGROUND_WAIT_MS;
  const urgent: Pending[] = [];
  const background: Pending[] = [];
  let worker: Worker | null = null;
  let running: (Pending & { timer: NodeJS.Timeout; worker: Worker }) | null = null;
  let idle: NodeJS.Timeout | null = null;
  let nextId = 1;
  let closed = false;
  // Held back while foreground work runs; `waited`: the next background job has, and goes.
  let heldBack = false;
  let waited = false;

  const retire = () => {
    idle = null;
    const w = worker;
    worker = null;
    void w?.terminate();
  };

  const start = (): Worker => {
    // The entry registers the TypeScript loader itself; the process's own --import preloads
    // (the soak's slow disk, the bench's meter) are not for this thread, and a TypeScript one
    // cannot load in it: the thread would fail before its first clip.
    const w = new Worker(new URL('./speech-worker.mjs', import.meta.url), { execArgv: [] });
    w.unref(); // an idle worker never keeps the process alive
    w.on('message', (reply: WorkerReply) => {
      if (!running || reply.id !== running.request.id) return;
      const job = finish();
      if (reply.ok) job.resolve(reply.result);
      else job.reject(rebuildError(reply.name, reply.message));
    });
    // Only this worker's own job fails with it: a worker retired when idle exits after the
    // next job may have started in a new one.
    const fail = (error: Error) => {
      if (worker === w) worker = null;
      if (running?.worker === w) finish().reject(error);
    };
    w.on('error', fail);
    w.on('exit', (code) => fail(new Error(`speech worker stopped (exit code ${code})`)));
    return w;
  };

  const finish = (): Pending => {
    const job = running!;
    clearTimeout(job.timer);
    running = null;
    queueMicrotask(pump);
    return job;
  };

  const pump = () => {
    if (running || closed) return;
    if (urgent.length === 0 && background.length > 0 && !waited) {
      if (heldBack) return;
      const foregroundEnds = opts.foreground?.whenIdle(backgroundWaitMs);
      if (foregroundEnds) {
        heldBack = true;
        void foregroundEnds.then(() => {
          heldBack = false;
          waited = true;
          pump();
        });
        return;
      }
    }
    waited = false;
    const job = urgent.shift() ?? background.shift();
    if (!job) {
      if (worker && !idle) (idle = setTimeout(retire, idleMs)).unref();
      return;
    }
    if (idle) clearTimeout(idle);
    idle = null;
    worker ??= start();
    const w = worker;
    const timer = setTimeout(() => {
      worker = null;
      void w.terminate();
      if (running?.request === job.request) finish().reject(new Error('speech worker did not answer in time'));
    }, JOB_LIMIT_MS);
    running = { ...job, timer, worker: w };
    w.postMessage(job.request);
  };

  const submit = <T>(job: ClipJob, priority: Priority): Promise<T> =>
    new Promise<T>((resolve, reject) => {
      if (closed) return reject(new Error('speech worker closed'));
      (priority === 'now' ? urgent : background).push({ request: { ...job, id: nextId++ }, resolve: resolve as (r: unknown) => void, reject });
      pump();
    });

  return {
    engineId: espeakEngineId(),
    get engineLoaded() {
      return worker !== null;
    },
    render: (text, rate, priority) => submit<RenderedClip>({ job: 'render', text, rate }, priority),
    level: (file, kind, priority) => submit<Int16Array>({ job: 'level', file, kind }, priority),
    hurry(text, rate) {
      const at = background.findIndex(({ request: r }) => r.job === 'render' && r.text === text && r.rate === rate);
      if (at >= 0) urgent.push(...background.splice(at, 1));
    },
    async close() {
      closed = true;
      if (idle) clearTimeout(idle);
      for (const job of [...urgent.splice(0), ...background.splice(0)]) job.reject(new Error('speech worker closed'));
      const w = worker;
      worker = null;
      if (running) finish().reject(new Error('speech worker closed'));
      await w?.terminate();
    },
  };
}

function rebuildError(name: string, message: string): Error {
  if (name === 'WavFormatError') return new WavFormatError(message);
  if (name === 'SilentClipError') return new SilentClipError(message);
  return new Error(message);
}

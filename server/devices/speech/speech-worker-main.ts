// Runs in the speech worker thread: espeak-ng and every clip's levelling, one job at a time,
// so a first start, a change of speed or a never-spoken number never stalls the server.
import { parentPort } from 'node:worker_threads';
import { runBelowTheQueue } from '../../below-the-queue';
import { runClipJob, type ClipJob } from './clip-jobs';
import { createEspeakSynthesizer } from './espeak-engine';

export type WorkerRequest = ClipJob & { id: number };
export type WorkerReply = { id: number; ok: true; result: ReturnType<typeof runClipJob> } | { id: number; ok: false; name: string; message: string };

// Below the queue, as the reports' thread: at a first start its second of clips took a core
// from the reports' thread at the lower priority, and the first year report took 327 ms; at
// one priority the two shared it (175–287 ms). Its background clips now also wait for
// what a person waits for (foreground-work.ts).
runBelowTheQueue();

const port = parentPort!;
const synthesizer = createEspeakSynthesizer();

port.on('message', async (request: WorkerRequest) => {
  let reply: WorkerReply;
  try {
    const result = runClipJob(await synthesizer, request);
    reply = { id: request.id, ok: true, result };
    const pcm = result instanceof Int16Array ? result : result.pcm;
    port.postMessage(reply, [pcm.buffer as ArrayBuffer]);
    return;
  } catch (error) {
    const e = error instanceof Error ? error : new Error(String(error));
    reply = { id: request.id, ok: false, name: e.name, message: e.message };
  }
  port.postMessage(reply);
});

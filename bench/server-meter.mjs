// Loaded with --import into the real server process by bench/server-process.ts: answers the
// bench over the IPC channel with the server's own event-loop delay (monitorEventLoopDelay,
// 1 ms resolution) and memory, after a full collection when the process runs with --expose-gc,
// so what is measured is what the server holds, not garbage it has not collected yet.
// Plain JavaScript: the server's worker threads start with the same --import and without tsx.
import { monitorEventLoopDelay } from 'node:perf_hooks';
import { isMainThread } from 'node:worker_threads';

if (isMainThread && process.send) {
  const loop = monitorEventLoopDelay({ resolution: 1 });
  loop.enable();
  const ms = (ns) => ns / 1e6;
  process.on('message', (m) => {
    if (m.op === 'reset-loop') {
      loop.reset();
      process.send({ ok: true });
      return;
    }
    if (m.collect && globalThis.gc) {
      globalThis.gc();
      globalThis.gc();
    }
    const mem = process.memoryUsage();
    process.send({
      loop: { p50: ms(loop.percentile(50)), p99: ms(loop.percentile(99)), max: ms(loop.max) },
      rss: mem.rss,
      heapUsed: mem.heapUsed,
      arrayBuffers: mem.arrayBuffers,
    });
  });
  // The IPC channel must not keep the server alive on its own.
  process.channel?.unref();
}

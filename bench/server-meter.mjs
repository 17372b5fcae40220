// Loaded with --import into the real server process by bench/server-process.ts: answers the
// bench over the IPC channel with the server's own event-loop delay (monitorEventLoopDelay,
// 1 ms resolution), the most CPU time its main thread ran between two runs of a 1 ms timer
// (the kernel's per-thread accounting, as bench/loop-stall.ts: the server's own work holding
// the loop, whatever else the machine runs), and memory, after a full collection when the
// process runs with --expose-gc, so what is measured is what the server holds, not garbage
// it has not collected yet.
// Plain JavaScript: the server's worker threads start with the same --import and without tsx.
import { openSync, readSync } from 'node:fs';
import { monitorEventLoopDelay } from 'node:perf_hooks';
import { isMainThread } from 'node:worker_threads';

if (isMainThread && process.send) {
  const loop = monitorEventLoopDelay({ resolution: 1 });
  loop.enable();
  const ms = (ns) => ns / 1e6;
  let schedstat = -1;
  try {
    schedstat = openSync(`/proc/self/task/${process.pid}/schedstat`, 'r');
  } catch {
    /* not Linux: the CPU figure is NaN */
  }
  const buffer = Buffer.alloc(128);
  const ranNs = () => (schedstat < 0 ? NaN : Number(buffer.toString('latin1', 0, readSync(schedstat, buffer, 0, buffer.length, 0)).split(' ')[0]));
  let lastRan = ranNs();
  let cpuMaxMs = 0;
  setInterval(() => {
    cpuMaxMs = Math.max(cpuMaxMs, ms(ranNs() - lastRan));
    // Reading the counter is itself main-thread work: the next interval starts after it.
    lastRan = ranNs();
  }, 1).unref();
  process.on('message', (m) => {
    if (m.op === 'reset-loop') {
      loop.reset();
      cpuMaxMs = 0;
      process.send({ ok: true });
      return;
    }
    if (m.collect && globalThis.gc) {
      globalThis.gc();
      globalThis.gc();
    }
    const mem = process.memoryUsage();
    process.send({
      loop: { p50: ms(loop.percentile(50)), p99: ms(loop.percentile(99)), max: ms(loop.max), cpuMaxMs },
      rss: mem.rss,
      heapUsed: mem.heapUsed,
      arrayBuffers: mem.arrayBuffers,
    });
  });
  // The IPC channel must not keep the server alive on its own.
  process.channel?.unref();
}

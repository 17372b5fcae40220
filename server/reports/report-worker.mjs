// The reports' worker entry: the server runs under tsx, and a worker thread starts without its
// loader, so it is registered here before the TypeScript task module is loaded.
import { readlinkSync } from 'node:fs';
import { setPriority } from 'node:os';
import { register } from 'tsx/esm/api';

// Where a core is contended (a one-core centre PC, or a busy one), the queue's thread goes
// first: this thread alone runs at a lower priority (Linux names a thread by its own id).
try {
  setPriority(Number(readlinkSync('/proc/thread-self').split('/').pop()), 10);
} catch {
  /* not Linux, or not allowed: reports at the normal priority */
}

register();
const { runReportTask } = await import('./report-worker-main.ts');
export default runReportTask;

import type { Principal, Snapshot } from '@protocol/events';
import type { AppContext } from './context';
import { snapshotFor } from './views';

/** Everything the caller may see now, for a device to replace its state with. */
export function currentSnapshot(ctx: AppContext, who: Principal): Snapshot {
  return snapshotFor(who, {
    state: ctx.queue.state,
    config: ctx.centre.get(),
    alerts: ctx.alerts.list(),
    printer: ctx.printerState(),
    staff: ctx.auth.staffDirectory(),
    now: ctx.clock(),
    waits: ctx.waits.basis(),
  });
}

// Raises an alert per field while someone in its line has waited longer than the field's
// target wait (the same target the service level is measured against, docs/reports.md),
// counted from joining the line: the issue, a transfer, or being put back. "Longer than":
// a call at exactly the target is within it, so the alert waits until the target has passed.
import type { Alerts } from './alerts';
import type { QueueState } from '@protocol/queue';
import type { CentreConfig } from '@protocol/config';
import { targetWaitMinutes } from '@protocol/target-wait';

export function checkLongWaits(state: QueueState, config: CentreConfig, alerts: Alerts, now: number): void {
  const keep = new Set<string>();
  for (const service of config.services) {
    const target = targetWaitMinutes(config, service.id);
    const line = state.waiting[service.id] ?? [];
    let oldest = Infinity;
    for (const id of line) oldest = Math.min(oldest, state.tickets[id].lineSince);
    if (now - oldest > target * 60_000) {
      const id = `long-wait:${service.id}`;
      keep.add(id);
      alerts.raise(id, 'long-wait', `${service.name}: có công dân chờ quá ${target} phút, thời gian chờ mục tiêu của lĩnh vực (${line.length} người đang chờ).`);
    }
  }
  alerts.replaceKind('long-wait', keep);
}

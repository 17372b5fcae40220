// Raises an alert per field while someone in it has waited longer than the configured limit.
import type { Alerts } from './alerts';
import type { QueueService } from './queue-service';
import type { CentreConfig } from '@protocol/config';

export function checkLongWaits(queue: QueueService, config: CentreConfig, alerts: Alerts, now: number): void {
  const limit = config.alerts.waitMinutes * 60_000;
  const keep = new Set<string>();
  for (const service of config.services) {
    const line = queue.state.waiting[service.id] ?? [];
    let oldest = Infinity;
    for (const id of line) oldest = Math.min(oldest, queue.state.tickets[id].queuedAt);
    if (now - oldest >= limit) {
      const id = `long-wait:${service.id}`;
      keep.add(id);
      alerts.raise(id, 'long-wait', `${service.name}: có công dân chờ quá ${config.alerts.waitMinutes} phút (${line.length} người đang chờ).`);
    }
  }
  alerts.replaceKind('long-wait', keep);
}

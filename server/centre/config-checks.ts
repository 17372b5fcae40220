// What the schema cannot see when a manager saves the configuration: today's queue and the
// machine. A field removed while citizens still wait in it would strand their tickets, a
// counter removed while open would strand its staff, and a second backup location inside the
// data folder dies with the same disk.
import { relative, resolve } from 'node:path';
import type { CentreConfig } from '@protocol/config';
import type { ErrorBody } from '@protocol/errors';
import type { QueueState } from '@protocol/queue';

type Problem = NonNullable<ErrorBody['details']>[number];

export function checkAgainstToday(next: CentreConfig, before: CentreConfig, today: QueueState): Problem[] {
  const problems: Problem[] = [];
  for (const service of before.services) {
    if (next.services.some((s) => s.id === service.id)) continue;
    const open = Object.values(today.tickets).filter((t) => t.serviceId === service.id && (t.status === 'waiting' || t.status === 'serving')).length;
    if (open > 0) problems.push({ path: 'services', message: `field ${service.id} still has ${open} tickets today` });
  }
  for (const counter of before.counters) {
    if (next.counters.some((c) => c.id === counter.id)) continue;
    if ((today.counters[counter.id]?.status ?? 'closed') !== 'closed') problems.push({ path: 'counters', message: `counter ${counter.id} is open` });
  }
  return problems;
}

export function checkSecondLocation(next: CentreConfig, dataDir: string): Problem[] {
  const location = next.backup.secondLocation;
  if (!location) return [];
  const inside = relative(resolve(dataDir), resolve(location));
  return inside === '' || !inside.startsWith('..') ? [{ path: 'backup.secondLocation', message: 'second location is inside the data folder' }] : [];
}

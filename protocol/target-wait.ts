// The wait a field aims for. Apart from the configuration's schemas (config.ts) so that the
// reports' thread, which reads configurations already checked, never loads zod (50 ms of its start).
import type { CentreConfig } from './config';

/** The wait a field aims for, in minutes: its own target or the centre's default. */
export function targetWaitMinutes(config: Pick<CentreConfig, 'services' | 'alerts'>, serviceId: string): number {
  return config.services.find((s) => s.id === serviceId)?.targetWaitMinutes ?? config.alerts.waitMinutes;
}

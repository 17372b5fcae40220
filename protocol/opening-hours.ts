import type { CentreConfig } from '@protocol/config';
import { isHoliday } from './holidays';
import { localTime } from './local-time';

/** Whether the kiosk may issue now: inside one of today's intervals and not a holiday. */
export function isOpenAt(config: CentreConfig, now: number): boolean {
  const hours = config.openingHours;
  if (!hours.enforce) return true;
  const t = localTime(now, config.centre.timeZone);
  if (isHoliday(hours, t.day)) return false;
  return (hours.weekly[t.weekday] ?? []).some(([from, to]) => t.hhmm >= from && t.hhmm < to);
}

// Whether the kiosk may issue now, and the centre's hours in words, so a citizen sees
// "outside opening hours" before tapping instead of after. The rule itself is the server's
// (the same pure function), so the kiosk and the server never disagree about the hours.
import type { CentreConfig } from '@protocol/config';
import { localTime } from '@protocol/local-time';
import { isHoliday } from '@protocol/holidays';
import { isOpenAt } from '@protocol/opening-hours';

export type OpeningStatus = { open: true } | { open: false; holiday: boolean; reopensToday?: string };

export function openingStatus(config: CentreConfig, now: number): OpeningStatus {
  if (isOpenAt(config, now)) return { open: true };
  const t = localTime(now, config.centre.timeZone);
  const holiday = isHoliday(config.openingHours, t.day);
  const later = holiday ? undefined : (config.openingHours.weekly[t.weekday] ?? []).find(([from]) => from > t.hhmm);
  return later ? { open: false, holiday, reopensToday: later[0] } : { open: false, holiday };
}

// Monday first, as Vietnamese timetables are written.
const WEEK_ORDER = [1, 2, 3, 4, 5, 6, 0];

/** "Thứ Hai – Thứ Sáu: 07:30–11:30, 13:30–17:00": consecutive days with the same hours share a line; closed days are left out. */
export function openingHoursLines(config: CentreConfig, weekdayNames: readonly string[]): string[] {
  const hoursOf = (day: number) => (config.openingHours.weekly[day] ?? []).map(([a, b]) => `${a}–${b}`).join(', ');
  const lines: string[] = [];
  let i = 0;
  while (i < WEEK_ORDER.length) {
    const hours = hoursOf(WEEK_ORDER[i]);
    let j = i;
    while (j + 1 < WEEK_ORDER.length && hoursOf(WEEK_ORDER[j + 1]) === hours) j++;
    if (hours) {
      const days = i === j ? weekdayNames[WEEK_ORDER[i]] : `${weekdayNames[WEEK_ORDER[i]]} – ${weekdayNames[WEEK_ORDER[j]]}`;
      lines.push(`${days}: ${hours}`);
    }
    i = j + 1;
  }
  return lines;
}

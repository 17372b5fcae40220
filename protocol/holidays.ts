// Closed days: the one-off dates a centre types in, and the holidays that repeat every year,
// on the solar calendar (1/1, 30/4, 1/5, 2/9) or the Vietnamese lunar one (Tết Nguyên Đán,
// Giỗ Tổ Hùng Vương), so nobody re-enters them each year. The lunar dates come from
// @dqcai/vn-lunar, which computes the calendar for Vietnam's time zone (UTC+7): in some
// years (2007, 2030) Tết falls a day apart from the Chinese calendar's new year.
import { getLunarDate, getSolarDate } from '@dqcai/vn-lunar';
import type { CentreConfig, RepeatingHoliday } from './config';

type Hours = Pick<CentreConfig['openingHours'], 'holidays' | 'repeatingHolidays'>;

const pad2 = (n: number) => String(n).padStart(2, '0');

function isoOf(year: number, month: number, day: number): string {
  return `${year}-${pad2(month)}-${pad2(day)}`;
}

function addDays(day: string, n: number): string {
  const d = new Date(`${day}T00:00:00Z`);
  d.setUTCDate(d.getUTCDate() + n);
  return d.toISOString().slice(0, 10);
}

/** The first day a repeating holiday falls on in a (solar or lunar) year, before its offset. */
function anchorDay(h: RepeatingHoliday, year: number): string | null {
  if (h.calendar === 'solar') {
    const iso = isoOf(year, h.month, h.day);
    // 29/2 in a year without it does not exist: no holiday that year.
    return new Date(`${iso}T00:00:00Z`).toISOString().slice(0, 10) === iso ? iso : null;
  }
  const solar = getSolarDate(h.day, h.month, year, false);
  // A lunar month of 29 days has no 30th: the library rolls over into the next month, so
  // the date is checked by converting it back.
  const back = getLunarDate(solar.day, solar.month, solar.year);
  if (back.day !== h.day || back.month !== h.month || back.leap) return null;
  return isoOf(solar.year, solar.month, solar.day);
}

const cache = new Map<string, string[]>();

/** Every day a repeating holiday closes the centre in a given year (of its own calendar). */
export function holidayDays(h: RepeatingHoliday, year: number): string[] {
  const key = `${h.calendar}:${h.month}:${h.day}:${h.startOffset}:${h.days}:${year}`;
  let days = cache.get(key);
  if (!days) {
    const anchor = anchorDay(h, year);
    days = anchor ? Array.from({ length: h.days }, (_, i) => addDays(anchor, h.startOffset + i)) : [];
    cache.set(key, days);
  }
  return days;
}

/** The repeating holiday a day belongs to, if any. */
export function repeatingHolidayOn(hours: Pick<Hours, 'repeatingHolidays'>, day: string): RepeatingHoliday | undefined {
  const year = Number(day.slice(0, 4));
  // A span may start in the year before (Tết's eve, or 31/12 with two days).
  return hours.repeatingHolidays.find((h) => holidayDays(h, year).includes(day) || holidayDays(h, year - 1).includes(day) || holidayDays(h, year + 1).includes(day));
}

/** Whether the centre is closed all day for a holiday. */
export function isHoliday(hours: Hours, day: string): boolean {
  return hours.holidays.includes(day) || repeatingHolidayOn(hours, day) !== undefined;
}

/** The holidays of the law (Bộ luật Lao động 2019, Điều 112) a centre starts from; the
 *  government's yearly additions (days in lieu, Quốc khánh's second day) are one-off dates. */
export const STATUTORY_HOLIDAYS: RepeatingHoliday[] = [
  { name: 'Tết Dương lịch', calendar: 'solar', month: 1, day: 1, startOffset: 0, days: 1 },
  { name: 'Tết Nguyên Đán', calendar: 'lunar', month: 1, day: 1, startOffset: -1, days: 5 },
  { name: 'Giỗ Tổ Hùng Vương', calendar: 'lunar', month: 3, day: 10, startOffset: 0, days: 1 },
  { name: 'Ngày Chiến thắng', calendar: 'solar', month: 4, day: 30, startOffset: 0, days: 1 },
  { name: 'Ngày Quốc tế Lao động', calendar: 'solar', month: 5, day: 1, startOffset: 0, days: 1 },
  { name: 'Quốc khánh', calendar: 'solar', month: 9, day: 2, startOffset: 0, days: 1 },
];

import { describe, expect, it } from 'vitest';
import { holidayDays, isHoliday, repeatingHolidayOn, STATUTORY_HOLIDAYS } from './holidays';

const tet = STATUTORY_HOLIDAYS.find((h) => h.name === 'Tết Nguyên Đán')!;
const gioTo = STATUTORY_HOLIDAYS.find((h) => h.name === 'Giỗ Tổ Hùng Vương')!;

describe('lunar holidays', () => {
  // Known dates from the government's announcements and printed Vietnamese calendars.
  it.each([
    [2024, '2024-02-10'],
    [2025, '2025-01-29'],
    [2026, '2026-02-17'],
    [2027, '2027-02-06'],
    // Years where Vietnam's calendar (UTC+7) and China's (UTC+8) put the new year on different days.
    [2007, '2007-02-17'],
    [1985, '1985-01-21'],
    [2030, '2030-02-02'],
  ])('Tết Nguyên Đán %i starts the lunar year on %s, its eve the day before', (year, newYear) => {
    const days = holidayDays(tet, year);
    expect(days).toHaveLength(5);
    expect(days[1]).toBe(newYear);
  });

  it.each([
    [2024, '2024-04-18'],
    [2025, '2025-04-07'],
    [2026, '2026-04-26'],
    [2027, '2027-04-16'],
  ])('Giỗ Tổ Hùng Vương (10/3 âm lịch) %i is %s', (year, day) => {
    expect(holidayDays(gioTo, year)).toEqual([day]);
  });

  it('takes the eve of Tết as the 29th when the twelfth lunar month is short (2026)', () => {
    expect(holidayDays(tet, 2026)).toEqual(['2026-02-16', '2026-02-17', '2026-02-18', '2026-02-19', '2026-02-20']);
  });

  it('skips a lunar 30th in a year whose month has only 29 days instead of moving it', () => {
    expect(holidayDays({ name: 'x', calendar: 'lunar', month: 12, day: 30, startOffset: 0, days: 1 }, 2025)).toEqual([]);
  });
});

describe('isHoliday()', () => {
  const hours = { holidays: ['2026-09-01'], repeatingHolidays: STATUTORY_HOLIDAYS };

  it('closes on the statutory days every year without re-entering them', () => {
    for (const day of ['2026-01-01', '2026-02-17', '2026-04-26', '2026-04-30', '2026-05-01', '2026-09-02', '2027-02-06', '2027-04-16', '2031-09-02'])
      expect(isHoliday(hours, day), day).toBe(true);
    expect(repeatingHolidayOn(hours, '2026-02-18')?.name).toBe('Tết Nguyên Đán');
  });

  it('closes on one-off dates and opens on ordinary days', () => {
    expect(isHoliday(hours, '2026-09-01')).toBe(true);
    for (const day of ['2026-02-15', '2026-02-21', '2026-04-27', '2027-09-01']) expect(isHoliday(hours, day), day).toBe(false);
  });

  it('finds a span that starts in the year before (31/12 for two days)', () => {
    const nye = { holidays: [], repeatingHolidays: [{ name: 'x', calendar: 'solar' as const, month: 12, day: 31, startOffset: 0, days: 2 }] };
    expect(isHoliday(nye, '2027-01-01')).toBe(true);
  });
});

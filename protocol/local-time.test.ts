import { describe, expect, it } from 'vitest';
import { localDay, localTime } from './local-time';

describe('the centre\'s local calendar', () => {
  it('puts 23:30 UTC on the next day in Hà Nội (UTC+7)', () => {
    expect(localDay(Date.UTC(2026, 10, 24, 23, 30), 'Asia/Ho_Chi_Minh')).toBe('2026-11-25');
    expect(localDay(Date.UTC(2026, 10, 24, 16, 59), 'Asia/Ho_Chi_Minh')).toBe('2026-11-24');
    expect(localDay(Date.UTC(2026, 10, 24, 17, 0), 'Asia/Ho_Chi_Minh')).toBe('2026-11-25');
  });

  it('answers for the zone asked even within the same minute', () => {
    const t = Date.UTC(2026, 10, 24, 20, 0);
    expect(localDay(t, 'Asia/Ho_Chi_Minh')).toBe('2026-11-25');
    expect(localDay(t, 'UTC')).toBe('2026-11-24');
  });

  it('gives the weekday and clock time in the zone', () => {
    expect(localTime(Date.UTC(2026, 10, 24, 1, 5), 'Asia/Ho_Chi_Minh')).toEqual({ day: '2026-11-24', weekday: 2, hhmm: '08:05', hour: 8 });
  });
});

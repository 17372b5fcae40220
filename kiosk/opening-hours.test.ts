import { describe, expect, it } from 'vitest';
import type { CentreConfig } from '@protocol/config';
import { sampleCentre } from '@protocol/sample-centre';
import { openingHoursLines, openingStatus } from './opening-hours';
import { kioskTexts } from './texts';

const enforced: CentreConfig = { ...sampleCentre, openingHours: { ...sampleCentre.openingHours, enforce: true } };
// The centre's zone is UTC+7: 05:00 UTC is noon in Hà Nội. 2026-03-02 is a Monday.
const at = (day: string, utcHour: number) => Date.parse(`${day}T${String(utcHour).padStart(2, '0')}:00:00Z`);

describe('openingStatus', () => {
  it('is open inside a morning interval on a weekday', () => {
    expect(openingStatus(enforced, at('2026-03-02', 2))).toEqual({ open: true });
  });

  it('tells when the afternoon opens during the lunch break', () => {
    expect(openingStatus(enforced, at('2026-03-02', 5))).toEqual({ open: false, holiday: false, reopensToday: '13:30' });
  });

  it('names no reopening time after the last interval of the day', () => {
    expect(openingStatus(enforced, at('2026-03-02', 11))).toEqual({ open: false, holiday: false });
  });

  it('is closed all day on a holiday even within weekday hours', () => {
    expect(openingStatus(enforced, at('2026-04-30', 2))).toEqual({ open: false, holiday: true });
  });

  it('is open at any hour when hours are not enforced', () => {
    expect(openingStatus(sampleCentre, at('2026-03-01', 20))).toEqual({ open: true });
  });
});

describe('openingHoursLines', () => {
  it('joins consecutive days with the same hours and leaves closed days out', () => {
    expect(openingHoursLines(enforced, kioskTexts.weekdays)).toEqual([
      'Thứ Hai – Thứ Sáu: 07:30–11:30, 13:30–17:00',
      'Thứ Bảy: 07:30–11:30',
    ]);
  });

  it('lists nothing for a week without opening hours', () => {
    const closed: CentreConfig = { ...enforced, openingHours: { ...enforced.openingHours, weekly: [[], [], [], [], [], [], []] } };
    expect(openingHoursLines(closed, kioskTexts.weekdays)).toEqual([]);
  });
});

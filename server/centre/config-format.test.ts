import { describe, expect, it } from 'vitest';
import { centreConfigSchema } from '@protocol/config';
import { readDocument } from '../store/stored-format';
import { configFormat } from './config-format';
import { sampleCentre } from '@protocol/sample-centre';

/** The sample as release 0.1.0 wrote it: no format, no second backup location. */
function release010(mutate: (c: any) => void = () => undefined): Record<string, unknown> {
  const c = JSON.parse(JSON.stringify(sampleCentre));
  c.backup = { keepDays: 20 };
  mutate(c);
  return c;
}

/** What format 3 adds to an older file: numbers from phones and appointments, both off. */
const offUntilTurnedOn = {
  phoneNumbers: { enabled: false, from: '08:00', to: '16:00', perPhonePerDay: 2, perPhonePerField: 1, priorityCategoryIds: [] },
  appointments: { enabled: false, daysAhead: 6, checkInEarlyMinutes: 30, checkInLateMinutes: 15, perPhonePerDay: 1, fields: [] },
};

describe('config.json format 1 (release 0.1.0) → 2', () => {
  it('adds the second backup location, off, and keeps everything else', () => {
    const { value, from } = readDocument(configFormat, release010());
    expect(from).toBe(1);
    expect(value).toEqual({ ...sampleCentre, backup: { keepDays: 20, secondLocation: '' }, ...offUntilTurnedOn });
  });

  it('repairs what 0.1.0 accepted and format 2 refuses, keeping what the centre does', () => {
    const old = release010((c) => {
      c.openingHours.enforce = true;
      c.openingHours.weekly[1] = [
        ['13:30', '17:00'],
        ['07:30', '11:30'],
        ['11:00', '12:00'],
      ];
      c.openingHours.holidays = ['2026-09-02', '2026-09-02', '2026-02-30'];
      c.counters[4].serviceIds = ['ho-tich', 'tu-phap', 'ho-tich'];
      c.priorityCategories.push({ id: 'nguoi-cao-tuoi', name: 'Người già' });
      c.rating.reasons = ['Thái độ', 'Thái độ'];
      c.voice.playOnDeviceIds = ['central-display-1', 'kiosk-1', 'no-such-device'];
    });
    expect(centreConfigSchema.safeParse(old).success).toBe(false);
    const { value } = readDocument(configFormat, old);
    expect(value.openingHours.weekly[1]).toEqual([
      ['07:30', '12:00'],
      ['13:30', '17:00'],
    ]);
    expect(value.openingHours.holidays).toEqual(['2026-09-02']);
    expect(value.counters[4].serviceIds).toEqual(['ho-tich', 'tu-phap']);
    expect(value.priorityCategories.filter((p) => p.id === 'nguoi-cao-tuoi')).toEqual([{ id: 'nguoi-cao-tuoi', name: 'Người cao tuổi' }]);
    expect(value.rating.reasons).toEqual(['Thái độ']);
    expect(value.voice.playOnDeviceIds).toEqual(['central-display-1']);
  });

  it('gives a level that asks for a reason something to choose, and turns off hours enforced on no day', () => {
    const { value } = readDocument(
      configFormat,
      release010((c) => {
        c.rating.reasons = [];
        c.openingHours.enforce = true;
        c.openingHours.weekly = [[], [], [], [], [], [], []];
      }),
    );
    expect(value.rating.reasons).toEqual(['Khác']);
    expect(value.openingHours.enforce).toBe(false);
  });

  it('still refuses what cannot be repaired without guessing: a time zone that does not exist', () => {
    expect(() => readDocument(configFormat, release010((c) => (c.centre.timeZone = 'Mars/Olympus_Mons')))).toThrow(/centre\.timeZone: unknown time zone/);
  });
});

describe('config.json format 2 → 3', () => {
  /** The sample as format 2 wrote it: before numbers from phones and appointments. */
  function format2(): Record<string, unknown> {
    const c = JSON.parse(JSON.stringify(sampleCentre));
    delete c.phoneNumbers;
    delete c.appointments;
    delete c.callPolicy.appointmentsInRow;
    return { ...c, format: 2 };
  }

  it('adds numbers from phones and appointments, both off, and three appointments in a row, keeping everything else', () => {
    const { value, from } = readDocument(configFormat, format2());
    expect(from).toBe(2);
    expect(value).toEqual({ ...sampleCentre, ...offUntilTurnedOn });
    expect(value.callPolicy.appointmentsInRow).toBe(3);
  });

  it('keeps a centre\'s own call policy', () => {
    const doc = format2();
    (doc.callPolicy as Record<string, unknown>).maxWaitMinutes = 45;
    expect(readDocument(configFormat, doc).value.callPolicy).toEqual({ ...sampleCentre.callPolicy, maxWaitMinutes: 45, appointmentsInRow: 3 });
  });
});

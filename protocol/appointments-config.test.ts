import { describe, expect, it } from 'vitest';
import { centreConfigSchema, type CentreConfig } from './config';
import { sampleCentre } from './sample-centre';

const problems = (mutate: (c: CentreConfig) => void) => {
  const c = structuredClone(sampleCentre);
  mutate(c);
  const r = centreConfigSchema.safeParse(c);
  return r.success ? [] : r.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`);
};

describe('the appointment and phone settings', () => {
  it('accept the sample centre\'s', () => {
    expect(problems(() => undefined)).toEqual([]);
  });

  it('refuse slots for a field that does not exist, or listed twice', () => {
    expect(problems((c) => (c.appointments.fields[0].serviceId = 'khong-co'))).toContain('appointments.fields.0.serviceId: unknown field khong-co');
    expect(problems((c) => c.appointments.fields.push(structuredClone(c.appointments.fields[0])))).toContain('appointments.fields: appointment slots of dat-dai listed twice');
  });

  it('refuse slot intervals that overlap, end before they start, or hold no whole slot', () => {
    expect(problems((c) => (c.appointments.fields[0].weekly[1] = [{ from: '08:00', to: '10:00', capacity: 1 }, { from: '09:30', to: '11:00', capacity: 1 }]))).toContain('appointments.fields.0.weekly.1: slot intervals overlap');
    expect(problems((c) => (c.appointments.fields[0].weekly[1] = [{ from: '10:00', to: '09:00', capacity: 1 }]))).toContain('appointments.fields.0.weekly.1.0.to: slot interval must end after it starts');
    expect(problems((c) => (c.appointments.fields[0].weekly[1] = [{ from: '08:00', to: '08:20', capacity: 1 }]))).toContain('appointments.fields.0.weekly.1: a slot interval is shorter than one slot');
  });

  it('refuse phone hours that end before they start, and limits below one', () => {
    expect(problems((c) => (c.phoneNumbers.to = '07:00'))).toContain('phoneNumbers.to: phone numbers: "to" must be after "from"');
    expect(problems((c) => (c.phoneNumbers.perPhonePerDay = 0)).length).toBe(1);
  });
});

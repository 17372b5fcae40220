import { describe, expect, it } from 'vitest';
import type { Booking } from '@protocol/appointments';
import type { CentreConfig } from '@protocol/config';
import { sampleCentre } from '@protocol/sample-centre';
import { bookingState, cancelRefusal, checkInWindow, decideBooking, decideCheckIn, slotsOfDay, type BookingRequest } from './appointments';

const MINUTE = 60_000;
/** Hà Nội local time on a day as epoch ms. */
const at = (day: string, hhmm: string) => Date.parse(`${day}T${hhmm}:00+07:00`);
// 2026-11-24 is a Tuesday; 2026-11-28 a Saturday (no slots in the sample); 2027-01-01 Tết Dương lịch.
const config = (): CentreConfig => structuredClone(sampleCentre);
const request = (over: Partial<BookingRequest> = {}): BookingRequest => ({ serviceId: 'dat-dai', day: '2026-11-25', start: '08:30', phone: '0912345678', via: 'phone', ...over });
let n = 0;
const ctx = (c: CentreConfig, now = at('2026-11-24', '10:00')) => ({ now, config: c, newId: () => `b${++n}`, newCode: () => `C${++n}` });
const book = (c: CentreConfig, bookings: Booking[], over: Partial<BookingRequest> = {}, now?: number) => decideBooking(bookings, request(over), ctx(c, now));

describe('slots of a field on a day', () => {
  it('cut each weekday interval into whole slots with its capacity', () => {
    const slots = slotsOfDay(config(), 'dat-dai', '2026-11-24');
    expect(slots.map((s) => s.start)).toEqual(['08:00', '08:30', '09:00', '09:30', '10:00', '10:30', '14:00', '14:30', '15:00', '15:30', '16:00']);
    expect(slots[0]).toEqual({ start: '08:00', end: '08:30', capacity: 2 });
    expect(slots.at(-1)).toEqual({ start: '16:00', end: '16:30', capacity: 2 });
  });

  it('are none on a day without intervals, on a holiday, or for a field that takes no appointments', () => {
    expect(slotsOfDay(config(), 'dat-dai', '2026-11-28')).toEqual([]);
    expect(slotsOfDay(config(), 'dat-dai', '2027-01-01')).toEqual([]);
    expect(slotsOfDay(config(), 'thue', '2026-11-24')).toEqual([]);
  });

  it('leave out a last piece shorter than one slot', () => {
    const c = config();
    c.appointments.fields[0].weekly[2] = [{ from: '08:00', to: '09:10', capacity: 1 }];
    expect(slotsOfDay(c, 'dat-dai', '2026-11-24').map((s) => s.start)).toEqual(['08:00', '08:30']);
  });
});

describe('booking a slot', () => {
  it('gives a booking with a code for a free slot ahead', () => {
    const d = book(config(), []);
    expect(d).toMatchObject({ ok: true, booking: { serviceId: 'dat-dai', day: '2026-11-25', start: '08:30', end: '09:00', status: 'booked', via: 'phone', phone: '0912345678' } });
  });

  it('refuses a full slot, and takes it again once a booking in it is cancelled', () => {
    const c = config();
    const first = book(c, [], { phone: '0911111111' });
    const second = book(c, first.ok ? [first.booking] : [], { phone: '0922222222' });
    const both = [first, second].map((d) => (d.ok ? d.booking : undefined)!);
    expect(book(c, both, { phone: '0933333333' })).toEqual({ ok: false, code: 'slot-full' });
    expect(book(c, [{ ...both[0], status: 'cancelled' }, both[1]], { phone: '0933333333' }).ok).toBe(true);
  });

  it('refuses a second booking of one phone number on one day, in any field', () => {
    const c = config();
    const first = book(c, []);
    expect(book(c, first.ok ? [first.booking] : [], { serviceId: 'ho-tich', start: '14:00' })).toEqual({ ok: false, code: 'booking-limit' });
    expect(book(c, first.ok ? [first.booking] : [], { day: '2026-11-26' }).ok).toBe(true);
  });

  it('refuses a slot that has begun, a day past the booking horizon, a slot that does not exist', () => {
    const c = config();
    expect(book(c, [], { day: '2026-11-24', start: '10:00' })).toEqual({ ok: false, code: 'no-such-slot' });
    expect(book(c, [], { day: '2026-11-24', start: '10:30' }).ok).toBe(true);
    expect(book(c, [], { day: '2026-11-30' }).ok).toBe(true);
    expect(book(c, [], { day: '2026-12-01' })).toEqual({ ok: false, code: 'no-such-slot' });
    expect(book(c, [], { start: '08:15' })).toEqual({ ok: false, code: 'no-such-slot' });
    expect(book(c, [], { day: '2026-11-23' })).toEqual({ ok: false, code: 'no-such-slot' });
  });

  it('refuses when managers switched appointments off, or the field stopped issuing', () => {
    const c = config();
    c.services.find((s) => s.id === 'dat-dai')!.active = false;
    expect(book(c, [])).toEqual({ ok: false, code: 'service-inactive' });
    c.appointments.enabled = false;
    expect(book(c, [])).toEqual({ ok: false, code: 'appointments-off' });
  });
});

describe('checking in', () => {
  const c = config();
  const booking: Booking = { id: 'b1', code: 'ABCDEF', serviceId: 'dat-dai', day: '2026-11-25', start: '09:00', end: '09:30', phone: '0912345678', via: 'phone', bookedAt: 0, status: 'booked' };

  it('opens 30 minutes before the slot and closes 15 minutes after its start', () => {
    expect(checkInWindow(c, booking)).toEqual({ from: at('2026-11-25', '08:30'), until: at('2026-11-25', '09:15'), dueAt: at('2026-11-25', '09:00') });
    expect(decideCheckIn(c, booking, at('2026-11-25', '08:29'))).toEqual({ ok: false, code: 'check-in-too-early' });
    expect(decideCheckIn(c, booking, at('2026-11-25', '08:30'))).toEqual({ ok: true, dueAt: at('2026-11-25', '09:00') });
    expect(decideCheckIn(c, booking, at('2026-11-25', '09:15'))).toEqual({ ok: true, dueAt: at('2026-11-25', '09:00') });
    expect(decideCheckIn(c, booking, at('2026-11-25', '09:15') + MINUTE)).toEqual({ ok: false, code: 'appointment-missed' });
  });

  it('follows the configured window', () => {
    const wide = config();
    wide.appointments.checkInEarlyMinutes = 60;
    wide.appointments.checkInLateMinutes = 0;
    expect(decideCheckIn(wide, booking, at('2026-11-25', '08:00')).ok).toBe(true);
    expect(decideCheckIn(wide, booking, at('2026-11-25', '09:01'))).toEqual({ ok: false, code: 'appointment-missed' });
  });

  it('says the booking is for another day, or was missed, or cancelled, or already checked in', () => {
    expect(decideCheckIn(c, booking, at('2026-11-24', '09:00'))).toEqual({ ok: false, code: 'booking-not-today' });
    expect(decideCheckIn(c, booking, at('2026-11-26', '09:00'))).toEqual({ ok: false, code: 'appointment-missed' });
    expect(decideCheckIn(c, { ...booking, status: 'cancelled' }, at('2026-11-25', '09:00'))).toEqual({ ok: false, code: 'booking-cancelled' });
    expect(decideCheckIn(c, { ...booking, status: 'checked-in' }, at('2026-11-25', '09:00'))).toEqual({ ok: false, code: 'already-checked-in' });
  });

  it('releases a booking not checked in by the end of its window', () => {
    expect(bookingState(c, booking, at('2026-11-25', '09:15'))).toBe('booked');
    expect(bookingState(c, booking, at('2026-11-25', '09:16'))).toBe('missed');
    expect(cancelRefusal(c, booking, at('2026-11-25', '09:16'))).toBe('appointment-missed');
    expect(cancelRefusal(c, booking, at('2026-11-25', '08:00'))).toBeNull();
    expect(cancelRefusal(c, { ...booking, status: 'checked-in' }, at('2026-11-25', '08:00'))).toBe('already-checked-in');
  });
});

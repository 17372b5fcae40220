// The appointment book's rules as pure functions: which slots a field has on a day, whether a
// booking may be made, cancelled or checked in. The booking store (server/appointments/) keeps
// the book on disk and runs every change through these, one at a time.
import type { Booking, BookingState, BookingVia } from '@protocol/appointments';
import { addDays, localClock, weekdayOf } from '@protocol/calendar-days';
import { minutesOf, type CentreConfig } from '@protocol/config';
import type { ErrorCode } from '@protocol/errors';
import { isHoliday } from '@protocol/holidays';
import { localDay } from '@protocol/local-time';

export interface Slot {
  start: string;
  end: string;
  capacity: number;
}

const hhmm = (minutes: number) => `${String(Math.floor(minutes / 60)).padStart(2, '0')}:${String(minutes % 60).padStart(2, '0')}`;

/** The slots a field has on a day: its weekday's intervals cut into whole slots; none on a holiday. */
export function slotsOfDay(config: CentreConfig, serviceId: string, day: string): Slot[] {
  const field = config.appointments.fields.find((f) => f.serviceId === serviceId);
  if (!field || isHoliday(config.openingHours, day)) return [];
  const slots: Slot[] = [];
  for (const interval of field.weekly[weekdayOf(day)] ?? []) {
    const last = minutesOf(interval.to);
    for (let m = minutesOf(interval.from); m + field.slotMinutes <= last; m += field.slotMinutes) {
      slots.push({ start: hhmm(m), end: hhmm(m + field.slotMinutes), capacity: interval.capacity });
    }
  }
  return slots;
}

/** A booking that holds its slot: not cancelled (a checked-in or missed one still used it). */
export const holdsSlot = (b: Booking) => b.status !== 'cancelled';

export function bookedInSlot(bookings: readonly Booking[], serviceId: string, day: string, start: string): number {
  let n = 0;
  for (const b of bookings) if (holdsSlot(b) && b.serviceId === serviceId && b.day === day && b.start === start) n++;
  return n;
}

/** The days a citizen may book now: today and the next daysAhead days. */
export function bookableDays(config: CentreConfig, now: number): string[] {
  const today = localDay(now, config.centre.timeZone);
  return Array.from({ length: config.appointments.daysAhead + 1 }, (_, i) => addDays(today, i));
}

export interface BookingContext {
  now: number;
  config: CentreConfig;
  newId: () => string;
  /** A fresh random code; the rule retries while it is taken. */
  newCode: () => string;
}

export interface BookingRequest {
  serviceId: string;
  day: string;
  start: string;
  /** Already normalised (0 and nine digits). */
  phone: string;
  name?: string;
  via: BookingVia;
}

export type BookingDecision = { ok: true; booking: Booking } | { ok: false; code: ErrorCode };

/** A new booking, or why not: the slot must exist, lie ahead, have room, and the phone be within its limit. */
export function decideBooking(bookings: readonly Booking[], req: BookingRequest, ctx: BookingContext): BookingDecision {
  const { config, now } = ctx;
  if (!config.appointments.enabled) return { ok: false, code: 'appointments-off' };
  const service = config.services.find((s) => s.id === req.serviceId);
  if (!service) return { ok: false, code: 'unknown-service' };
  if (!service.active) return { ok: false, code: 'service-inactive' };
  if (!bookableDays(config, now).includes(req.day)) return { ok: false, code: 'no-such-slot' };
  const slot = slotsOfDay(config, req.serviceId, req.day).find((s) => s.start === req.start);
  if (!slot || slotStartsAt(config, req.day, slot.start) <= now) return { ok: false, code: 'no-such-slot' };
  if (bookedInSlot(bookings, req.serviceId, req.day, req.start) >= slot.capacity) return { ok: false, code: 'slot-full' };
  const samePhone = bookings.filter((b) => holdsSlot(b) && b.phone === req.phone && b.day === req.day).length;
  if (samePhone >= config.appointments.perPhonePerDay) return { ok: false, code: 'booking-limit' };
  const taken = new Set(bookings.filter(holdsSlot).map((b) => b.code));
  let code = ctx.newCode();
  while (taken.has(code)) code = ctx.newCode();
  return {
    ok: true,
    booking: {
      id: ctx.newId(),
      code,
      serviceId: req.serviceId,
      day: req.day,
      start: slot.start,
      end: slot.end,
      phone: req.phone,
      ...(req.name !== undefined ? { name: req.name } : {}),
      via: req.via,
      bookedAt: now,
      status: 'booked',
    },
  };
}

export function slotStartsAt(config: CentreConfig, day: string, start: string): number {
  return localClock(day, start, config.centre.timeZone);
}

/** When check-in opens and closes for a booking (epoch ms). */
export function checkInWindow(config: CentreConfig, booking: Pick<Booking, 'day' | 'start'>): { from: number; until: number; dueAt: number } {
  const dueAt = slotStartsAt(config, booking.day, booking.start);
  return { from: dueAt - config.appointments.checkInEarlyMinutes * 60_000, until: dueAt + config.appointments.checkInLateMinutes * 60_000, dueAt };
}

export function bookingState(config: CentreConfig, booking: Booking, now: number): BookingState {
  if (booking.status !== 'booked') return booking.status;
  return now > checkInWindow(config, booking).until ? 'missed' : 'booked';
}

export type CheckInDecision = { ok: true; dueAt: number } | { ok: false; code: ErrorCode };

/** Whether the booking may be checked in now, and from when its ticket goes first. */
export function decideCheckIn(config: CentreConfig, booking: Booking, now: number): CheckInDecision {
  if (booking.status === 'cancelled') return { ok: false, code: 'booking-cancelled' };
  if (booking.status === 'checked-in') return { ok: false, code: 'already-checked-in' };
  if (booking.day !== localDay(now, config.centre.timeZone)) return { ok: false, code: now < checkInWindow(config, booking).from ? 'booking-not-today' : 'appointment-missed' };
  const window = checkInWindow(config, booking);
  if (now < window.from) return { ok: false, code: 'check-in-too-early' };
  if (now > window.until) return { ok: false, code: 'appointment-missed' };
  return { ok: true, dueAt: window.dueAt };
}

/** Whether the booking may be cancelled now: before it is checked in and while its window is open. */
export function cancelRefusal(config: CentreConfig, booking: Booking, now: number): ErrorCode | null {
  if (booking.status === 'checked-in') return 'already-checked-in';
  if (booking.status === 'cancelled') return null;
  if (bookingState(config, booking, now) === 'missed') return 'appointment-missed';
  return null;
}

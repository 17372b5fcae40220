// Appointments: a slot of a field on a day, booked by a citizen's phone, by an officer for a
// caller or by the one-stop-shop software, checked in at the kiosk or on the phone within its
// window, then called first in its field (docs/queue-policy.md).
import { z } from 'zod';

export type BookingStatus = 'booked' | 'checked-in' | 'cancelled';
/** Who made the booking: the citizen's phone page, an officer or guide for a caller, an integration. */
export type BookingVia = 'phone' | 'staff' | 'api';

export interface Booking {
  id: string;
  /** What the citizen keeps (and its QR code): six letters and digits that cannot be misread. */
  code: string;
  serviceId: string;
  /** The local day, YYYY-MM-DD, and the slot's local start and end, HH:MM. */
  day: string;
  start: string;
  end: string;
  /** The citizen's phone number (0 and nine digits): the limits count by it, an officer calls it. */
  phone: string;
  name?: string;
  via: BookingVia;
  bookedAt: number;
  status: BookingStatus;
  cancelledAt?: number;
  checkedInAt?: number;
  ticketId?: string;
}

/** How a booking stands now: `missed` is a booking whose check-in window closed unused (released). */
export type BookingState = BookingStatus | 'missed';

/** One slot of a field on a day, as the booking page lists it. */
export interface SlotView {
  start: string;
  end: string;
  capacity: number;
  free: number;
}

/** What the phone page and the booking's QR code show of a booking (the phone number masked). */
export interface BookingView {
  code: string;
  serviceId: string;
  serviceName: string;
  day: string;
  start: string;
  end: string;
  /** "09•• ••• 678" */
  phoneMasked: string;
  name?: string;
  state: BookingState;
  /** When check-in opens and closes (epoch ms). */
  checkInFrom: number;
  checkInUntil: number;
  /** The centre's time zone, to show those two as its clock reads them. */
  timeZone: string;
  /** The server's clock when it answered: the phone counts down to check-in by it, not by its own clock. */
  serverTime: number;
  /** The ticket made at check-in: the phone page follows it. */
  ticketId?: string;
}

/** The letters and digits a booking code is made of: none that reads like another (no I, O, 0, 1). */
export const BOOKING_CODE_LETTERS = 'ABCDEFGHJKLMNPQRSTUVWXYZ23456789';
export const BOOKING_CODE_LENGTH = 6;

export const bookingCodeSchema = z
  .string()
  .trim()
  .transform((c) => c.toUpperCase())
  .pipe(z.string().regex(/^[A-HJ-NP-Z2-9]{6}$/, 'Mã lịch hẹn gồm 6 ký tự (booking code: 6 letters and digits)'));

const isoDay = z.string().regex(/^\d{4}-\d{2}-\d{2}$/, 'Ngày theo dạng YYYY-MM-DD');
const clock = z.string().regex(/^([01]\d|2[0-3]):[0-5]\d$/, 'Giờ theo dạng HH:MM');
/** What a citizen types; the server reads it as a Vietnamese mobile number or refuses it (invalid-phone). */
export const typedPhoneSchema = z.string().trim().min(9).max(20);

export const bookSchema = z.strictObject({
  serviceId: z.string().min(1).max(40),
  day: isoDay,
  start: clock,
  phone: typedPhoneSchema,
  name: z.string().trim().min(1).max(80).optional(),
});

export type BookRequest = z.infer<typeof bookSchema>;

// The bookings made on this phone, kept in its own storage so reopening /ticket/ lists them.
// Only what the list shows before the server answers is kept; the server's look-up says how
// each stands now. A booking the server no longer knows, or one of a day gone by, is dropped.
import type { BookingView } from '@protocol/appointments';

const KEY = 'qms.bookings';

export interface StoredBooking {
  code: string;
  serviceName: string;
  day: string;
  start: string;
  end: string;
}

export function storedBookings(): StoredBooking[] {
  try {
    const list: unknown = JSON.parse(localStorage.getItem(KEY) ?? '[]');
    return Array.isArray(list) ? list.filter((b): b is StoredBooking => typeof b?.code === 'string' && typeof b?.day === 'string') : [];
  } catch {
    return [];
  }
}

function save(list: StoredBooking[]): void {
  localStorage.setItem(KEY, JSON.stringify(list));
}

export function keepBooking(view: BookingView): void {
  const entry: StoredBooking = { code: view.code, serviceName: view.serviceName, day: view.day, start: view.start, end: view.end };
  save([...storedBookings().filter((b) => b.code !== view.code), entry].sort((a, b) => (a.day + a.start < b.day + b.start ? -1 : 1)));
}

export function forgetBooking(code: string): void {
  save(storedBookings().filter((b) => b.code !== code));
}

/** Drops the bookings of days before `today` (the centre's day). */
export function forgetBookingsBefore(today: string): void {
  const list = storedBookings();
  const kept = list.filter((b) => b.day >= today);
  if (kept.length !== list.length) save(kept);
}

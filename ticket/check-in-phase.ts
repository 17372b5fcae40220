// Where a booking stands against the clock: before its check-in window, inside it, or past it.
import type { BookingView } from '@protocol/appointments';
import { localClock } from '@protocol/calendar-days';

export type CheckInPhase = 'before' | 'open' | 'over';

export function checkInPhase(view: BookingView, now: number): CheckInPhase {
  if (now < view.checkInFrom) return 'before';
  return now <= view.checkInUntil ? 'open' : 'over';
}

/** When the slot begins (epoch ms): the appointment's time. */
export function appointmentAt(view: BookingView): number {
  return localClock(view.day, view.start, view.timeZone);
}

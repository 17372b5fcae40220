// Why an appointment could not be checked in, in the citizen's words: the server's refusal
// with what its booking says (the slot, when check-in opens), and for a mistyped code a way
// straight back to the keypad.
import type { BookingView } from '@protocol/appointments';
import { viDate } from '@protocol/calendar-days';
import type { ErrorCode } from '@protocol/errors';
import { formatTime } from '@client/format';
import { errorMessages } from '@protocol/errors';
import { RefusalPanel, refusalText } from './refusal-message';
import { kioskTexts as t } from './texts';

function checkInRefusalText(code: ErrorCode, typed: string, booking: BookingView | undefined, calledLabel: string | undefined, timeZone: string): string {
  switch (code) {
    case 'already-checked-in':
      return calledLabel ? t.checkInCalled(calledLabel) : errorMessages[code].vi;
    case 'unknown-booking':
    case 'invalid-payload':
      return t.checkInUnknown(typed);
    case 'check-in-too-early':
      return booking ? t.checkInTooEarly(booking.start, formatTime(booking.checkInFrom, timeZone)) : errorMessages[code].vi;
    case 'booking-not-today':
      return booking ? t.checkInNotToday(viDate(booking.day), booking.start) : errorMessages[code].vi;
    case 'appointment-missed':
      return booking ? t.checkInMissed(booking.start) : errorMessages[code].vi;
    case 'booking-cancelled':
      return t.checkInCancelled;
    case 'outside-opening-hours':
    case 'rate-limited':
    case 'internal':
    case 'storage-unavailable':
      return refusalText(code, booking?.serviceName ?? '');
    default:
      return errorMessages[code]?.vi ?? t.refusedOther;
  }
}

export function CheckInRefusal(props: { code: ErrorCode; typed: string; booking?: BookingView; calledLabel?: string; timeZone: string; seconds: number; onDone: () => void; onRetype: (typed: string) => void }) {
  const mistyped = props.code === 'unknown-booking' || props.code === 'invalid-payload';
  return (
    <RefusalPanel
      code={props.code}
      title={t.checkInRefusedTitle}
      text={checkInRefusalText(props.code, props.typed, props.booking, props.calledLabel, props.timeZone)}
      seconds={props.seconds}
      onDone={props.onDone}
      {...(mistyped ? { retry: { label: t.checkInRetype, onRetry: () => props.onRetype(props.typed) } } : {})}
    />
  );
}

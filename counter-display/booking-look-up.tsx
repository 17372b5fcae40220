// A booking found by its code (a caller who wants to check or cancel it): its slot and state,
// and cancelling it, which frees its place for someone else.
import { useState } from 'preact/hooks';
import type { BookingView } from '@protocol/appointments';
import type { CentreConfig } from '@protocol/config';
import { localDay } from '@protocol/local-time';
import { request } from '@client/api';
import { errorText } from '@client/texts';
import { dayLabel } from './book-for-caller';
import { texts as t } from './texts';

export function BookingLookUp(props: { token: string; config: CentreConfig; now: number; onClose: () => void }) {
  const today = localDay(props.now, props.config.centre.timeZone);
  const [code, setCode] = useState('');
  const [booking, setBooking] = useState<BookingView | null>(null);
  const [asking, setAsking] = useState(false);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState('');
  const [done, setDone] = useState('');

  const find = async () => {
    setBusy(true);
    setError('');
    setDone('');
    setAsking(false);
    const res = await request('appointment:look-up', { code: code.trim() }, props.token);
    setBusy(false);
    setBooking(res.ok ? res.data : null);
    if (!res.ok) setError(errorText(res.error));
  };
  const cancel = async () => {
    if (!booking) return;
    setBusy(true);
    setError('');
    const res = await request('appointment:cancel', { code: booking.code }, props.token);
    setBusy(false);
    setAsking(false);
    if (res.ok) {
      setBooking(res.data);
      setDone(t.cancelledToast(res.data.code));
    } else setError(errorText(res.error));
  };

  return (
    <form
      class="booking-look-up"
      onSubmit={(e) => {
        e.preventDefault();
        void find();
      }}
    >
      <div class="find-row">
        <label>
          {t.findCode}
          <input name="code" class="label-input" autoComplete="off" maxLength={6} value={code} onInput={(e) => setCode((e.target as HTMLInputElement).value.toUpperCase())} />
        </label>
        <button type="submit" class="big-button" data-action="find-booking" disabled={busy || code.trim().length === 0}>
          {t.findSubmit}
        </button>
      </div>
      {booking && (
        <dl class="booking-found" data-booking-code={booking.code} data-state={booking.state}>
          <dt>{t.bookField}</dt>
          <dd>{booking.serviceName}</dd>
          <dt>{t.bookSlot}</dt>
          <dd>
            {dayLabel(booking.day, today)}, {t.slotRange(booking.start, booking.end)}
          </dd>
          <dt>{t.bookPhone}</dt>
          <dd>{booking.phoneMasked}</dd>
          {booking.name && (
            <>
              <dt>{t.bookName}</dt>
              <dd>{booking.name}</dd>
            </>
          )}
          <dt>{t.bookingState}</dt>
          <dd class="booking-state">{t.bookingStates[booking.state]}</dd>
        </dl>
      )}
      {done && (
        <p class="feedback ok" role="status">
          {done}
        </p>
      )}
      {error && (
        <p class="error" role="alert">
          {error}
        </p>
      )}
      {asking && <p class="hint warning">{t.cancelBookingSure}</p>}
      <div class="dialog-buttons">
        <button type="button" class="plain-button" onClick={props.onClose}>
          {t.close}
        </button>
        {booking?.state === 'booked' &&
          (asking ? (
            <>
              <button type="button" class="plain-button" onClick={() => setAsking(false)}>
                {t.cancelBookingNo}
              </button>
              <button type="button" class="big-button danger" data-action="cancel-booking-sure" disabled={busy} onClick={() => void cancel()}>
                {t.cancelBookingYes}
              </button>
            </>
          ) : (
            <button type="button" class="big-button" data-action="cancel-booking" onClick={() => setAsking(true)}>
              {t.cancelBooking}
            </button>
          ))}
      </div>
    </form>
  );
}

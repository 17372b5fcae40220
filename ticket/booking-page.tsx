// A booking's own page (/ticket/?booking=CODE), which its QR code opens: the code large, the
// field, day and slot, the masked phone number, how it stands, and when check-in opens and
// closes. While open it counts down to the appointment and alerts when check-in opens; inside
// the window "Nhận số thứ tự" checks it in and the page becomes its ticket's, followed like any
// number from the phone. It may be cancelled, after a confirmation, until it is checked in.
import { useState } from 'preact/hooks';
import type { BookingView } from '@protocol/appointments';
import type { ErrorBody } from '@protocol/errors';
import { localDay } from '@protocol/local-time';
import { request } from '@client/api';
import { formatTime } from '@client/format';
import { QrImage } from '@client/qr-image';
import { errorText } from '@client/texts';
import { appointmentAt, type CheckInPhase } from './check-in-phase';
import { navigate } from './navigate';
import { texts as t } from './texts';
import { useBooking } from './use-booking';
import { useCheckInAlert } from './use-check-in-alert';
import { VibrateOptIn } from './vibrate-opt-in';

export function BookingPage(props: { code: string }) {
  const { view, error, now, phase, setView, refresh } = useBooking(props.code);
  const alerted = useCheckInAlert(phase, view?.state === 'booked');
  // Arrived from the booking form: the booking is confirmed here.
  const justBooked = new URLSearchParams(location.search).has('new');
  return (
    <>
      <header class="page-header">{t.bookingHeading}</header>
      <main class="ticket booking-page">
        {view ? (
          <>
            {justBooked && view.state === 'booked' && (
              <p class="taken" role="status">
                {t.booked}
              </p>
            )}
            <BookingCard view={view} now={now} />
            {view.state === 'booked' && phase && <CheckInBlock view={view} now={now} phase={phase} alerted={alerted} onRefused={refresh} />}
            {view.state === 'checked-in' && view.ticketId && (
              <section class="status-block booking-note" data-state="checked-in">
                <p class="hint">{t.checkedInNote}</p>
                <a class="follow-ticket" href={`./?id=${encodeURIComponent(view.ticketId)}`}>
                  {t.followTicket}
                </a>
              </section>
            )}
            {view.state === 'missed' && (
              <section class="status-block booking-note no-show" data-state="missed">
                <p class="hint">{t.missedNote}</p>
              </section>
            )}
            {view.state === 'cancelled' && (
              <section class="status-block booking-note" data-state="cancelled">
                <p class="hint">{t.cancelledNote}</p>
              </section>
            )}
            {view.state === 'booked' && <CancelBlock code={view.code} onCancelled={setView} />}
          </>
        ) : error && error.code !== 'internal' ? (
          <section class="notice" role="alert">
            <p>{errorText(error)}</p>
          </section>
        ) : (
          <p class="notice">{t.loadingBooking}</p>
        )}
        <a class="book-back" href="./">
          {t.toTakeNumber}
        </a>
      </main>
    </>
  );
}

function BookingCard(props: { view: BookingView; now: number }) {
  const { view } = props;
  const today = localDay(props.now, view.timeZone);
  const time = (ms: number) => formatTime(ms, view.timeZone);
  const url = `${location.origin}/ticket/?booking=${view.code}`;
  return (
    <section class={`ticket-card booking-card ${view.state}`}>
      <p class="ticket-heading">{t.bookingCodeLabel}</p>
      <p class="booking-code">{view.code}</p>
      <p class="ticket-service">{view.serviceName}</p>
      <p class="booking-when">
        {t.dayLabel(view.day, today)} · {t.slotTime(view.start, view.end)}
      </p>
      <p class="ticket-status booking-state" data-state={view.state}>
        {t.bookingState[view.state]}
      </p>
      <QrImage text={url} label={t.bookingQr} class="booking-qr" />
      <p class="booking-detail">{t.phoneMasked(view.phoneMasked)}</p>
      {view.name && <p class="booking-detail">{t.bookedName(view.name)}</p>}
      <p class="booking-detail booking-window">{t.checkInWindow(time(view.checkInFrom), time(view.checkInUntil))}</p>
      <p class="ticket-issued">{t.bookingQrHint}</p>
    </section>
  );
}

function CheckInBlock(props: { view: BookingView; now: number; phase: CheckInPhase; alerted: boolean; onRefused: () => Promise<void> }) {
  const { view, now, phase } = props;
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<ErrorBody | null>(null);
  const dueAt = appointmentAt(view);
  const opensAt = view.checkInFrom;
  const today = localDay(now, view.timeZone);
  const opensDay = localDay(opensAt, view.timeZone);
  const opensText = t.opensAt(formatTime(opensAt, view.timeZone), opensDay === today ? null : opensDay);

  const checkIn = async () => {
    setBusy(true);
    setError(null);
    const res = await request('appointment:check-in', { code: view.code });
    setBusy(false);
    // Its ticket from here on, in this same page: the tap that allowed the buzz still counts.
    if (res.ok) navigate(`./?id=${encodeURIComponent(res.data.id)}&new=1`);
    else {
      setError(res.error);
      await props.onRefused();
    }
  };

  return (
    <section class={`status-block check-in ${phase}`} data-phase={phase}>
      {phase === 'open' && (
        <div class={`check-in-open${props.alerted ? ' alerted' : ''}`} role="alert">
          <p class="check-in-open-title">{t.checkInOpen}</p>
          <p class="hint">{t.checkInOpenHint}</p>
        </div>
      )}
      {now < dueAt && <p class="reminder">{t.untilAppointment(dueAt - now)}</p>}
      {phase === 'before' && opensAt !== dueAt && <p class="hint reminder-check-in">{t.untilCheckIn(opensAt - now)}</p>}
      {phase === 'open' && <p class="hint">{t.checkInClosesIn(view.checkInUntil - now)}</p>}
      <button type="button" class="check-in-button" disabled={phase !== 'open' || busy} onClick={() => void checkIn()}>
        {busy ? t.checkingIn : t.checkInButton}
      </button>
      {phase !== 'open' && <p class="check-in-reason">{phase === 'before' ? t.checkInNotYet(opensText) : t.checkInOver}</p>}
      {error && (
        <p class="take-error" role="alert" data-code={error.code}>
          {errorText(error)}
        </p>
      )}
      {phase === 'before' && <VibrateOptIn offer={t.bookingOptIn} on={t.bookingOptInOn} />}
    </section>
  );
}

function CancelBlock(props: { code: string; onCancelled: (view: BookingView) => void }) {
  const [asking, setAsking] = useState(false);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<ErrorBody | null>(null);
  const cancel = async () => {
    setBusy(true);
    setError(null);
    const res = await request('appointment:cancel', { code: props.code });
    setBusy(false);
    setAsking(false);
    if (res.ok) props.onCancelled(res.data);
    else setError(res.error);
  };
  return (
    <section class="cancel-booking">
      {!asking ? (
        <button type="button" class="cancel-button" onClick={() => setAsking(true)}>
          {t.cancelButton}
        </button>
      ) : (
        <div class="cancel-confirm" role="alertdialog" aria-label={t.cancelButton}>
          <p>{t.cancelQuestion}</p>
          <button type="button" class="cancel-yes" disabled={busy} onClick={() => void cancel()}>
            {busy ? t.cancelling : t.cancelYes}
          </button>
          <button type="button" class="cancel-no" disabled={busy} onClick={() => setAsking(false)}>
            {t.cancelNo}
          </button>
        </div>
      )}
      {error && (
        <p class="take-error" role="alert" data-code={error.code}>
          {errorText(error)}
        </p>
      )}
    </section>
  );
}

import type { IssuedTicket } from '@protocol/events';
import { QrImage } from '@client/qr-image';
import { useCountdown } from './countdown';
import { kioskTexts as t } from './texts';

// Without paper the citizen must photograph or copy the number, which takes longer than a glance.
const UNPRINTED_SECONDS = 60;

/**
 * The number in very large type, the field, how many are ahead and where to go. When the
 * printer failed the number stays up longer with a QR code of the ticket's page, and only
 * the button closes it, so a stray touch does not lose a number nobody has on paper.
 */
export function TicketConfirmation(props: {
  ticket: IssuedTicket;
  priorityName?: string;
  /** Checked in by a booking code: the slot, and whether this booking had been checked in before. */
  appointment?: { start: string; again: boolean };
  confirmSeconds: number;
  paperAtKiosk: boolean;
  onDone: () => void;
}) {
  const { appointment } = props;
  const { ticket } = props;
  const left = useCountdown(ticket.printed ? props.confirmSeconds : UNPRINTED_SECONDS, props.onDone);
  return (
    <section
      class={`kiosk-panel confirmation ${ticket.printed ? 'printed' : 'not-printed'}${appointment ? ' appointment' : ''}`}
      data-ticket-id={ticket.id}
      onClick={ticket.printed ? props.onDone : undefined}
    >
      <div class="confirmation-main">
        <div class="confirmation-heading">{t.ticketHeading}</div>
        <div class="confirmation-number" data-label={ticket.label}>
          {ticket.label}
        </div>
        {ticket.priority && <div class="confirmation-priority">{props.priorityName ? `${t.priorityTicket} – ${props.priorityName}` : t.priorityTicket}</div>}
        {appointment && (
          <div class="confirmation-appointment" data-appointment={appointment.start}>
            {t.appointmentAt(appointment.start)}
          </div>
        )}
        {appointment?.again && <div class="confirmation-again">{t.appointmentAgain}</div>}
        <div class="confirmation-field">{ticket.serviceName}</div>
        <div class="confirmation-ahead">{t.aheadOfYou(ticket.waitingAhead)}</div>
        {ticket.waitEstimate && <div class="confirmation-estimate">{t.waitEstimate(ticket.waitEstimate)}</div>}
        {ticket.counterIds.length > 0 && <div class="confirmation-counters">{t.goToCounters(ticket.counterIds)}</div>}
        {ticket.printed ? (
          <div class="confirmation-take">{props.paperAtKiosk ? t.takeYourTicket : t.takeYourTicketElsewhere}</div>
        ) : (
          <div class="confirmation-printer-failed" role="alert">
            {t.printerFailed}
          </div>
        )}
        <div class="confirmation-wait">{t.waitForCall}</div>
      </div>
      {!ticket.printed && (
        <div class="confirmation-qr">
          <QrImage text={ticket.url} label={t.scanToFollow} />
          <p>{t.scanToFollow}</p>
        </div>
      )}
      <div class="confirmation-footer">
        <button class="kiosk-done" onClick={props.onDone}>
          {t.done}
        </button>
        <span class="confirmation-countdown">{t.returningIn(left)}</span>
      </div>
    </section>
  );
}

// The citizen's own ticket on their phone: the number, where it stands, and the rating.
import type { RateOutcome } from '@client/rating-form';
import { formatTime } from '@client/format';
import { ConnectionBanner } from '@client/pairing';
import { errorText } from '@client/texts';
import { RatingSection } from './rating-section';
import { TicketStatusBlock } from './ticket-status';
import { texts as t } from './texts';
import { useVibrateOnCall } from './use-vibrate-on-call';
import { useWatchedTicket } from './use-watched-ticket';

export function TicketPage(props: { ticketId: string }) {
  const { conn, status, view, error, setView, refresh } = useWatchedTicket(props.ticketId);
  useVibrateOnCall(view);
  const centreName = view?.centreName;
  // Arrived from the take-a-number page: the number is confirmed here.
  const justTaken = new URLSearchParams(location.search).has('new');

  const rate = async (score: number, reason?: string): Promise<RateOutcome> => {
    const res = await conn.send('ticket:rate', { ticketId: props.ticketId, score, ...(reason ? { reason } : {}) });
    if (res.ok) {
      setView(res.data);
      return { retry: false };
    }
    // Rated meanwhile (at the counter's terminal): show that rating.
    if (res.error.code === 'already-rated') {
      await refresh();
      return { retry: false };
    }
    return { retry: true, message: errorText(res.error) };
  };

  return (
    <>
      <ConnectionBanner status={status} />
      <header class="page-header">{centreName}</header>
      <main class="ticket">
        {view ? (
          <>
            <section class={`ticket-card ${view.status}`}>
              <p class="ticket-heading">{t.heading}</p>
              <p class="ticket-label">{view.label}</p>
              <p class="ticket-service">{view.serviceName}</p>
              <p class="ticket-status" data-status={view.status}>
                {t.status[view.status]}
              </p>
              <p class="ticket-issued">{t.issuedAt(formatTime(view.issuedAt, view.timeZone))}</p>
            </section>
            {justTaken && view.status === 'waiting' && (
              <p class="taken" role="status">
                {t.taken} <a href="./">{t.takeAnother}</a>
              </p>
            )}
            <TicketStatusBlock view={view} />
            <RatingSection view={view} onRate={rate} />
          </>
        ) : error && error.code !== 'internal' ? (
          <section class="notice" role="alert">
            <p>{errorText(error)}</p>
            <p>{t.dayOnly}</p>
          </section>
        ) : (
          <p class="notice">{t.loading}</p>
        )}
      </main>
    </>
  );
}

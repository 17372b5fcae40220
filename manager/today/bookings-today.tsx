// Today's appointment book, read-only: who is expected at which slot in which field, and
// whether they came (checked in, with their number), cancelled or missed their window. Read
// again when a check-in makes a ticket, every minute (bookings from phones, missed windows),
// and on demand.
import { useEffect, useRef } from 'preact/hooks';
import type { LiveData } from '@client/connection';
import { errorText } from '@client/texts';
import { Card } from '../card';
import { todayBookingTexts as t } from '../texts';
import { useResource } from '../use-resource';

const RECHECK_MS = 500;
const RECHECKS = 10;
const REFRESH_MS = 60_000;

export function BookingsToday(props: { live: LiveData }) {
  const state = props.live.state;
  const checkedIn = state ? Object.values(state.tickets).filter((x) => x.appointment).length : 0;
  const book = useResource('appointments:day', {});
  const bookings = book.data ?? [];
  // The check-in's ticket reaches this page before the book has recorded it: until the book
  // shows as many check-ins as the queue has appointment tickets, ask again a moment later.
  const listed = bookings.filter((b) => b.state === 'checked-in').length;
  // A book that never catches up (restored apart from the journal) is not asked forever.
  const tries = useRef({ checkedIn, left: RECHECKS });
  if (tries.current.checkedIn !== checkedIn) tries.current = { checkedIn, left: RECHECKS };
  useEffect(() => {
    if (book.data === null || listed >= checkedIn || tries.current.left-- <= 0) return;
    const again = setTimeout(() => void book.reload(), RECHECK_MS);
    return () => clearTimeout(again);
  }, [checkedIn, listed, book.data]);
  useEffect(() => {
    const every = setInterval(() => void book.reload(), REFRESH_MS);
    return () => clearInterval(every);
  }, [book.reload]);
  return (
    <Card
      title={t.heading}
      class="bookings-today"
      actions={
        <button type="button" class="secondary" data-action="reload-bookings" onClick={() => void book.reload()}>
          {t.reload}
        </button>
      }
    >
      {book.error && <p class="error">{errorText(book.error)}</p>}
      {book.data && bookings.length === 0 && <p class="muted">{t.none}</p>}
      {bookings.length > 0 && (
        <div class="table-scroll">
          <table class="data-table">
            <thead>
              <tr>
                <th>{t.slot}</th>
                <th>{t.field}</th>
                <th>{t.code}</th>
                <th>{t.citizen}</th>
                <th>{t.phone}</th>
                <th>{t.state}</th>
              </tr>
            </thead>
            <tbody>
              {bookings.map((b) => {
                const label = b.ticketId ? state?.tickets[b.ticketId]?.label : undefined;
                return (
                  <tr key={b.code} data-booking={b.code} data-state={b.state}>
                    <td>
                      {b.start}–{b.end}
                    </td>
                    <td>{b.serviceName}</td>
                    <td class="strong">{b.code}</td>
                    <td>{b.name ?? '—'}</td>
                    <td>{b.phoneMasked}</td>
                    <td>{label ? t.checkedInAs(label) : t.states[b.state]}</td>
                  </tr>
                );
              })}
            </tbody>
          </table>
        </div>
      )}
    </Card>
  );
}

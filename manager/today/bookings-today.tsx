// Today's appointment book, read-only: who is expected at which slot in which field, and
// whether they came (checked in, with their number), cancelled or missed their window. Read
// again whenever a check-in makes a ticket, or on demand (a booking by phone makes none).
import { useEffect } from 'preact/hooks';
import type { LiveData } from '@client/connection';
import { errorText } from '@client/texts';
import { Card } from '../card';
import { todayBookingTexts as t } from '../texts';
import { useResource } from '../use-resource';

export function BookingsToday(props: { live: LiveData }) {
  const state = props.live.state;
  const checkedIn = state ? Object.values(state.tickets).filter((x) => x.appointment).length : 0;
  const book = useResource('appointments:day', {});
  useEffect(() => {
    if (checkedIn > 0) void book.reload();
  }, [checkedIn]);
  const bookings = book.data ?? [];
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

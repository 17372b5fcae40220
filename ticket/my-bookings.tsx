// The bookings made on this phone, at the top of the take-number page: each as the server says
// it stands now, leading to its own page (or to its ticket once checked in).
import { useEffect, useState } from 'preact/hooks';
import type { BookingView } from '@protocol/appointments';
import { localDay } from '@protocol/local-time';
import { request } from '@client/api';
import { forgetBooking, forgetBookingsBefore, storedBookings, type StoredBooking } from './stored-bookings';
import { texts as t } from './texts';

export function MyBookings() {
  const [kept, setKept] = useState<StoredBooking[]>(storedBookings);
  const [views, setViews] = useState<Record<string, BookingView>>({});

  useEffect(() => {
    let current = true;
    void Promise.all(
      storedBookings().map(async (b) => {
        const res = await request('appointment:look-up', { code: b.code });
        // Gone from the server's book (a restore, another centre's code): not this phone's any more.
        if (!res.ok && res.error.code === 'unknown-booking') forgetBooking(b.code);
        return res.ok ? res.data : null;
      }),
    ).then((answers) => {
      if (!current) return;
      const found = answers.filter((v): v is BookingView => v !== null);
      if (found[0]) forgetBookingsBefore(localDay(found[0].serverTime, found[0].timeZone));
      setViews(Object.fromEntries(found.map((v) => [v.code, v])));
      setKept(storedBookings());
    });
    return () => {
      current = false;
    };
  }, []);

  if (kept.length === 0) return null;
  const today = (v: BookingView | undefined) => (v ? localDay(v.serverTime, v.timeZone) : kept[0].day);
  return (
    <section class="my-bookings">
      <h2 class="my-bookings-title">{t.myBookings}</h2>
      <ul>
        {kept.map((b) => {
          const view = views[b.code];
          const href = view?.state === 'checked-in' && view.ticketId ? `./?id=${encodeURIComponent(view.ticketId)}` : `./?booking=${b.code}`;
          return (
            <li key={b.code}>
              <a class="my-booking" href={href} data-code={b.code} data-state={view?.state}>
                <span class="my-booking-code">{b.code}</span>
                <span class="my-booking-line">
                  {b.serviceName} · {t.dayLabel(b.day, today(view))} · {t.slotTime(b.start, b.end)}
                </span>
                {view && <span class="my-booking-state">{t.bookingState[view.state]}</span>}
              </a>
            </li>
          );
        })}
      </ul>
    </section>
  );
}

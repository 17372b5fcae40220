// A slot booked for a citizen who calls or stands at the desk: the field (those taking
// appointments), the day, a slot with places left, the caller's phone number and name; then
// the booking's code large enough to read out over the phone, with its slot and check-in window.
import { useEffect, useState } from 'preact/hooks';
import type { BookingView, SlotView } from '@protocol/appointments';
import { localClock, viDate, weekdayOf } from '@protocol/calendar-days';
import type { CentreConfig } from '@protocol/config';
import { localDay } from '@protocol/local-time';
import { request } from '@client/api';
import { formatTime } from '@client/format';
import { errorText } from '@client/texts';
import { texts as t } from './texts';

const value = (e: Event) => (e.target as HTMLInputElement | HTMLSelectElement).value;

/** "Thứ Năm, 03/12/2026" (or "hôm nay"), as the day is offered and read back to the caller. */
export function dayLabel(day: string, today: string): string {
  const date = `${t.weekdays[weekdayOf(day)]}, ${viDate(day)}`;
  return day === today ? `${date} (${t.dayToday})` : date;
}

export function BookForCaller(props: { token: string; config: CentreConfig; now: number; onClose: () => void }) {
  const { config } = props;
  const timeZone = config.centre.timeZone;
  const today = localDay(props.now, timeZone);
  const fields = config.services.filter((s) => s.active && config.appointments.fields.some((f) => f.serviceId === s.id));
  const [serviceId, setServiceId] = useState(fields[0]?.id ?? '');
  const [day, setDay] = useState(today);
  const [days, setDays] = useState<string[]>([]);
  const [slots, setSlots] = useState<SlotView[] | null>(null);
  const [start, setStart] = useState('');
  const [phone, setPhone] = useState('');
  const [name, setName] = useState('');
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState('');
  const [booked, setBooked] = useState<BookingView | null>(null);

  // The slots of the chosen field and day, with the places left now (asked again after each booking).
  const [round, setRound] = useState(0);
  useEffect(() => {
    if (!serviceId) return;
    let current = true;
    setSlots(null);
    void request('appointments:slots', { serviceId, day }, props.token).then((res) => {
      if (!current) return;
      if (!res.ok) return setError(errorText(res.error));
      setDays(res.data.days);
      // This PC's day may not be the server's, or the day chosen has passed out of the book.
      if (!res.data.days.includes(day) && res.data.days.length > 0) return setDay(res.data.days[0]);
      setSlots(res.data.slots);
    });
    return () => {
      current = false;
    };
  }, [serviceId, day, round]);

  // Slots that have begun cannot be booked any more.
  const ahead = (slots ?? []).filter((s) => localClock(day, s.start, timeZone) > props.now);
  const chosen = ahead.find((s) => s.start === start && s.free > 0);

  const book = async () => {
    if (!chosen) return;
    setBusy(true);
    setError('');
    const res = await request('appointment:book', { serviceId, day, start: chosen.start, phone: phone.trim(), ...(name.trim() ? { name: name.trim() } : {}) }, props.token);
    setBusy(false);
    if (res.ok) return setBooked(res.data);
    setError(errorText(res.error));
    // Someone else took the last place meanwhile: show the slots as they are now.
    if (res.error.code === 'slot-full' || res.error.code === 'no-such-slot') setRound((n) => n + 1);
  };

  if (fields.length === 0) {
    return (
      <section class="book-for-caller">
        <p class="hint">{t.bookNoFields}</p>
        <div class="dialog-buttons">
          <button type="button" class="plain-button" onClick={props.onClose}>
            {t.close}
          </button>
        </div>
      </section>
    );
  }

  if (booked) {
    return (
      <section class="book-for-caller booked" data-booking-code={booked.code}>
        <p>{t.bookedHeading}</p>
        <p class="booking-code" aria-label={t.spelled(booked.code)}>
          {booked.code}
        </p>
        <p class="booked-when">{t.bookedWhen(booked.serviceName, dayLabel(booked.day, today), booked.start, booked.end)}</p>
        <p>{t.bookedPhone(booked.phoneMasked)}</p>
        <p class="hint">{t.bookedCheckIn(formatTime(booked.checkInFrom, timeZone), formatTime(booked.checkInUntil, timeZone))}</p>
        <div class="dialog-buttons">
          <button
            type="button"
            class="plain-button"
            onClick={() => {
              setBooked(null);
              setStart('');
              setPhone('');
              setName('');
              setRound((n) => n + 1);
            }}
          >
            {t.bookAnother}
          </button>
          <button type="button" class="big-button" onClick={props.onClose}>
            {t.close}
          </button>
        </div>
      </section>
    );
  }

  return (
    <form
      class="book-for-caller"
      onSubmit={(e) => {
        e.preventDefault();
        void book();
      }}
    >
      <div class="issue-fields" role="radiogroup" aria-label={t.bookField}>
        {fields.map((s) => (
          <button
            type="button"
            key={s.id}
            role="radio"
            aria-checked={serviceId === s.id}
            class={`issue-field ${serviceId === s.id ? 'chosen' : ''}`}
            data-service={s.id}
            onClick={() => {
              setServiceId(s.id);
              setStart('');
            }}
          >
            {s.name}
          </button>
        ))}
      </div>
      <label>
        {t.bookDay}
        <select
          name="day"
          value={day}
          onChange={(e) => {
            setDay(value(e));
            setStart('');
          }}
        >
          {(days.length > 0 ? days : [day]).map((d) => (
            <option key={d} value={d}>
              {dayLabel(d, today)}
            </option>
          ))}
        </select>
      </label>
      <div class="slot-choice">
        <span class="label-text">{t.bookSlot}</span>
        {slots === null ? (
          <p class="hint">{t.bookLoadingSlots}</p>
        ) : ahead.length === 0 ? (
          <p class="hint">{t.bookNoSlots}</p>
        ) : (
          <div class="slots" role="radiogroup" aria-label={t.bookSlot}>
            {ahead.map((s) => (
              <button
                type="button"
                key={s.start}
                role="radio"
                aria-checked={start === s.start}
                class={`slot ${start === s.start ? 'chosen' : ''}`}
                data-slot={s.start}
                disabled={s.free === 0}
                onClick={() => setStart(s.start)}
              >
                <strong>{t.slotRange(s.start, s.end)}</strong>
                <span>{t.slotFree(s.free)}</span>
              </button>
            ))}
          </div>
        )}
      </div>
      <div class="book-caller">
        <label>
          {t.bookPhone}
          <input name="phone" type="tel" autoComplete="off" maxLength={20} placeholder={t.bookPhonePlaceholder} value={phone} onInput={(e) => setPhone(value(e))} />
        </label>
        <label>
          {t.bookName}
          <input name="name" autoComplete="off" maxLength={80} value={name} onInput={(e) => setName(value(e))} />
        </label>
      </div>
      {error && (
        <p class="error" role="alert">
          {error}
        </p>
      )}
      <div class="dialog-buttons">
        <button type="button" class="plain-button" onClick={props.onClose}>
          {t.cancel}
        </button>
        <button type="submit" class="big-button" data-action="book" disabled={busy || !chosen || phone.trim().length < 9}>
          {t.bookSubmit}
        </button>
      </div>
    </form>
  );
}

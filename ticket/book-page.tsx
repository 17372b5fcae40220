// Booking a slot from the phone (/ticket/?book): the field, the day (today … daysAhead; a day
// the field has no slots on is shown closed), a slot with its free places (a full one shown but
// not chosen), the phone number kept on this phone and an optional name. A refusal is the
// server's sentence and changes nothing; a booking leads to its own page.
import { useEffect, useRef, useState } from 'preact/hooks';
import type { SlotView } from '@protocol/appointments';
import type { ErrorBody } from '@protocol/errors';
import type { AppointmentOffer } from '@protocol/events';
import { request } from '@client/api';
import { useStored } from '@client/hooks';
import { ConnectionBanner } from '@client/pairing';
import { errorText } from '@client/texts';
import { keepBooking } from './stored-bookings';
import { PHONE_KEY } from './take-number-page';
import { texts as t } from './texts';
import { usePhoneOffer } from './use-phone-offer';

export function BookPage() {
  const { status, offer } = usePhoneOffer();
  return (
    <>
      <ConnectionBanner status={status} />
      <header class="page-header">{offer?.centreName}</header>
      <main class="ticket book">
        <h1 class="take-title">{t.bookTitle}</h1>
        {!offer ? (
          <p class="notice">{t.loading}</p>
        ) : offer.appointments && offer.appointments.fields.length > 0 ? (
          <BookForm offer={offer.appointments} />
        ) : (
          <p class="notice book-off" role="alert">
            {t.bookOff}
          </p>
        )}
        <a class="book-back" href="./">
          {t.bookBack}
        </a>
      </main>
    </>
  );
}

function BookForm(props: { offer: AppointmentOffer }) {
  const { offer } = props;
  const [serviceId, setServiceId] = useState<string | null>(offer.fields.length === 1 ? offer.fields[0].id : null);
  const [day, setDay] = useState<string | null>(null);
  const [slots, setSlots] = useState<SlotView[] | null>(null);
  const [start, setStart] = useState<string | null>(null);
  const [stored, setPhone] = useStored(PHONE_KEY);
  const phone = stored ?? '';
  const [name, setName] = useState('');
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<ErrorBody | null>(null);
  const field = offer.fields.find((f) => f.id === serviceId);
  const today = offer.days[0];

  // Only the answer for the field and day chosen last is shown (a quick second tap's comes later).
  const asked = useRef('');
  const loadSlots = async (sid: string, d: string) => {
    const key = `${sid} ${d}`;
    asked.current = key;
    const res = await request('appointments:slots', { serviceId: sid, day: d });
    if (asked.current !== key) return null;
    if (res.ok) setSlots(res.data.slots);
    else setError(res.error);
    return res.ok ? res.data.slots : null;
  };

  useEffect(() => {
    setSlots(null);
    setStart(null);
    if (serviceId && day) void loadSlots(serviceId, day);
  }, [serviceId, day]);

  const book = async () => {
    if (!serviceId || !day || !start) return;
    setBusy(true);
    setError(null);
    const res = await request('appointment:book', { serviceId, day, start, phone, ...(name.trim() ? { name: name.trim() } : {}) });
    setBusy(false);
    if (res.ok) {
      keepBooking(res.data);
      location.assign(`./?booking=${res.data.code}&new=1`);
      return;
    }
    setError(res.error);
    // Taken meanwhile: the places as they are now, the chosen one kept only while it is free.
    if (res.error.code === 'slot-full' || res.error.code === 'no-such-slot') {
      const fresh = await loadSlots(serviceId, day);
      if (!fresh?.some((s) => s.start === start && s.free > 0)) setStart(null);
    }
  };

  return (
    <>
      <p class="take-rules">{t.bookRules(offer.perPhonePerDay, offer.checkInEarlyMinutes, offer.checkInLateMinutes)}</p>
      <section class="book-step">
        <h2 class="book-step-title">{t.chooseField}</h2>
        <div class="book-choices">
          {offer.fields.map((f) => (
            <button
              key={f.id}
              type="button"
              class="book-choice book-field"
              data-service={f.id}
              aria-pressed={f.id === serviceId}
              onClick={() => {
                setServiceId(f.id);
                // A day this field has no slots on is not kept chosen.
                if (day && !f.days.includes(day)) setDay(null);
                setError(null);
              }}
            >
              {f.name}
            </button>
          ))}
        </div>
      </section>
      {field && (
        <section class="book-step">
          <h2 class="book-step-title">{t.chooseDay}</h2>
          <div class="book-choices book-days">
            {offer.days.map((d) => {
              const open = field.days.includes(d);
              return (
                <button
                  key={d}
                  type="button"
                  class="book-choice book-day"
                  data-day={d}
                  disabled={!open}
                  aria-pressed={d === day}
                  onClick={() => {
                    setDay(d);
                    setError(null);
                  }}
                >
                  <span>{t.dayLabel(d, today)}</span>
                  {!open && <span class="book-choice-note">{t.dayClosed}</span>}
                </button>
              );
            })}
          </div>
        </section>
      )}
      {field && day && (
        <section class="book-step">
          <h2 class="book-step-title">{t.chooseSlot}</h2>
          {!slots ? (
            <p class="take-rules">{t.loadingSlots}</p>
          ) : slots.length === 0 ? (
            <p class="take-rules book-no-slots">{t.noSlots}</p>
          ) : (
            <div class="book-choices book-slots">
              {slots.map((s) => (
                <button
                  key={s.start}
                  type="button"
                  class="book-choice book-slot"
                  data-start={s.start}
                  data-free={s.free}
                  disabled={s.free === 0}
                  aria-pressed={s.start === start}
                  onClick={() => {
                    setStart(s.start);
                    setError(null);
                  }}
                >
                  <span class="book-slot-time">{t.slotTime(s.start, s.end)}</span>
                  <span class="book-choice-note">{s.free === 0 ? t.slotFull : t.slotFree(s.free)}</span>
                </button>
              ))}
            </div>
          )}
        </section>
      )}
      {field && day && start && (
        <section class="book-step">
          <h2 class="book-step-title">{t.yourDetails}</h2>
          <label class="take-phone">
            <span>{t.phoneLabel}</span>
            <input type="tel" inputMode="tel" autoComplete="tel" placeholder="09xx xxx xxx" value={phone} onInput={(e) => setPhone((e.target as HTMLInputElement).value)} />
          </label>
          <label class="take-phone book-name">
            <span>{t.nameLabel}</span>
            <input type="text" autoComplete="name" maxLength={80} value={name} onInput={(e) => setName((e.target as HTMLInputElement).value)} />
          </label>
        </section>
      )}
      {error && (
        <p class="take-error" role="alert" data-code={error.code}>
          {errorText(error)}
        </p>
      )}
      {field && day && start && (
        <button type="button" class="book-submit" disabled={busy || phone.trim() === ''} onClick={() => void book()}>
          {busy ? t.booking : t.bookButton}
        </button>
      )}
    </>
  );
}

// The page the entrance's QR poster opens (/ticket/ with no ticket id): a citizen types their
// phone number once, picks a field and gets a number that ranks like a kiosk number, then
// follows it on the ticket page. The same page lists the bookings made on this phone and leads
// to booking a slot. Nothing here works without the centre's own network.
import { useState } from 'preact/hooks';
import type { ErrorBody } from '@protocol/errors';
import type { PhoneOffer } from '@protocol/events';
import type { Connection } from '@client/connection';
import { ConnectionBanner } from '@client/pairing';
import { useStored } from '@client/hooks';
import { errorText } from '@client/texts';
import { MyBookings } from './my-bookings';
import { texts as t } from './texts';
import { usePhoneOffer } from './use-phone-offer';

/** Kept on this phone only, so a second number or a booking needs no typing. */
export const PHONE_KEY = 'qms.phone';

export function TakeNumberPage() {
  const { conn, status, offer } = usePhoneOffer();
  return (
    <>
      <ConnectionBanner status={status} />
      <header class="page-header">{offer?.centreName}</header>
      <main class="ticket take-number">
        <h1 class="take-title">{t.takeTitle}</h1>
        <MyBookings />
        {!offer ? (
          <p class="notice">{t.loading}</p>
        ) : (
          <>
            {/* Near the top, not after a dozen fields: a citizen planning a later visit finds it at once. */}
            {offer.appointments && offer.appointments.fields.length > 0 && (
              <section class="book-entry-section">
                <a class="book-entry" href="./?book">
                  {t.bookEntry}
                </a>
                <p class="take-rules">{t.bookEntryHint}</p>
              </section>
            )}
            {!offer.open ? (
              <section class="notice take-closed" role="alert" data-reason={offer.closedReason}>
                <p>{t.takeClosed[offer.closedReason ?? 'phone-numbers-off']}</p>
                <p>{t.takeHours(offer.from, offer.to)}</p>
              </section>
            ) : (
              <TakeForm conn={conn} offer={offer} />
            )}
          </>
        )}
      </main>
    </>
  );
}

function TakeForm(props: { conn: Connection; offer: PhoneOffer }) {
  const { conn, offer } = props;
  const [stored, setPhone] = useStored(PHONE_KEY);
  const phone = stored ?? '';
  const [priorityId, setPriorityId] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<ErrorBody | null>(null);

  const take = async (serviceId: string) => {
    setBusy(true);
    setError(null);
    const res = await conn.send('phone:take', { serviceId, phone, ...(priorityId ? { priorityCategoryId: priorityId } : {}) });
    setBusy(false);
    if (res.ok) location.assign(`./?id=${encodeURIComponent(res.data.id)}&new=1`);
    else setError(res.error);
  };

  return (
    <>
      <label class="take-phone">
        <span>{t.phoneLabel}</span>
        <input type="tel" inputMode="tel" autoComplete="tel" placeholder="09xx xxx xxx" value={phone} onInput={(e) => setPhone((e.target as HTMLInputElement).value)} />
      </label>
      {offer.priorityCategories.length > 0 && (
        <fieldset class="take-priority">
          {offer.priorityCategories.map((p) => (
            <label key={p.id} class="take-priority-claim">
              <input type="checkbox" data-category={p.id} checked={priorityId === p.id} onChange={(e) => setPriorityId((e.target as HTMLInputElement).checked ? p.id : null)} />
              <span>{t.priorityClaim(p.name)}</span>
            </label>
          ))}
          {priorityId && <p class="take-rules">{t.priorityNote}</p>}
        </fieldset>
      )}
      <p class="take-rules">{t.takeRules(offer.perPhonePerDay, offer.perPhonePerField, offer.from, offer.to)}</p>
      {error && (
        <p class="take-error" role="alert" data-code={error.code}>
          {errorText(error)}
        </p>
      )}
      <ul class="take-fields">
        {offer.fields.map((f) => (
          <li key={f.id}>
            <button type="button" class="take-field" data-service={f.id} disabled={busy || phone.trim() === ''} onClick={() => void take(f.id)}>
              <span class="take-field-name">{f.name}</span>
              <span class="take-field-line">
                {t.fieldWaiting(f.waiting)}
                {f.waitEstimate ? ` · ${t.fieldWait(f.waitEstimate)}` : ''}
              </span>
            </button>
          </li>
        ))}
      </ul>
    </>
  );
}

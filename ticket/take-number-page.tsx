// The page the entrance's QR poster opens (/ticket/ with no ticket id): a citizen types their
// phone number once, picks a field and gets a number that ranks like a kiosk number, then
// follows it on the ticket page. Nothing here works without the centre's own network.
import { useEffect, useState } from 'preact/hooks';
import type { ErrorBody } from '@protocol/errors';
import type { PhoneOffer } from '@protocol/events';
import { ConnectionBanner } from '@client/pairing';
import { useConnection, useStored } from '@client/hooks';
import { errorText } from '@client/texts';
import { texts as t } from './texts';

export function TakeNumberPage() {
  const { conn, data } = useConnection(null);
  const [offer, setOffer] = useState<PhoneOffer | null>(null);
  // Kept on this phone only, so a second number needs no typing.
  const [stored, setPhone] = useStored('qms.phone');
  const phone = stored ?? '';
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<ErrorBody | null>(null);

  useEffect(() => {
    const load = () =>
      void conn.send('phone:offer', {}).then((res) => {
        if (res.ok) setOffer(res.data);
      });
    conn.socket.on('connect', load);
    if (conn.socket.connected) load();
    // Lines and waits move: look again every half minute while the page is open.
    const timer = setInterval(load, 30_000);
    return () => {
      conn.socket.off('connect', load);
      clearInterval(timer);
    };
  }, [conn]);

  const take = async (serviceId: string) => {
    setBusy(true);
    setError(null);
    const res = await conn.send('phone:take', { serviceId, phone });
    setBusy(false);
    if (res.ok) location.assign(`./?id=${encodeURIComponent(res.data.id)}&new=1`);
    else setError(res.error);
  };

  return (
    <>
      <ConnectionBanner status={data.status} />
      <header class="page-header">{offer?.centreName}</header>
      <main class="ticket take-number">
        <h1 class="take-title">{t.takeTitle}</h1>
        {!offer ? (
          <p class="notice">{t.loading}</p>
        ) : !offer.open ? (
          <section class="notice take-closed" role="alert" data-reason={offer.closedReason}>
            <p>{t.takeClosed[offer.closedReason ?? 'phone-numbers-off']}</p>
            <p>{t.takeHours(offer.from, offer.to)}</p>
          </section>
        ) : (
          <>
            <label class="take-phone">
              <span>{t.phoneLabel}</span>
              <input type="tel" inputMode="tel" autoComplete="tel" placeholder="09xx xxx xxx" value={phone} onInput={(e) => setPhone((e.target as HTMLInputElement).value)} />
            </label>
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
        )}
      </main>
    </>
  );
}

// A number issued for a citizen who cannot use the kiosk, by an officer at the desk or the
// hall guide: the field, then paper from the kiosk's printer or the number shown large with
// its QR code for the citizen to photograph.
import { useState } from 'preact/hooks';
import type { CentreConfig } from '@protocol/config';
import type { IssuedTicket } from '@protocol/events';
import type { Connection } from '@client/connection';
import { QrImage } from '@client/qr-image';
import { errorText } from '@client/texts';
import { texts as t } from './texts';

export function IssueForCitizen(props: { conn: Connection; config: CentreConfig; onClose?: () => void }) {
  const { config } = props;
  const [serviceId, setServiceId] = useState('');
  const [priority, setPriority] = useState(false);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState('');
  const [issued, setIssued] = useState<IssuedTicket | null>(null);
  const fields = config.services.filter((s) => s.active && config.counters.some((c) => c.active && c.serviceIds.includes(s.id)));

  const issue = async (print: boolean) => {
    setBusy(true);
    setError('');
    const res = await props.conn.send('ticket:issue', { serviceId, priority, print });
    setBusy(false);
    if (res.ok) setIssued(res.data);
    else setError(errorText(res.error));
  };

  if (issued) {
    return (
      <section class="issue-for-citizen issued" data-ticket-id={issued.id}>
        <p class="issued-number" data-label={issued.label}>
          {issued.label}
        </p>
        <p class="issued-field">{issued.serviceName}</p>
        <p>{t.issuedAhead(issued.waitingAhead)}</p>
        {issued.waitEstimate && <p class="issued-estimate">{t.issuedEstimate(issued.waitEstimate)}</p>}
        <p class="issued-paper" role="status">
          {issued.printed ? t.issuedPrinted : t.issuedPhotograph}
        </p>
        {!issued.printed && <QrImage text={issued.url} label={t.issuedPhotograph} class="issued-qr" />}
        <div class="dialog-buttons">
          <button type="button" class="big-button" onClick={() => setIssued(null)}>
            {t.issueAnother}
          </button>
          {props.onClose && (
            <button type="button" class="plain-button" onClick={props.onClose}>
              {t.close}
            </button>
          )}
        </div>
      </section>
    );
  }
  return (
    <section class="issue-for-citizen">
      <h2>{t.issueForCitizenTitle}</h2>
      <div class="issue-fields" role="radiogroup" aria-label={t.issueField}>
        {fields.map((s) => (
          <button type="button" key={s.id} role="radio" aria-checked={serviceId === s.id} class={`issue-field ${serviceId === s.id ? 'chosen' : ''}`} data-service={s.id} onClick={() => setServiceId(s.id)}>
            {s.name}
          </button>
        ))}
      </div>
      <label class="check">
        <input type="checkbox" name="priority" checked={priority} onChange={(e) => setPriority((e.target as HTMLInputElement).checked)} />
        {t.issuePriority}
      </label>
      {error && (
        <p class="error" role="alert">
          {error}
        </p>
      )}
      <div class="dialog-buttons">
        {props.onClose && (
          <button type="button" class="plain-button" onClick={props.onClose}>
            {t.cancel}
          </button>
        )}
        <button type="button" class="plain-button" data-action="issue-photo" disabled={busy || !serviceId} onClick={() => void issue(false)}>
          {t.issueShow}
        </button>
        <button type="button" class="big-button" data-action="issue-print" disabled={busy || !serviceId} onClick={() => void issue(true)}>
          {t.issuePrint}
        </button>
      </div>
    </section>
  );
}

import type { Procedure } from '@protocol/catalogue';
import { QrImage } from '@client/qr-image';
import { lookupTexts as t } from './texts';

export type TicketAvailability = { ok: true } | { ok: false; reason: string };

export function ProcedureDetail(props: {
  procedure: Procedure;
  fieldName: string;
  availability: TicketAvailability;
  onTakeTicket: () => void;
  onBack: () => void;
}) {
  const p = props.procedure;
  const { availability } = props;
  return (
    <section class="procedure-detail" data-code={p.code}>
      <div class="lookup-top">
        <button class="kiosk-back" onClick={props.onBack}>
          ← {t.back}
        </button>
      </div>
      <div class="procedure-body">
        <div class="procedure-info">
          <h1 class="procedure-name">{p.name}</h1>
          <dl class="procedure-facts">
            <dt>{t.code}</dt>
            <dd class="procedure-code">{p.code}</dd>
            <dt>{t.field}</dt>
            <dd>{props.fieldName}</dd>
            <dt>{t.level}</dt>
            <dd>{p.level}</dd>
            <dt>{t.processingTime}</dt>
            <dd>{p.processingTime || t.notStated}</dd>
            <dt>{t.fees}</dt>
            <dd>{p.fees || t.notStated}</dd>
          </dl>
          <h2>{t.papers}</h2>
          {p.papers.length > 0 ? (
            <ol class="procedure-papers">
              {p.papers.map((paper, i) => (
                <li key={i}>{paper}</li>
              ))}
            </ol>
          ) : (
            <p>{t.noPapers}</p>
          )}
        </div>
        <aside class="procedure-side">
          {availability.ok ? (
            <button class="take-ticket" onClick={props.onTakeTicket}>
              {t.takeTicket}
            </button>
          ) : (
            <p class="take-ticket-unavailable" role="status">
              {availability.reason}
            </p>
          )}
          {p.portalUrl && (
            <div class="procedure-qr">
              <QrImage text={p.portalUrl} label={t.portalQr} />
              <p>{t.portalQr}</p>
            </div>
          )}
        </aside>
      </div>
    </section>
  );
}

// Who did what and when: sign-ins, configuration and account changes, pairing, imports, backups.
import { Card } from '../card';
import { dateTimeText } from '../format';
import { auditTexts as t, appTexts, configPathNames } from '../texts';
import { useResource } from '../use-resource';


/** One value in words: configuration sections and account fields by their Vietnamese names. */
function valueText(v: unknown): string {
  if (Array.isArray(v)) return v.map(valueText).join(', ');
  if (typeof v === 'object' && v !== null) return JSON.stringify(v);
  const s = String(v);
  return t.detailValues[s] ?? configPathNames[s] ?? s;
}

/** The detail as short "name: value" pairs rather than raw JSON. */
function detailText(detail: unknown): string {
  if (detail === undefined || detail === null) return '';
  if (typeof detail !== 'object') return String(detail);
  return Object.entries(detail as Record<string, unknown>)
    .map(([k, v]) => `${t.detailNames[k] ?? k}: ${valueText(v)}`)
    .join(' · ');
}

export function AuditSection() {
  const log = useResource('audit:latest', { limit: 200 });
  return (
    <Card
      title={t.heading}
      intro={t.intro}
      actions={
        <button type="button" class="secondary" onClick={() => void log.reload()}>
          ↻ {t.refresh}
        </button>
      }
    >
      {!log.data && <p class="muted">{appTexts.loading}</p>}
      {log.data && log.data.length === 0 && <p class="muted">{t.empty}</p>}
      {log.data && log.data.length > 0 && (
        <div class="table-scroll">
          <table class="data-table audit">
            <thead>
              <tr>
                <th>{t.at}</th>
                <th>{t.who}</th>
                <th>{t.what}</th>
                <th>{t.detail}</th>
              </tr>
            </thead>
            <tbody>
              {log.data.map((e, i) => (
                <tr key={i} data-what={e.what}>
                  <td class="nowrap">{dateTimeText(e.at, true)}</td>
                  <td class="mono">{e.who}</td>
                  <td>{t.actions[e.what] ?? e.what}</td>
                  <td class="detail">{detailText(e.detail)}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
    </Card>
  );
}

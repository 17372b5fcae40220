// Per field, now: how many wait, the longest wait (red past the alert threshold), issued and served.
import type { LiveField } from '@protocol/reports';
import { count, minutesText } from '../format';
import { todayTexts as t } from '../texts';

export function FieldTable(props: { fields: LiveField[]; thresholdMinutes: number }) {
  const rows = [...props.fields].sort((a, b) => b.waiting - a.waiting || b.issued - a.issued);
  return (
    <div class="table-scroll"><table class="data-table">
      <thead>
        <tr>
          <th>{t.field}</th>
          <th class="num">{t.waiting}</th>
          <th class="num">{t.longest}</th>
          <th class="num">{t.issued}</th>
          <th class="num">{t.served}</th>
        </tr>
      </thead>
      <tbody>
        {rows.map((f) => {
          const late = f.longestWaitSeconds !== null && f.longestWaitSeconds >= props.thresholdMinutes * 60;
          return (
            <tr key={f.serviceId} data-field={f.serviceId}>
              <td>{f.name}</td>
              <td class="num strong" data-waiting={f.waiting}>
                {count(f.waiting)}
              </td>
              <td class={`num${late ? ' late' : ''}`} title={late ? t.overThreshold(props.thresholdMinutes) : undefined}>
                {minutesText(f.longestWaitSeconds)}
              </td>
              <td class="num">{count(f.issued)}</td>
              <td class="num">{count(f.served)}</td>
            </tr>
          );
        })}
      </tbody>
    </table></div>
  );
}

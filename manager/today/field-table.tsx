// Per field, now: how many wait, the longest wait (red past the field's target), how many
// are past it, visits and services so far, and the share called within the target today.
import type { LiveField } from '@protocol/reports';
import { count, minutesText, percentText } from '../format';
import { todayTexts as t } from '../texts';

export function FieldTable(props: { fields: LiveField[] }) {
  const rows = [...props.fields].sort((a, b) => b.waiting - a.waiting || b.visits.visits - a.visits.visits);
  return (
    <div class="table-scroll">
      <table class="data-table">
        <thead>
          <tr>
            <th>{t.field}</th>
            <th class="num">{t.waiting}</th>
            <th class="num">{t.longest}</th>
            <th class="num">{t.target}</th>
            <th class="num">{t.issued}</th>
            <th class="num">{t.served}</th>
            <th class="num">{t.serviceLevel}</th>
          </tr>
        </thead>
        <tbody>
          {rows.map((f) => {
            const late = f.overTarget > 0;
            return (
              <tr key={f.serviceId} data-field={f.serviceId}>
                <td>{f.name}</td>
                <td class="num strong" data-waiting={f.waiting}>
                  {count(f.waiting)}
                </td>
                <td class={`num${late ? ' late' : ''}`} title={late ? t.overThreshold(f.targetWaitMinutes) : undefined}>
                  {minutesText(f.longestWaitSeconds)}
                </td>
                <td class="num">{t.minutes(f.targetWaitMinutes)}</td>
                <td class="num">{count(f.visits.visits)}</td>
                <td class="num">{count(f.services.finished)}</td>
                <td class="num" data-service-level={f.services.serviceLevelPercent ?? ''}>
                  {percentText(f.services.serviceLevelPercent)}
                </td>
              </tr>
            );
          })}
        </tbody>
      </table>
    </div>
  );
}

// Waits and service times for the period: average, median and the 90th percentile.
import type { Report, TimeFigures } from '@protocol/reports';
import { count, minutesText } from '../format';
import { reportTexts as t } from '../texts';

function Row(props: { name: string; times: TimeFigures; id: string }) {
  const x = props.times;
  return (
    <tr data-times={props.id}>
      <td>{props.name}</td>
      <td class="num strong">{minutesText(x.averageSeconds)}</td>
      <td class="num">{minutesText(x.medianSeconds)}</td>
      <td class="num">{minutesText(x.p90Seconds)}</td>
      <td class="num">{count(x.count)}</td>
    </tr>
  );
}

export function TimesTable(props: { totals: Report['totals'] }) {
  return (
    <div class="table-scroll"><table class="data-table">
      <thead>
        <tr>
          <th>{t.measure}</th>
          <th class="num">{t.average}</th>
          <th class="num">{t.median}</th>
          <th class="num">{t.p90}</th>
          <th class="num">{t.measured}</th>
        </tr>
      </thead>
      <tbody>
        <Row name={t.wait} times={props.totals.visits.wait} id="wait" />
        <Row name={t.lineWait} times={props.totals.services.lineWait} id="line-wait" />
        <Row name={t.service} times={props.totals.services.serviceTime} id="service" />
      </tbody>
    </table></div>
  );
}

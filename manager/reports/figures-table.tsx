// A breakdown (per field, counter, staff member, day or hour) with its counts and times.
import type { BreakdownKind, BreakdownRow, Figures } from '@protocol/reports';
import { count, minutesText } from '../format';
import { reportTexts as t } from '../texts';

function Cells(props: { f: Figures }) {
  const f = props.f;
  return (
    <>
      <td class="num strong">{count(f.visits)}</td>
      <td class="num">{count(f.served)}</td>
      <td class="num">{count(f.noShows)}</td>
      <td class="num">{count(f.transferred)}</td>
      <td class="num">{count(f.priority)}</td>
      <td class="num">{count(f.ratings.rated)}</td>
      <td class="num group-start">{minutesText(f.wait.averageSeconds)}</td>
      <td class="num">{minutesText(f.wait.medianSeconds)}</td>
      <td class="num">{minutesText(f.wait.p90Seconds)}</td>
      <td class="num group-start">{minutesText(f.service.averageSeconds)}</td>
      <td class="num">{minutesText(f.service.medianSeconds)}</td>
      <td class="num">{minutesText(f.service.p90Seconds)}</td>
    </>
  );
}

export function FiguresTable(props: { kind: BreakdownKind; rows: BreakdownRow[]; totals?: Figures }) {
  return (
    <div class="table-scroll">
      <table class="data-table figures" data-breakdown={props.kind}>
        <thead>
          <tr class="group-row">
            <th rowSpan={2} class="name-col">
              {t.colName[props.kind]}
            </th>
            <th colSpan={6}>{t.groupCounts}</th>
            <th colSpan={3} class="group-start">
              {t.groupWait}
            </th>
            <th colSpan={3} class="group-start">
              {t.groupService}
            </th>
          </tr>
          <tr>
            <th class="num">{t.visits}</th>
            <th class="num">{t.served}</th>
            <th class="num">{t.noShows}</th>
            <th class="num">{t.transferredShort}</th>
            <th class="num">{t.priority}</th>
            <th class="num">{t.rated}</th>
            <th class="num group-start">{t.average}</th>
            <th class="num">{t.median}</th>
            <th class="num">{t.p90}</th>
            <th class="num group-start">{t.average}</th>
            <th class="num">{t.median}</th>
            <th class="num">{t.p90}</th>
          </tr>
        </thead>
        <tbody>
          {props.rows.map((row) => (
            <tr key={row.key} data-key={row.key}>
              <td>{row.name}</td>
              <Cells f={row} />
            </tr>
          ))}
        </tbody>
        {props.totals && (
          <tfoot>
            <tr>
              <th>{t.total}</th>
              <Cells f={props.totals} />
            </tr>
          </tfoot>
        )}
      </table>
    </div>
  );
}

// Satisfaction: each level with its count and share, the reasons given, and the same per
// staff member and per field (the officer who received the citizen is what is asked about).
import type { BreakdownRow, RatingFigures } from '@protocol/reports';
import { count, percentText } from '../format';
import { reportTexts as t } from '../texts';

export function LevelTable(props: { ratings: RatingFigures }) {
  const r = props.ratings;
  return (
    <div class="table-scroll"><table class="data-table" data-table="rating">
      <thead>
        <tr>
          <th>{t.level}</th>
          <th class="num">{t.countCol}</th>
          <th class="num">{t.share}</th>
        </tr>
      </thead>
      <tbody>
        {r.levels.map((l) => (
          <tr key={l.score} data-level={l.score}>
            <td>{l.label}</td>
            <td class="num">{count(l.count)}</td>
            <td class="num">{percentText(l.percent)}</td>
          </tr>
        ))}
      </tbody>
      <tfoot>
        <tr>
          <th>{t.totalRated}</th>
          <th class="num" data-total-rated={r.rated}>
            {count(r.rated)}
          </th>
          <th class="num">{r.rated > 0 ? percentText(100) : '—'}</th>
        </tr>
        <tr>
          <td>{t.notRated}</td>
          <td class="num">{count(r.notRated)}</td>
          <td />
        </tr>
      </tfoot>
    </table></div>
  );
}

export function ReasonTable(props: { ratings: RatingFigures }) {
  if (props.ratings.reasons.length === 0) return <p class="muted">{t.noReasons}</p>;
  return (
    <div class="table-scroll"><table class="data-table" data-table="reason">
      <thead>
        <tr>
          <th>{t.reason}</th>
          <th class="num">{t.countCol}</th>
        </tr>
      </thead>
      <tbody>
        {props.ratings.reasons.map((r) => (
          <tr key={r.reason}>
            <td>{r.reason}</td>
            <td class="num">{count(r.count)}</td>
          </tr>
        ))}
      </tbody>
    </table></div>
  );
}

/** Ratings per staff member or per field: the number of ratings, then each level's count and share. */
export function RatingByTable(props: { nameHeader: string; rows: BreakdownRow[]; levels: RatingFigures['levels']; id: string }) {
  const rows = props.rows.filter((r) => r.served > 0);
  return (
    <div class="table-scroll">
      <table class="data-table" data-table={props.id}>
        <thead>
          <tr>
            <th>{props.nameHeader}</th>
            <th class="num">{t.rated}</th>
            {props.levels.map((l) => (
              <th key={l.score} class="num">
                {l.label}
              </th>
            ))}
            <th class="num">{t.notRated}</th>
          </tr>
        </thead>
        <tbody>
          {rows.map((row) => (
            <tr key={row.key}>
              <td>{row.name}</td>
              <td class="num strong">{count(row.ratings.rated)}</td>
              {props.levels.map((l, i) => {
                const level = row.ratings.levels[i];
                return (
                  <td key={l.score} class="num">
                    {count(level?.count ?? 0)} <span class="muted">({percentText(level?.percent)})</span>
                  </td>
                );
              })}
              <td class="num">{count(row.ratings.notRated)}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}

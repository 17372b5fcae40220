// Any period over the whole city: the city's totals, each centre, each field, and each
// centre's fields, with the figures and definitions of a centre's own report; and the workbook.
import { useState } from 'preact/hooks';
import { errorText } from '@client/texts';
import type { CityFigures as Figures, CityRow } from '@protocol/city';
import { useCityApi as useApi } from './city-api';
import { Card } from '../manager/card';
import { DayInput } from '../manager/day-input';
import { count, isoToday, minutesText, percentText, viDay } from '../manager/format';
import { Kpi } from '../manager/kpi';
import { useCityResource as useResource } from './city-api';
import { appTexts, reportTexts as t } from './texts';

/** The share rated at a level that does not ask for a reason: the report's levels carry no such flag, so it is every level but the lowest. */
function satisfied(f: Figures): number | null {
  if (f.ratings.rated === 0) return null;
  const lowest = Math.min(...f.ratings.levels.map((l) => l.score));
  return (f.ratings.levels.filter((l) => l.score !== lowest).reduce((s, l) => s + l.count, 0) / f.ratings.rated) * 100;
}

const COLUMNS: { head: string; cell: (f: Figures) => string }[] = [
  { head: t.visits, cell: (f) => count(f.visits.visits) },
  { head: t.served, cell: (f) => count(f.visits.served) },
  { head: t.noShows, cell: (f) => count(f.visits.absent) },
  { head: t.waitAverage, cell: (f) => minutesText(f.visits.wait.averageSeconds) },
  { head: t.waitMedian, cell: (f) => minutesText(f.visits.wait.medianSeconds) },
  { head: t.waitP90, cell: (f) => minutesText(f.visits.wait.p90Seconds) },
  { head: t.serviceAverage, cell: (f) => minutesText(f.serviceTime.averageSeconds) },
  { head: t.rated, cell: (f) => count(f.ratings.rated) },
  { head: t.satisfied, cell: (f) => percentText(satisfied(f)) },
];

function FiguresTable(props: { name: string; keyHeads: string[]; rows: { id: string; keys: string[]; figures: Figures }[]; total?: Figures }) {
  return (
    <div class="table-scroll">
      <table class="data-table" data-table={props.name}>
        <thead>
          <tr>
            {[...props.keyHeads, ...COLUMNS.map((c) => c.head)].map((h) => (
              <th key={h}>{h}</th>
            ))}
          </tr>
        </thead>
        <tbody>
          {props.rows.map((r) => (
            <tr key={r.id} data-row={r.id}>
              {r.keys.map((k, i) => (
                <td key={i}>{k}</td>
              ))}
              {COLUMNS.map((c) => (
                <td key={c.head} class="num">
                  {c.cell(r.figures)}
                </td>
              ))}
            </tr>
          ))}
          {props.total && (
            <tr class="total-row">
              <td colSpan={props.keyHeads.length}>
                <strong>{t.total}</strong>
              </td>
              {COLUMNS.map((c) => (
                <td key={c.head} class="num">
                  <strong>{c.cell(props.total!)}</strong>
                </td>
              ))}
            </tr>
          )}
        </tbody>
      </table>
    </div>
  );
}

const rowsOf = (rows: CityRow[]) => rows.map((r) => ({ id: r.key, keys: [r.name], figures: r }));

export function ReportsPage() {
  const client = useApi();
  const today = isoToday();
  const [from, setFrom] = useState(`${today.slice(0, 4)}-01-01`);
  const [to, setTo] = useState(today);
  const [asked, setAsked] = useState({ from, to });
  const [exportError, setExportError] = useState('');
  const report = useResource('city-reports:period', { from: asked.from, to: asked.to });
  const r = report.data;
  return (
    <div class="page" data-page="city-reports">
      <div class="page-head">
        <h1>{t.heading}</h1>
      </div>
      <form
        class="period-picker"
        onSubmit={(e) => {
          e.preventDefault();
          setAsked({ from, to });
        }}
      >
        <div class="custom-range">
          <DayInput name="from" label={t.from} value={from} onChange={setFrom} />
          <DayInput name="to" label={t.to} value={to} onChange={setTo} />
          <button type="submit" class="primary">
            {t.show}
          </button>
          <button
            type="button"
            class="secondary"
            data-action="export-xlsx"
            onClick={async () => setExportError((await client.download('city-reports:xlsx', { from: asked.from, to: asked.to }, `bao-cao-thanh-pho-${asked.from}-${asked.to}.xlsx`)) ? '' : t.exportFailed)}
          >
            {t.export}
          </button>
        </div>
        {exportError && <p class="error">{exportError}</p>}
      </form>
      {!r ? (
        <p class="page-loading">{report.error ? errorText(report.error) : appTexts.loading}</p>
      ) : (
        <>
          <p class="page-meta">
            {t.period(viDay(r.from), viDay(r.to))} · {t.daysWithData(count(r.daysWithData))}
          </p>
          <div class="kpi-grid">
            <Kpi id="visits" label={t.visits} value={count(r.totals.visits.visits)} tone="blue" />
            <Kpi id="served" label={t.served} value={count(r.totals.visits.served)} tone="green" />
            <Kpi id="wait-median" label={t.waitMedian} value={minutesText(r.totals.visits.wait.medianSeconds)} sub={`${t.waitP90} ${minutesText(r.totals.visits.wait.p90Seconds)}`} />
            <Kpi id="rated" label={t.rated} value={count(r.totals.ratings.rated)} sub={`${t.satisfied} ${percentText(satisfied(r.totals))}`} />
          </div>
          <Card title={t.byCentre}>
            <FiguresTable name="by-centre" keyHeads={[t.centre]} rows={rowsOf(r.byCentre)} total={r.totals} />
          </Card>
          <Card title={t.byField}>
            <FiguresTable name="by-field" keyHeads={[t.field]} rows={rowsOf(r.byField)} total={r.totals} />
          </Card>
          <Card title={t.byCentreField}>
            <FiguresTable name="by-centre-field" keyHeads={[t.centre, t.field]} rows={r.byCentreField.map((x) => ({ id: `${x.centreId}/${x.key}`, keys: [x.centreName, x.name], figures: x }))} />
          </Card>
        </>
      )}
    </div>
  );
}

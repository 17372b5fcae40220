// Every centre right now: who waits, who is served, how long the wait, how satisfied; and
// every field summed over the centres that are connected. Refreshed every 10 seconds.
import { useEffect } from 'preact/hooks';
import type { LiveLine } from '@protocol/city';
import { errorText } from '@client/texts';
import { Card } from '../manager/card';
import { count, dateTimeText, minutesText, percentText } from '../manager/format';
import { Kpi } from '../manager/kpi';
import { useCityResource as useResource } from './city-api';
import { appTexts, lineTexts as l, todayTexts as t } from './texts';

type Line = Omit<LiveLine, 'serviceId' | 'name'>;

function LineCells(props: { line: Line }) {
  const x = props.line;
  return (
    <>
      <td class="num">{count(x.waiting)}</td>
      <td class="num">{count(x.serving)}</td>
      <td class="num">{count(x.served)}</td>
      <td class="num">{minutesText(x.averageWaitSeconds)}</td>
      <td class="num">{percentText(x.satisfactionPercent)}</td>
    </>
  );
}

const LINE_HEADS = [l.waiting, l.serving, l.served, l.averageWait, l.satisfaction];

export function TodayPage() {
  const today = useResource('city-today:read', {});
  useEffect(() => {
    const timer = setInterval(() => void today.reload(), 10_000);
    return () => clearInterval(timer);
  }, [today.reload]);
  if (!today.data) return <p class="page-loading">{today.error ? errorText(today.error) : appTexts.loading}</p>;
  const d = today.data;
  return (
    <div class="page" data-page="city-today">
      <div class="page-head">
        <h1>{t.heading}</h1>
        <span class="page-meta">{t.updated(dateTimeText(d.at, true))}</span>
      </div>
      <div class="kpi-grid">
        <Kpi id="waiting" label={l.waiting} value={count(d.totals.waiting)} tone="blue" />
        <Kpi id="serving" label={l.serving} value={count(d.totals.serving)} />
        <Kpi id="served" label={l.served} value={count(d.totals.served)} tone="green" />
        <Kpi id="wait" label={l.averageWait} value={minutesText(d.totals.averageWaitSeconds)} />
        <Kpi id="satisfaction" label={l.satisfaction} value={percentText(d.totals.satisfactionPercent)} sub={`${count(d.totals.rated)} ${l.rated.toLowerCase()}`} />
      </div>
      <Card title={t.byCentre}>
        {d.centres.length === 0 ? (
          <p class="muted">{t.none}</p>
        ) : (
          <div class="table-scroll">
            <table class="data-table" data-table="centres">
              <thead>
                <tr>
                  <th>{t.centre}</th>
                  {LINE_HEADS.map((h) => (
                    <th key={h}>{h}</th>
                  ))}
                </tr>
              </thead>
              <tbody>
                {d.centres.map((c) => (
                  <tr key={c.id} data-centre={c.id} class={c.online ? '' : 'muted'}>
                    <td>
                      <strong>{c.name}</strong>
                      <div class="muted">
                        <span class="status-pill">{c.online ? t.online : t.offline}</span> {c.at ? t.lastFigure(dateTimeText(c.at)) : ''}
                      </div>
                    </td>
                    <LineCells line={c.totals} />
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        )}
      </Card>
      <Card title={t.byField}>
        <div class="table-scroll">
          <table class="data-table" data-table="fields">
            <thead>
              <tr>
                <th>{t.field}</th>
                {LINE_HEADS.map((h) => (
                  <th key={h}>{h}</th>
                ))}
              </tr>
            </thead>
            <tbody>
              {d.byField.map((f) => (
                <tr key={f.serviceId} data-field={f.serviceId}>
                  <td>{f.name}</td>
                  <LineCells line={f} />
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      </Card>
    </div>
  );
}

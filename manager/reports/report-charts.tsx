// The pictures a manager would rather look at than read: visits per day, per hour of the
// day, per field, and how satisfied citizens were.
import { useMemo } from 'preact/hooks';
import type { ChartConfiguration } from 'chart.js';
import type { Report } from '@protocol/reports';
import { reportTexts as t } from '../texts';
import { ChartCanvas } from './chart-canvas';
import { levelColour } from '../level-colours';

const BLUE = '#0b4a8b';
const GREEN = '#2e7d32';
const WIDTH = 520;

const countAxis = { beginAtZero: true, ticks: { precision: 0, callback: (v: string | number) => Number(v).toLocaleString('vi-VN') } };

function bars(labels: string[], visits: number[], served: number[] | null, horizontal = false): ChartConfiguration {
  return {
    type: 'bar',
    data: {
      labels,
      datasets: [
        { label: t.chartVisits, data: visits, backgroundColor: BLUE },
        ...(served ? [{ label: t.chartServed, data: served, backgroundColor: GREEN }] : []),
      ],
    },
    options: {
      indexAxis: horizontal ? 'y' : 'x',
      plugins: { legend: { display: served !== null, position: 'bottom' } },
      scales: horizontal ? { x: countAxis } : { y: countAxis },
    },
  };
}

export function ReportCharts(props: { report: Report }) {
  const r = props.report;
  const configs = useMemo(() => {
    const fields = r.byField.filter((f) => f.visits.visits > 0).sort((a, b) => b.visits.visits - a.visits.visits);
    const levels = r.totals.services.ratings.levels;
    const doughnut: ChartConfiguration = {
      type: 'doughnut',
      data: {
        labels: levels.map((l) => l.label),
        datasets: [{ data: levels.map((l) => l.count), backgroundColor: levels.map((_, i) => levelColour(i, levels.length)) }],
      },
      options: { plugins: { legend: { position: 'right' } } },
    };
    return {
      day: bars(r.byDay.map((d) => d.key.slice(8, 10) + '/' + d.key.slice(5, 7)), r.byDay.map((d) => d.visits.visits), r.byDay.map((d) => d.visits.served)),
      hour: bars(r.byHour.map((h) => t.hourLabel(h.key.padStart(2, '0'))), r.byHour.map((h) => h.visits.visits), null),
      field: bars(fields.map((f) => f.name), fields.map((f) => f.visits.visits), fields.map((f) => f.visits.served), true),
      fieldHeight: Math.max(180, 40 + fields.length * 34),
      doughnut,
    };
  }, [r]);

  return (
    <div class="charts">
      <ChartCanvas id="per-day" label={t.chartPerDay} config={configs.day} width={WIDTH} height={280} />
      <ChartCanvas id="per-hour" label={t.chartPerHour} config={configs.hour} width={WIDTH} height={260} />
      <ChartCanvas id="per-field" label={t.chartPerField} config={configs.field} width={WIDTH} height={configs.fieldHeight} />
      {r.totals.services.ratings.rated > 0 && <ChartCanvas id="satisfaction" label={t.chartSatisfaction} config={configs.doughnut} width={WIDTH} height={260} />}
    </div>
  );
}

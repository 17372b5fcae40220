// One period's report, laid out to read on screen and to print on A4: heading, totals, the
// lines for the official report, charts, times, satisfaction, then every breakdown.
import type { ComponentChildren } from 'preact';
import type { Report } from '@protocol/reports';
import { Kpi } from '../kpi';
import { count, dateTimeText, viDay } from '../format';
import { reportTexts as t } from '../texts';
import { ExportBar } from './export-bar';
import { FiguresTable } from './figures-table';
import { OfficialLines } from './official-lines';
import { LevelTable, RatingByTable, ReasonTable } from './rating-tables';
import { ReportCharts } from './report-charts';
import { TimesTable } from './times-table';

function Section(props: { title: string; id: string; pageBreak?: boolean; children: ComponentChildren }) {
  return (
    <section class={`card report-section${props.pageBreak ? ' page-break' : ''}`} data-section={props.id}>
      <h2>{props.title}</h2>
      {props.children}
    </section>
  );
}

export function ReportView(props: { report: Report }) {
  const r = props.report;
  const f = r.totals;
  return (
    <article class="report" data-from={r.from} data-to={r.to}>
      <header class="report-head">
        <div class="report-centre">{r.centreName}</div>
        <h1 class="report-title">{t.printTitle}</h1>
        <div class="report-period" data-period>
          {t.periodTitle(viDay(r.from), viDay(r.to))}
        </div>
        <div class="report-meta">
          {t.generatedAt(dateTimeText(r.generatedAt))} · {t.daysWithData(count(r.daysWithData))}
        </div>
        {r.includesToday && <p class="banner info">{t.includesToday}</p>}
      </header>
      <ExportBar from={r.from} to={r.to} />
      {f.visits === 0 && <p class="banner info">{t.noData}</p>}

      <Section title={t.totalsHeading} id="totals">
        <div class="kpi-grid">
          <Kpi id="visits" label={t.visits} value={count(f.visits)} tone="blue" />
          <Kpi id="served" label={t.served} value={count(f.served)} tone="green" />
          <Kpi id="no-shows" label={t.noShows} value={count(f.noShows)} />
          <Kpi id="unserved" label={t.unserved} value={count(f.unserved + f.serving)} />
          <Kpi id="transferred" label={t.transferred} value={count(f.transferred)} />
          <Kpi id="priority" label={t.priority} value={count(f.priority)} />
          <Kpi id="rated" label={t.rated} value={count(f.ratings.rated)} />
        </div>
      </Section>

      <Section title={t.sentencesHeading} id="sentences">
        <OfficialLines lines={r.sentences} />
      </Section>

      <Section title={t.chartsHeading} id="charts" pageBreak>
        <ReportCharts report={r} />
      </Section>

      <Section title={t.timesHeading} id="times" pageBreak>
        <TimesTable totals={f} />
      </Section>

      <Section title={t.ratingHeading} id="rating">
        <div class="two-columns">
          <LevelTable ratings={f.ratings} />
          <div>
            <h3>{t.reasonsHeading}</h3>
            <ReasonTable ratings={f.ratings} />
          </div>
        </div>
        <h3>{t.ratingByStaff}</h3>
        <RatingByTable id="rating-staff" nameHeader={t.colName.staff} rows={r.byStaff} levels={f.ratings.levels} />
        <h3>{t.ratingByField}</h3>
        <RatingByTable id="rating-field" nameHeader={t.colName.field} rows={r.byField} levels={f.ratings.levels} />
      </Section>

      <Section title={t.byField} id="by-field" pageBreak>
        <FiguresTable kind="field" rows={r.byField} totals={f} />
      </Section>
      <Section title={t.byCounter} id="by-counter">
        <FiguresTable kind="counter" rows={r.byCounter} />
      </Section>
      <Section title={t.byStaff} id="by-staff" pageBreak>
        <FiguresTable kind="staff" rows={r.byStaff} />
      </Section>
      <Section title={t.byHour} id="by-hour">
        <FiguresTable kind="hour" rows={r.byHour} totals={f} />
      </Section>
      <Section title={t.byDay} id="by-day" pageBreak>
        <FiguresTable kind="day" rows={r.byDay} totals={f} />
      </Section>
    </article>
  );
}

// One period's report on screen: heading, totals, the lines for the official report, charts,
// times, then every table the exports hold (the same tables, from the same code).
import type { ComponentChildren } from 'preact';
import { reportTable } from '@protocol/report-tables';
import type { ExportTable } from '@protocol/reports';
import type { Report } from '@protocol/reports';
import { Kpi } from '../kpi';
import { count, dateTimeText, percentText, viDay } from '../format';
import { reportTexts as t } from '../texts';
import { ExportBar } from './export-bar';
import { OfficialLines } from './official-lines';
import { ReportCharts } from './report-charts';
import { ReportTable } from './report-table';
import { TimesTable } from './times-table';

function Section(props: { title: string; id: string; pageBreak?: boolean; intro?: string; children: ComponentChildren }) {
  return (
    <section class={`card report-section${props.pageBreak ? ' page-break' : ''}`} data-section={props.id}>
      <h2>{props.title}</h2>
      {props.intro && <p class="muted">{props.intro}</p>}
      {props.children}
    </section>
  );
}

const TABLES: { name: ExportTable; intro?: keyof typeof t.tableIntro }[] = [
  { name: 'field', intro: 'field' },
  { name: 'outcome' },
  { name: 'staff', intro: 'staff' },
  { name: 'counter', intro: 'staff' },
  { name: 'rating' },
  { name: 'reason' },
  { name: 'staff-day' },
  { name: 'day' },
  { name: 'hour', intro: 'hour' },
  { name: 'dossier' },
];

function introOf(r: Report, name: ExportTable, intro: keyof typeof t.tableIntro | undefined): string | undefined {
  if (name === 'dossier' && r.dossiersLeftOut > 0) return t.dossiersLeftOut(count(r.dossiers.length), count(r.dossiersLeftOut));
  if (name === 'staff-day' && r.staffDaysLeftOut > 0) return t.staffDaysLeftOut(count(r.byStaffDay.length), count(r.staffDaysLeftOut));
  return intro ? t.tableIntro[intro] : undefined;
}

export function ReportView(props: { report: Report }) {
  const r = props.report;
  const v = r.totals.visits;
  const s = r.totals.services;
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
        {r.daysWithoutServices > 0 && <p class="banner info">{t.daysWithoutServices(count(r.daysWithoutServices))}</p>}
      </header>
      <ExportBar from={r.from} to={r.to} />
      {v.visits === 0 && <p class="banner info">{t.noData}</p>}

      <Section title={t.totalsHeading} id="totals">
        <div class="kpi-grid">
          <Kpi id="visits" label={t.visits} value={count(v.visits)} tone="blue" />
          <Kpi id="served" label={t.served} value={count(v.served)} tone="green" />
          <Kpi id="no-shows" label={t.noShows} value={count(v.absent)} />
          <Kpi id="unserved" label={t.unserved} value={count(v.unserved + v.serving)} />
          <Kpi id="services" label={t.services} value={count(s.services)} />
          <Kpi id="transfers" label={t.transfers} value={count(s.transfers)} />
          <Kpi id="absences" label={t.absences} value={count(s.absences)} />
          <Kpi id="service-level" label={t.serviceLevel} value={percentText(s.serviceLevelPercent)} />
          <Kpi id="dossiers" label={t.dossiers} value={count(s.dossiers)} />
          <Kpi id="priority" label={t.priority} value={count(v.priority)} />
          <Kpi id="rated" label={t.rated} value={count(s.ratings.rated)} />
        </div>
      </Section>

      <Section title={t.sentencesHeading} id="sentences">
        <OfficialLines lines={r.sentences} />
      </Section>

      <Section title={t.chartsHeading} id="charts" pageBreak>
        <ReportCharts report={r} />
      </Section>

      <Section title={t.timesHeading} id="times">
        <TimesTable totals={r.totals} />
      </Section>

      {TABLES.map(({ name, intro }, i) => {
        const table = reportTable(r, name);
        return (
          <Section key={name} title={table.title} id={`table-${name}`} pageBreak={i % 2 === 0} intro={introOf(r, name, intro)}>
            <ReportTable table={table} />
          </Section>
        );
      })}
    </article>
  );
}

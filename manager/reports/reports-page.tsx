// Any period: pick it, read it, export it. The period is kept in the address
// (#/bao-cao/2026-03-15/2026-06-14) so a report can be reloaded or bookmarked.
import { errorMessages, type ErrorBody } from '@protocol/errors';
import { errorText } from '@client/texts';
import { isoToday } from '../format';
import { href } from '../hash-route';
import { appTexts, reportTexts as t } from '../texts';
import { useResource } from '../use-resource';
import { PeriodPicker, type Range } from './period-picker';
import { OfficialPage } from './official-page';
import { ReportView } from './report-view';
import type { CentreConfig } from '@protocol/config';

const ISO_DAY = /^\d{4}-\d{2}-\d{2}$/;

/** A refused range comes with its own Vietnamese reason ("Khoảng thời gian tối đa là 3 năm."). */
function refusalText(error: ErrorBody): string {
  if (error.details?.length) return error.details.map((d) => d.message).join(' ');
  if (error.messageVi && error.messageVi !== errorMessages[error.code]?.vi) return error.messageVi;
  return errorText(error);
}

export function ReportsPage(props: { today: string | null; params: string[]; config: CentreConfig }) {
  const [from, to, view] = props.params;
  const range: Range | null = from && to && ISO_DAY.test(from) && ISO_DAY.test(to) ? { from, to } : null;
  const report = useResource('reports:period', range ? { from: range.from, to: range.to } : null);
  const today = props.today || isoToday();

  if (view === 'van-ban' && range) {
    return (
      <div class="page official">
        {report.loading && <p class="muted no-print">{appTexts.loading}</p>}
        {!report.loading && report.error && <p class="error">{refusalText(report.error)}</p>}
        {!report.loading && report.data && <OfficialPage report={report.data} config={props.config} />}
      </div>
    );
  }
  return (
    <div class="page reports">
      <header class="page-head no-print">
        <h1>{t.heading}</h1>
      </header>
      <PeriodPicker value={range} today={today} onChange={(r) => (location.hash = href('bao-cao', r.from, r.to))} />
      {!range && <p class="muted">{t.pickPeriod}</p>}
      {range && report.loading && <p class="muted" data-state="loading">{appTexts.loading}</p>}
      {range && !report.loading && report.error && (
        <p class="error" role="alert">
          {report.status === 404 ? appTexts.notAvailable : refusalText(report.error)}
        </p>
      )}
      {range && !report.loading && !report.error && report.data && <ReportView report={report.data} />}
    </div>
  );
}

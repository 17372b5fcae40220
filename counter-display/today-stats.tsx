// Today's figures for this counter and its officer: services, absences, transfers made,
// service time. The server's report of today computes them (docs/reports.md).
import type { CounterToday } from '@protocol/reports';
import { formatNumber } from '@client/format';
import { formatDuration } from './durations';
import { texts as t } from './texts';

export function TodayStats({ today }: { today: CounterToday | null }) {
  const s = today?.counter.services;
  const average = s?.serviceTime.averageSeconds ?? null;
  const count = (n: number | undefined) => (n === undefined ? t.none : formatNumber(n));
  return (
    <section class="panel stats-panel">
      <h2>{t.today}</h2>
      <dl class="stats">
        <div>
          <dt>{t.served}</dt>
          <dd data-stat="served">{count(s?.finished)}</dd>
        </div>
        <div>
          <dt>{t.noShows}</dt>
          <dd data-stat="no-shows">{count(s?.absences)}</dd>
        </div>
        <div>
          <dt>{t.transfersMade}</dt>
          <dd data-stat="transfers">{count(s?.transfers)}</dd>
        </div>
        <div>
          <dt>{t.averageService}</dt>
          <dd data-stat="average">{average === null ? t.none : formatDuration(average * 1000)}</dd>
        </div>
      </dl>
    </section>
  );
}

// Today's figures for this counter: served, no-shows, average service time.
import type { CounterStats } from '@protocol/queue';
import { formatNumber } from '@client/format';
import { averageServiceMs, formatDuration } from './durations';
import { texts as t } from './texts';

export function TodayStats({ stats }: { stats: CounterStats | undefined }) {
  const average = averageServiceMs(stats);
  return (
    <section class="panel stats-panel">
      <h2>{t.today}</h2>
      <dl class="stats">
        <div>
          <dt>{t.served}</dt>
          <dd data-stat="served">{formatNumber(stats?.served ?? 0)}</dd>
        </div>
        <div>
          <dt>{t.noShows}</dt>
          <dd data-stat="no-shows">{formatNumber(stats?.noShows ?? 0)}</dd>
        </div>
        <div>
          <dt>{t.averageService}</dt>
          <dd data-stat="average">{average === undefined ? t.none : formatDuration(average)}</dd>
        </div>
      </dl>
    </section>
  );
}

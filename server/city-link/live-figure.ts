// Today's figure per field as the city adds it up, computed with the centre's own report
// code from the live queue, so the city's live page and the centre's dashboard agree.
import type { LiveFigure } from '@protocol/city';
import type { CentreConfig } from '@protocol/config';
import { localDay } from '@protocol/local-time';
import type { QueueState } from '@protocol/queue';
import { buildReport } from '../reports/build-report';
import { summarizeState } from '../reports/day-summary';

export function liveFigure(state: QueueState, config: CentreConfig, now: number, backlogDays: number): LiveFigure {
  const day = state.day || localDay(now, config.centre.timeZone);
  const report = buildReport({ from: day, to: day, summaries: [summarizeState({ ...state, day }, config.centre.timeZone)], config, staff: [], now, includesToday: true });
  const satisfiedScores = new Set(config.rating.levels.filter((l) => !l.asksReason).map((l) => l.score));
  return {
    day,
    at: now,
    backlogDays,
    fields: report.byField.map((row) => ({
      serviceId: row.key,
      name: row.name,
      waiting: state.waiting[row.key]?.length ?? 0,
      serving: row.serving,
      served: row.served,
      visits: row.visits,
      waitCount: row.wait.count,
      waitSumSeconds: (row.wait.averageSeconds ?? 0) * row.wait.count,
      rated: row.ratings.rated,
      satisfied: row.ratings.levels.filter((l) => satisfiedScores.has(l.score)).reduce((s, l) => s + l.count, 0),
    })),
  };
}

// Today's figure per field as the city adds it up, read from the centre's own report of
// today (the dashboard's), so the city's live page and the centre's dashboard agree.
import type { LiveFigure } from '@protocol/city';
import type { CentreConfig } from '@protocol/config';
import type { QueueState } from '@protocol/queue';
import type { Report } from '@protocol/reports';

export function liveFigure(today: Report, state: QueueState, config: CentreConfig, now: number, backlogDays: number): LiveFigure {
  const satisfiedScores = new Set(config.rating.levels.filter((l) => !l.asksReason).map((l) => l.score));
  return {
    day: today.from,
    at: now,
    backlogDays,
    fields: today.byField.map((row) => {
      const v = row.visits;
      const ratings = row.services.ratings;
      return {
        serviceId: row.key,
        name: row.name,
        waiting: state.waiting[row.key]?.length ?? 0,
        serving: v.serving,
        served: v.served,
        visits: v.visits,
        waitCount: v.wait.count,
        waitSumSeconds: (v.wait.averageSeconds ?? 0) * v.wait.count,
        rated: ratings.rated,
        satisfied: ratings.levels.filter((l) => satisfiedScores.has(l.score)).reduce((s, l) => s + l.count, 0),
      };
    }),
  };
}

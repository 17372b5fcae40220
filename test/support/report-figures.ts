// The figures of an older release's report beside the same figures out of this release's, so a
// test can say "the managers' figures did not change across the upgrade" in one comparison.

/**
 * The figures an older release reported whose definitions are the same now (docs/reports.md):
 * each visit counted once in the field it ended in, on its day and hour of issue, with its
 * wait and its rating. Credits by counter and officer, and service time, are counted per
 * service since format 2 and are not compared.
 */
export function oldFigures(report: any) {
  const visits = (f: any) => ({
    visits: f.visits,
    served: f.served,
    absent: f.noShows,
    unserved: f.unserved,
    serving: f.serving,
    transferred: f.transferred,
    priority: f.priority,
    wait: f.wait,
  });
  const rows = (list: any[], ratings: boolean) => Object.fromEntries(list.map((r) => [r.key, ratings ? { visits: visits(r), ratings: r.ratings } : visits(r)]));
  return {
    period: [report.from, report.to, report.includesToday, report.daysWithData],
    totals: { visits: visits(report.totals), ratings: report.totals.ratings },
    byField: rows(report.byField, true),
    byDay: rows(report.byDay, false),
    byHour: rows(report.byHour, false),
  };
}

/** The same figures out of this release's report. */
export function newFigures(report: any, includesToday = report.includesToday) {
  const rows = (list: any[], ratings: boolean) =>
    Object.fromEntries(list.filter((r) => r.visits.visits > 0 || ratings).map((r) => [r.key, ratings ? { visits: r.visits, ratings: r.services.ratings } : r.visits]));
  return {
    period: [report.from, report.to, includesToday, report.daysWithData],
    totals: { visits: report.totals.visits, ratings: report.totals.services.ratings },
    byField: rows(report.byField, true),
    byDay: rows(report.byDay, false),
    byHour: rows(report.byHour, false),
  };
}

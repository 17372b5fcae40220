// Day summaries (format 2) written straight from a list of visits, for tests that need many
// random days without running the queue: each called visit gets the service that ended it,
// and a transferred one first a service in the field it came from, passed on.
import { ServiceEnd, VisitEnd } from '../../server/reports/day-facts';
import { emptyServiceColumns, emptyVisitColumns, type DaySummary } from '../../server/reports/day-summary';

export interface VisitRow {
  /** Index into the summary's fields: where it ended; `from`: where it was issued, when transferred. */
  field: number;
  from?: number;
  end: 'served' | 'absent' | 'unserved' | 'serving';
  waitMs: number;
  /** Duration of the service that ended it (and of the one that passed it on). */
  serviceMs: number;
  priority?: boolean;
  score?: number;
  /** 1 + index into the summary's reasons. */
  reason?: number;
  counter?: number;
  minute?: number;
}

const END = { served: VisitEnd.served, absent: VisitEnd.absent, unserved: VisitEnd.unserved, serving: VisitEnd.serving } as const;

export function daySummary(day: string, fields: string[], reasons: string[], rows: VisitRow[]): DaySummary {
  const visits = emptyVisitColumns(rows.length);
  const calls: { visit: number; field: number; end: number; durationMs: number; score: number; reason: number; counter: number; minute: number }[] = [];
  rows.forEach((r, i) => {
    const minute = r.minute ?? 480;
    const counter = r.counter ?? 1;
    visits.field[i] = r.field;
    visits.issuedField[i] = r.from ?? r.field;
    visits.minute[i] = minute;
    visits.waitMs[i] = r.end === 'unserved' && r.from === undefined ? -1 : r.waitMs;
    visits.end[i] = END[r.end];
    visits.priority[i] = r.priority ? 1 : 0;
    visits.transfers[i] = r.from !== undefined ? 1 : 0;
    if (r.from !== undefined) calls.push({ visit: i, field: r.from, end: ServiceEnd.transferred, durationMs: r.serviceMs, score: 0, reason: 0, counter, minute });
    if (r.end === 'unserved') return;
    const end = r.end === 'served' ? ServiceEnd.finished : r.end === 'absent' ? ServiceEnd.absent : ServiceEnd.open;
    calls.push({
      visit: i,
      field: r.field,
      end,
      durationMs: r.end === 'serving' ? -1 : r.serviceMs,
      score: r.end === 'served' ? (r.score ?? 0) : 0,
      reason: r.end === 'served' ? (r.reason ?? 0) : 0,
      counter,
      minute,
    });
  });
  const services = emptyServiceColumns(calls.length);
  calls.forEach((c, k) => {
    services.visit[k] = c.visit;
    services.field[k] = c.field;
    services.counter[k] = c.counter;
    services.minute[k] = c.minute;
    services.waitMs[k] = visits.waitMs[c.visit];
    services.durationMs[k] = c.durationMs;
    services.end[k] = c.end;
    services.score[k] = c.score;
    services.reason[k] = c.reason;
  });
  return {
    day,
    visitCount: rows.length,
    serviceCount: calls.length,
    fields,
    staff: [],
    reasons,
    outcomes: [],
    pauseReasons: [],
    visits,
    services,
    presence: [],
    dossierCodes: [],
  };
}

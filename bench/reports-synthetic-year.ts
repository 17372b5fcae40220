// Day summaries written straight to disk for a year of any size: simulating a million
// tickets through the core would take minutes, and the report reads only summaries.
import { writeFile, mkdir } from 'node:fs/promises';
import { join } from 'node:path';
import { sampleCentre } from '@protocol/sample-centre';
import { addDays, daysFrom } from '../server/reports/calendar-days';
import { ServiceEnd, VisitEnd } from '../server/reports/day-facts';
import { emptyServiceColumns, emptyVisitColumns, serializeSummary, type DaySummary } from '../server/reports/day-summary';
import { seededRandom, type Random } from '../server/simulator/seeded-random';
import { openingIntervals } from '../server/simulator/simulate-day';

const STAFF = Array.from({ length: 9 }, (_, i) => `canbo${i + 1}`);
const REASONS = sampleCentre.rating.reasons;
const OUTCOMES = sampleCentre.outcomes.map((o) => o.id);

/** The sample centre's working days in [from, to]. */
export function workingDays(from: string, to: string): string[] {
  return daysFrom(from, to).filter((d) => openingIntervals(sampleCentre, d).length > 0);
}

/** Writes summaries for the working days of [from, to] holding `tickets` visits in all; returns the days written. */
export async function writeSyntheticYear(dataDir: string, from: string, to: string, tickets: number, seed = 1): Promise<string[]> {
  const rng = seededRandom(seed);
  const days = workingDays(from, to);
  await mkdir(join(dataDir, 'summaries'), { recursive: true });
  let left = tickets;
  for (const [i, day] of days.entries()) {
    const n = Math.round(left / (days.length - i));
    left -= n;
    await writeFile(join(dataDir, 'summaries', `${day}.json`), serializeSummary(syntheticDay(rng, day, n)));
  }
  return days;
}

/** One day of a busy centre's visits and services, drawn from rng: ends, waits, service times, outcomes and ratings in realistic shares. */
export function syntheticDay(rng: Random, day: string, n: number): DaySummary {
  const fields = sampleCentre.services.map((s) => s.id);
  const counters = sampleCentre.counters.map((c) => c.id);
  const v = emptyVisitColumns(n);
  // About one visit in twenty-five has a second service (a transfer or a return).
  const calls: { visit: number; end: number }[] = [];
  for (let t = 0; t < n; t++) {
    const end = rng.chance(0.04) ? VisitEnd.absent : rng.chance(0.01) ? VisitEnd.unserved : VisitEnd.served;
    v.field[t] = v.issuedField[t] = rng.int(0, fields.length - 1);
    v.minute[t] = rng.chance(0.6) ? rng.int(450, 689) : rng.int(810, 1019);
    v.waitMs[t] = end === VisitEnd.unserved ? -1 : Math.round(rng.lognormal(300_000, 0.9));
    v.end[t] = end;
    v.priority[t] = rng.chance(0.08) ? 1 : 0;
    const transferred = end === VisitEnd.served && rng.chance(0.04);
    v.transfers[t] = transferred ? 1 : 0;
    if (transferred) calls.push({ visit: t, end: ServiceEnd.transferred });
    if (end !== VisitEnd.unserved) calls.push({ visit: t, end: end === VisitEnd.absent ? ServiceEnd.absent : ServiceEnd.finished });
  }
  const s = emptyServiceColumns(calls.length);
  calls.forEach((call, k) => {
    s.visit[k] = call.visit;
    s.field[k] = v.field[call.visit];
    s.counter[k] = counters[rng.int(0, counters.length - 1)];
    s.staff[k] = rng.int(1, STAFF.length);
    s.minute[k] = Math.min(1439, v.minute[call.visit] + 10);
    s.waitMs[k] = v.waitMs[call.visit];
    s.durationMs[k] = call.end === ServiceEnd.absent ? 90_000 : Math.round(rng.lognormal(480_000, 0.5));
    s.end[k] = call.end;
    const finished = call.end === ServiceEnd.finished;
    s.outcome[k] = finished && !rng.chance(0.05) ? rng.int(1, OUTCOMES.length) : 0;
    s.dossiers[k] = finished && s.outcome[k] === 1 ? 1 : 0;
    const rated = finished && rng.chance(0.7);
    s.score[k] = rated ? [3, 3, 3, 2, 1][rng.int(0, 4)] : 0;
    s.reason[k] = s.score[k] === 1 ? rng.int(1, REASONS.length) : 0;
  });
  return {
    day,
    visitCount: n,
    serviceCount: calls.length,
    fields,
    staff: STAFF,
    reasons: [...REASONS],
    outcomes: OUTCOMES,
    pauseReasons: ['Nghỉ trưa'],
    visits: v,
    services: s,
    presence: STAFF.map((_, k) => ({ counter: counters[k], staff: k, signedInMs: 8 * 3_600_000, servingMs: 5 * 3_600_000, idleMs: 2 * 3_600_000, paused: [[0, 3_600_000]] })),
    dossierCodes: [],
  };
}

/** The reporting year 15/12 of the year before to 14/12. */
export function reportingYear(year: number): { from: string; to: string } {
  return { from: addDays(`${year - 1}-12-14`, 1), to: `${year}-12-14` };
}

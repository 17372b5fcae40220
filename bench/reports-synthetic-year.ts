// Day summaries written straight to disk for a year of any size: simulating a million
// tickets through the core would take minutes, and the report reads only summaries.
import { writeFile, mkdir } from 'node:fs/promises';
import { join } from 'node:path';
import { sampleCentre } from '@protocol/sample-centre';
import { addDays, daysFrom } from '../server/reports/calendar-days';
import { emptyColumns, Outcome, serializeSummary, type DaySummary } from '../server/reports/day-summary';
import { seededRandom, type Random } from '../server/simulator/seeded-random';
import { openingIntervals } from '../server/simulator/simulate-day';

const STAFF = Array.from({ length: 9 }, (_, i) => `canbo${i + 1}`);
const REASONS = sampleCentre.rating.reasons;

/** The sample centre's working days in [from, to]. */
export function workingDays(from: string, to: string): string[] {
  return daysFrom(from, to).filter((d) => openingIntervals(sampleCentre, d).length > 0);
}

/** Writes summaries for the working days of [from, to] holding `tickets` tickets in all; returns the days written. */
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

/** One day of a busy centre's tickets, drawn from rng: outcomes, waits, service times and ratings in realistic shares. */
export function syntheticDay(rng: Random, day: string, n: number): DaySummary {
  const services = sampleCentre.services.map((s) => s.id);
  const counters = sampleCentre.counters.map((c) => c.id);
  const c = emptyColumns(n);
  for (let t = 0; t < n; t++) {
    const outcome = rng.chance(0.04) ? Outcome.noShow : rng.chance(0.01) ? Outcome.unserved : Outcome.served;
    c.service[t] = rng.int(0, services.length - 1);
    c.counter[t] = outcome === Outcome.unserved ? 0 : counters[rng.int(0, counters.length - 1)];
    c.staff[t] = outcome === Outcome.unserved ? 0 : rng.int(1, STAFF.length);
    c.minute[t] = rng.chance(0.6) ? rng.int(450, 689) : rng.int(810, 1019);
    c.waitMs[t] = outcome === Outcome.unserved ? -1 : Math.round(rng.lognormal(300_000, 0.9));
    c.serviceMs[t] = outcome === Outcome.served ? Math.round(rng.lognormal(480_000, 0.5)) : -1;
    c.outcome[t] = outcome;
    c.priority[t] = rng.chance(0.08) ? 1 : 0;
    c.transfers[t] = rng.chance(0.02) ? 1 : 0;
    const rated = outcome === Outcome.served && rng.chance(0.7);
    c.score[t] = rated ? [3, 3, 3, 2, 1][rng.int(0, 4)] : 0;
    c.reason[t] = c.score[t] === 1 ? rng.int(1, REASONS.length) : 0;
  }
  return { day, tickets: n, services, staff: STAFF, reasons: [...REASONS], columns: c };
}

/** The reporting year 15/12 of the year before to 14/12. */
export function reportingYear(year: number): { from: string; to: string } {
  return { from: addDays(`${year - 1}-12-14`, 1), to: `${year}-12-14` };
}

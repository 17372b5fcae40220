// Fills a data folder with a realistic period of journals (and their summaries), for
// demos, report tests and benchmarks. Deterministic: the same seed gives the same files.
import { join } from 'node:path';
import type { CentreConfig } from '@protocol/config';
import { sampleCentre } from '@protocol/sample-centre';
import { sampleStaff } from '../centre/sample-staff';
import { journalFile } from '../store/day-journal';
import { formatJournalLine } from '../store/journal-line';
import { writeFileDurably } from '../store/durable-json-file';
import { daysFrom, weekdayOf } from '../reports/calendar-days';
import { serializeSummary, summarizeDay } from '../reports/day-summary';
import { hashSeed, seededRandom } from './seeded-random';
import { openingIntervals, simulateDay } from './simulate-day';
import { emptyLedger, type SimulationLedger } from './simulation-ledger';
import { DAY_NOISE, MONDAY_FACTOR } from './simulation-profile';
import { summaryFile } from '../reports/summary-store';

export interface SimulationOptions {
  dataDir: string;
  from: string;
  to: string;
  /** Tickets to issue over the whole period. */
  visits: number;
  seed?: number;
  config?: CentreConfig;
  staffIds?: readonly string[];
}

export interface SimulatedDay {
  day: string;
  tickets: number;
  events: number;
}

export interface SimulationResult {
  days: SimulatedDay[];
  tickets: number;
  events: number;
  journalDir: string;
  summaryDir: string;
  /** What the simulator did, counted by itself (the report tests compare against it). */
  ledger: SimulationLedger;
}

/** Everyone who works at the sample centre's counters, so every field sees visitors. */
export const SIMULATED_STAFF = sampleStaff.map((s) => s.username);

/** Splits the visits over working days in proportion to their opening time, with day-to-day noise. */
export function visitsPerDay(config: CentreConfig, days: readonly string[], visits: number, seed: number): Map<string, number> {
  const rng = seededRandom(hashSeed(`${seed}:days`));
  const weights = days.map((day) => {
    const open = openingIntervals(config, day).reduce((ms, iv) => ms + (iv.end - iv.start), 0);
    const monday = weekdayOf(day) === 1 ? MONDAY_FACTOR : 1;
    return open * monday * (1 - DAY_NOISE + 2 * DAY_NOISE * rng.next());
  });
  const total = weights.reduce((s, w) => s + w, 0);
  const out = new Map<string, number>();
  if (total === 0) return out;
  // Largest remainder, so the days add up to exactly the visits asked for.
  const exact = weights.map((w) => (w / total) * visits);
  const counts = exact.map(Math.floor);
  let left = visits - counts.reduce((s, c) => s + c, 0);
  const byRemainder = exact.map((x, i) => ({ i, r: x - Math.floor(x) })).sort((a, b) => b.r - a.r || a.i - b.i);
  for (const { i } of byRemainder) {
    if (left-- <= 0) break;
    counts[i]++;
  }
  days.forEach((day, i) => {
    if (weights[i] > 0) out.set(day, counts[i]);
  });
  return out;
}

export async function simulatePeriod(options: SimulationOptions): Promise<SimulationResult> {
  const config = options.config ?? sampleCentre;
  const seed = options.seed ?? 1;
  const staffIds = options.staffIds ?? SIMULATED_STAFF;
  const plan = visitsPerDay(config, daysFrom(options.from, options.to), options.visits, seed);
  const result: SimulationResult = {
    days: [],
    tickets: 0,
    events: 0,
    journalDir: join(options.dataDir, 'journal'),
    summaryDir: join(options.dataDir, 'summaries'),
    ledger: emptyLedger(),
  };
  for (const [day, visits] of plan) {
    const events = simulateDay({ day, visits, config, staffIds, rng: seededRandom(hashSeed(`${seed}:${day}`)), ledger: result.ledger });
    if (events.length === 0) continue;
    let text = '';
    for (const e of events) text += formatJournalLine(e);
    await writeFileDurably(journalFile(options.dataDir, day), text);
    const summary = { ...summarizeDay(day, events, config.centre.timeZone), journalBytes: Buffer.byteLength(text) };
    await writeFileDurably(summaryFile(options.dataDir, day), serializeSummary(summary));
    result.days.push({ day, tickets: summary.visitCount, events: events.length });
    result.tickets += summary.visitCount;
    result.events += events.length;
  }
  return result;
}

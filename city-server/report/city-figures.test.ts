// The city's figures are a centre's report figures: on random summaries (fields and scores no
// longer configured, reasons, every outcome, times that tie), each centre's line and its fields
// equal what build-report.ts gives that centre, and the city's totals and fields equal
// build-report.ts run over every centre's days at once.
import { describe, expect, it } from 'vitest';
import type { CentreConfig } from '@protocol/config';
import { sampleCentre } from '@protocol/sample-centre';
import { centreProfile } from '../../server/city-link/centre-profile';
import { buildReport } from '../../server/reports/build-report';
import { addDays, daysBetween } from '../../server/reports/calendar-days';
import type { DaySummary } from '../../server/reports/day-summary';
import type { CityFigures, CityRow } from '@protocol/city';
import type { Report } from '@protocol/reports';
import { seededRandom, type Random } from '../../server/simulator/seeded-random';
import { daySummary, type VisitRow } from '../../test/support/day-summaries';
import { cityDay } from './city-day';
import { cityFigures, type CentreFacts } from './city-figures';
import { sortTimes } from './sorted-times';

const ENDS: VisitRow['end'][] = ['served', 'served', 'served', 'absent', 'unserved', 'serving'];

function randomSummary(rng: Random, day: string, services: string[], scores: number[], reasons: string[]): DaySummary {
  const rows: VisitRow[] = Array.from({ length: rng.int(0, 60) }, () => {
    const end = ENDS[rng.int(0, ENDS.length - 1)];
    const score = end === 'served' && rng.chance(0.7) ? scores[rng.int(0, scores.length - 1)] : 0;
    return {
      field: rng.int(0, services.length - 1),
      // Some were passed on from another field first: a service there, the visit ends here.
      ...(rng.chance(0.1) ? { from: rng.int(0, services.length - 1) } : {}),
      end,
      // Whole minutes tie often, which is where a median is easiest to get wrong.
      waitMs: rng.chance(0.3) ? rng.int(0, 30) * 60_000 : rng.int(0, 3_600_000),
      serviceMs: rng.int(1, 2_000_000),
      priority: rng.chance(0.1),
      score,
      reason: score !== 0 && rng.chance(0.3) ? rng.int(1, reasons.length) : 0,
      counter: rng.int(1, 12),
      minute: rng.int(420, 1020),
    };
  });
  return daySummary(day, services, reasons, rows);
}

/** A centre unlike the others: some fields off, one scale of its own, old fields and scores in its history. */
function randomCentre(rng: Random, index: number): { facts: CentreFacts; config: CentreConfig; summaries: DaySummary[] } {
  const config: CentreConfig = structuredClone(sampleCentre);
  config.centre.name = `Trung tâm ${index}`;
  config.services.forEach((s, i) => (s.active = i % (index + 2) !== 0));
  if (index === 1)
    config.rating.levels = [5, 4, 3, 2, 1].map((score) => ({ score, label: `Mức ${score} của TT`, icon: '', asksReason: score <= 2 }));
  const ids = config.services.map((s) => s.id);
  const scores = [...config.rating.levels.map((l) => l.score), 7];
  const summaries: DaySummary[] = [];
  for (let d = 0; d < 25; d++) {
    if (rng.chance(0.2)) continue;
    const services = rng.shuffle([...ids, 'linh-vuc-cu']).slice(0, rng.int(1, ids.length));
    const reasons = rng.shuffle(['Thái độ phục vụ', 'Thời gian chờ lâu', 'Khác', `Lý do ${index}`]).slice(0, rng.int(1, 4));
    summaries.push(randomSummary(rng, addDays('2026-03-01', d), services, scores, reasons));
  }
  return { facts: { id: `tt-${index}`, name: config.centre.name, profile: centreProfile(config), days: summaries.map(cityDay) }, config, summaries };
}

const withoutKey = ({ key: _k, name: _n, ...figures }: CityRow): CityFigures => figures;
/** What of a centre's report the city adds up: visits, and the service time and ratings of the services. */
const cityPart = (f: Pick<Report['totals'], 'visits' | 'services'>): CityFigures => ({ visits: f.visits, serviceTime: f.services.serviceTime, ratings: f.services.ratings });

describe('cityFigures', () => {
  for (const seed of [1, 2, 3]) {
    it(`gives every centre its own report's totals and fields, and the city the report over all days (seed ${seed})`, () => {
      const rng = seededRandom(seed);
      const centres = [0, 1, 2, 3].map((i) => randomCentre(rng, i));
      const city = cityFigures({ from: '2026-03-01', to: '2026-03-31', now: 0, centres: centres.map((c) => c.facts) });

      for (const { facts, config, summaries } of centres) {
        const own = buildReport({ from: '2026-03-01', to: '2026-03-31', summaries, config, staff: [], now: 0, includesToday: false });
        expect(withoutKey(city.byCentre.find((r) => r.key === facts.id)!)).toEqual(cityPart(own.totals));
        const fields = city.byCentreField.filter((r) => r.centreId === facts.id).map(({ centreId: _c, centreName: _n, ...r }) => ({ key: r.key, name: r.name, ...withoutKey(r) }));
        expect(fields).toEqual(own.byField.map((r) => ({ key: r.key, name: r.name, ...cityPart(r) })));
      }

      // The city's definitions: every centre's configured fields and scores, labels from the first centre that has them.
      const merged: CentreConfig = structuredClone(centres[0].config);
      merged.services = [];
      for (const { config } of centres)
        for (const s of config.services) if (s.active && !merged.services.some((m) => m.id === s.id)) merged.services.push(s);
      for (const { config } of centres.slice(1))
        for (const l of config.rating.levels) if (!merged.rating.levels.some((m) => m.score === l.score)) merged.rating.levels.push(l);
      const all = buildReport({ from: '2026-03-01', to: '2026-03-31', summaries: centres.flatMap((c) => c.summaries), config: merged, staff: [], now: 0, includesToday: false });
      expect(city.totals).toEqual(cityPart(all.totals));
      expect(city.byField.map((r) => ({ key: r.key, ...withoutKey(r) }))).toEqual(all.byField.map((r) => ({ key: r.key, ...cityPart(r) })));
      expect(city.totals.visits.visits).toBe(city.byCentre.reduce((s, r) => s + r.visits.visits, 0));
      expect(city.daysWithData).toBe(centres.reduce((s, c) => s + c.summaries.length, 0));
    });
  }

  it('gives the same figures from times sorted once over a wider span as from the range sorted afresh', () => {
    const rng = seededRandom(7);
    const centres = [0, 1, 2].map((i) => randomCentre(rng, i).facts);
    const [from, to] = ['2026-03-05', '2026-03-18'];
    const number = (day: string) => daysBetween('2026-03-01', day);
    const inRange = centres.map((c) => ({ ...c, days: c.days.filter((d) => from <= d.day && d.day <= to) }));
    const afresh = cityFigures({ from, to, now: 0, centres: inRange });
    const indexed = cityFigures({ from, to, now: 0, centres: inRange.map((c, i) => ({ ...c, sorted: { times: sortTimes(centres[i].days, number), from: number(from), to: number(to) } })) });
    expect(indexed).toEqual(afresh);
    expect(afresh.totals.visits.wait.count).toBeGreaterThan(0);
  });

  it('answers a city with no facts with empty figures', () => {
    const city = cityFigures({ from: '2026-03-01', to: '2026-03-31', now: 0, centres: [] });
    expect(city.totals.visits.visits).toBe(0);
    expect(city.totals.visits.wait.medianSeconds).toBeNull();
    expect(city.byCentre).toEqual([]);
  });
});

// The city's figures are a centre's report figures: on random summaries (fields and scores no
// longer configured, reasons, every outcome, times that tie), each centre's line and its fields
// equal what build-report.ts gives that centre, and the city's totals and fields equal
// build-report.ts run over every centre's days at once.
import { describe, expect, it } from 'vitest';
import type { CentreConfig } from '@protocol/config';
import { sampleCentre } from '@protocol/sample-centre';
import { centreProfile } from '../../server/city-link/centre-profile';
import { buildReport } from '../../server/reports/build-report';
import { addDays } from '../../server/reports/calendar-days';
import { emptyColumns, Outcome, type DaySummary } from '../../server/reports/day-summary';
import type { BreakdownRow, Figures } from '@protocol/reports';
import { seededRandom, type Random } from '../../server/simulator/seeded-random';
import { cityDay } from './city-day';
import { cityFigures, type CentreFacts } from './city-figures';

const OUTCOMES = [Outcome.served, Outcome.served, Outcome.served, Outcome.noShow, Outcome.unserved, Outcome.serving];

function randomSummary(rng: Random, day: string, services: string[], scores: number[], reasons: string[]): DaySummary {
  const n = rng.int(0, 60);
  const c = emptyColumns(n);
  for (let i = 0; i < n; i++) {
    const outcome = OUTCOMES[rng.int(0, OUTCOMES.length - 1)];
    c.service[i] = rng.int(0, services.length - 1);
    c.counter[i] = outcome === Outcome.unserved ? 0 : rng.int(1, 12);
    c.minute[i] = rng.int(420, 1020);
    // Whole minutes tie often, which is where a median is easiest to get wrong.
    c.waitMs[i] = outcome === Outcome.unserved ? -1 : rng.chance(0.3) ? rng.int(0, 30) * 60_000 : rng.int(0, 3_600_000);
    c.serviceMs[i] = outcome === Outcome.served ? rng.int(1, 2_000_000) : -1;
    c.outcome[i] = outcome;
    c.priority[i] = rng.chance(0.1) ? 1 : 0;
    c.transfers[i] = rng.chance(0.05) ? rng.int(1, 3) : 0;
    c.score[i] = outcome === Outcome.served && rng.chance(0.7) ? scores[rng.int(0, scores.length - 1)] : 0;
    c.reason[i] = c.score[i] !== 0 && rng.chance(0.3) ? rng.int(1, reasons.length) : 0;
  }
  return { day, tickets: n, services, staff: [], reasons, columns: c };
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

const withoutKey = ({ key: _k, name: _n, ...figures }: BreakdownRow): Figures => figures;

describe('cityFigures', () => {
  for (const seed of [1, 2, 3]) {
    it(`gives every centre its own report's totals and fields, and the city the report over all days (seed ${seed})`, () => {
      const rng = seededRandom(seed);
      const centres = [0, 1, 2, 3].map((i) => randomCentre(rng, i));
      const city = cityFigures({ from: '2026-03-01', to: '2026-03-31', now: 0, centres: centres.map((c) => c.facts) });

      for (const { facts, config, summaries } of centres) {
        const own = buildReport({ from: '2026-03-01', to: '2026-03-31', summaries, config, staff: [], now: 0, includesToday: false });
        expect(withoutKey(city.byCentre.find((r) => r.key === facts.id)!)).toEqual(own.totals);
        const fields = city.byCentreField.filter((r) => r.centreId === facts.id).map(({ centreId: _c, centreName: _n, ...r }) => ({ key: r.key, name: r.name, ...withoutKey(r) }));
        expect(fields).toEqual(own.byField.map((r) => ({ key: r.key, name: r.name, ...withoutKey(r) })));
      }

      // The city's definitions: every centre's configured fields and scores, labels from the first centre that has them.
      const merged: CentreConfig = structuredClone(centres[0].config);
      merged.services = [];
      for (const { config } of centres)
        for (const s of config.services) if (s.active && !merged.services.some((m) => m.id === s.id)) merged.services.push(s);
      for (const { config } of centres.slice(1))
        for (const l of config.rating.levels) if (!merged.rating.levels.some((m) => m.score === l.score)) merged.rating.levels.push(l);
      const all = buildReport({ from: '2026-03-01', to: '2026-03-31', summaries: centres.flatMap((c) => c.summaries), config: merged, staff: [], now: 0, includesToday: false });
      expect(city.totals).toEqual(all.totals);
      expect(city.byField.map((r) => ({ key: r.key, ...withoutKey(r) }))).toEqual(all.byField.map((r) => ({ key: r.key, ...withoutKey(r) })));
      expect(city.totals.visits).toBe(city.byCentre.reduce((s, r) => s + r.visits, 0));
      expect(city.daysWithData).toBe(centres.reduce((s, c) => s + c.summaries.length, 0));
    });
  }

  it('answers a city with no facts with empty figures', () => {
    const city = cityFigures({ from: '2026-03-01', to: '2026-03-31', now: 0, centres: [] });
    expect(city.totals.visits).toBe(0);
    expect(city.totals.wait.medianSeconds).toBeNull();
    expect(city.byCentre).toEqual([]);
  });
});

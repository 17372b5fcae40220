// The city reads its stored days back a page at a time (day-facts-store.ts): every day in the
// range exactly once, in (day, centre) order, whatever the page size, on a real PostgreSQL.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sampleCentre } from '@protocol/sample-centre';
import { centreProfile } from '../../server/city-link/centre-profile';
import { serializeSummary } from '../../server/reports/day-summary';
import { daySummary } from '../support/day-summaries';
import { migrate } from '../../city-server/db/migrations';
import { createPool } from '../../city-server/db/pool';
import { DayFactsStore, parseDays, type StoredDay } from '../../city-server/facts/day-facts-store';
import { postgresBinDir, startThrowawayPostgres, type ThrowawayPostgres } from '../support/postgres';

const DAYS = ['2026-03-02', '2026-03-03', '2026-03-04', '2026-03-05', '2026-03-06'];
const CENTRES = ['trung-tam-a', 'trung-tam-b', 'trung-tam-c'];

describe.skipIf(!postgresBinDir())('stored days read back in pages', () => {
  let pg: ThrowawayPostgres;
  let pool: ReturnType<typeof createPool>;

  beforeAll(async () => {
    pg = await startThrowawayPostgres({ durable: false });
    pool = createPool(pg.url);
    await migrate(pool);
    const store = new DayFactsStore(pool, () => 0);
    for (const [c, id] of CENTRES.entries()) {
      await pool.query('INSERT INTO centres (id, name, token_hash, created_at) VALUES ($1, $1, $2, 0)', [id, `hash-${id}`]);
      const days = DAYS.map((day) => ({ day, version: 1, summary: serializeSummary(daySummary(day, ['ho-tich'], [], [{ field: 0, end: 'served', waitMs: 1000 * (c + 1), serviceMs: 60_000, score: 0 }])) }));
      await store.ingest(id, centreProfile(sampleCentre), parseDays(days));
    }
  });
  afterAll(async () => {
    await pool?.end();
    await pg?.stop();
  });

  const read = async (rowsPerPage: number, from: string, to: string) => {
    const seen: StoredDay[] = [];
    await new DayFactsStore(pool, () => 0, rowsPerPage).eachDay(from, to, (d) => seen.push(d));
    return seen.map((d) => `${d.day} ${d.centreId} ${d.summary.visits.waitMs[0]}`);
  };
  const expected = (days: string[]) => days.flatMap((day) => CENTRES.map((id, c) => `${day} ${id} ${1000 * (c + 1)}`));

  it('gives every day of the range once, in order, across page boundaries', async () => {
    for (const size of [1, 2, 3, 4, 500]) expect(await read(size, DAYS[0], DAYS[4])).toEqual(expected(DAYS));
    expect(await read(2, DAYS[1], DAYS[3])).toEqual(expected(DAYS.slice(1, 4)));
    expect(await read(2, '2026-04-01', '2026-04-30')).toEqual([]);
  });
});

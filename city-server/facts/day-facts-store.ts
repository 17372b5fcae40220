// Every centre's closed days in PostgreSQL. A batch is written in one transaction and only
// then acknowledged. A day's row is replaced only by a higher (format, version), so the same
// day sent twice, or an older copy sent after a centre restored a backup, changes nothing.
import type pg from 'pg';
import type { CentreProfile, DayFacts, DayFactsStatus } from '@protocol/city';
import { parseSummary, SUMMARY_FORMAT, type DaySummary } from '../../server/reports/day-summary';
import { QueueError } from '@protocol/errors';

/** The centre's summary format the facts were read with (its number is inside each summary;
 *  an older one is brought up to this one by the centre's own parser). */
export const FACTS_FORMAT = SUMMARY_FORMAT;

export interface ParsedDay {
  day: string;
  version: number;
  summary: DaySummary;
  text: string;
}

/** Reads every day of a batch with the centre's own parser; one bad day refuses the whole batch. */
export function parseDays(days: readonly DayFacts[]): ParsedDay[] {
  const seen = new Set<string>();
  return days.map((d, i) => {
    if (seen.has(d.day)) throw new QueueError('invalid-payload', [{ path: `days.${i}.day`, message: `Ngày ${d.day} có hai lần trong một lần gửi` }]);
    seen.add(d.day);
    try {
      return { day: d.day, version: d.version, summary: parseSummary(d.summary, d.day), text: d.summary };
    } catch (err) {
      throw new QueueError('invalid-payload', [{ path: `days.${i}.summary`, message: `Số liệu ngày ${d.day} không đọc được: ${(err as Error).message}` }]);
    }
  });
}

export interface StoredDay {
  centreId: string;
  day: string;
  summary: DaySummary;
}

export class DayFactsStore {
  constructor(
    private readonly pool: pg.Pool,
    private readonly clock: () => number,
    /** Summaries read back per query: a few MB of text at a time. */
    private readonly rowsPerPage = 500,
  ) {}

  /** Writes what is new, notes the centre's contact and profile; answers each day's fate. */
  async ingest(centreId: string, profile: CentreProfile, days: readonly ParsedDay[]): Promise<{ day: string; version: number; status: DayFactsStatus }[]> {
    const now = this.clock();
    const client = await this.pool.connect();
    try {
      await client.query('BEGIN');
      const written = await client.query<{ day: string }>(
        `INSERT INTO day_facts (centre_id, day, facts_format, version, tickets, summary, received_at)
         SELECT $1, u.day, $2, u.version, u.tickets, u.summary, $3
         FROM unnest($4::date[], $5::bigint[], $6::int[], $7::text[]) AS u(day, version, tickets, summary)
         ON CONFLICT (centre_id, day) DO UPDATE
           SET facts_format = EXCLUDED.facts_format, version = EXCLUDED.version, tickets = EXCLUDED.tickets,
               summary = EXCLUDED.summary, received_at = EXCLUDED.received_at
           WHERE (day_facts.facts_format, day_facts.version) < (EXCLUDED.facts_format, EXCLUDED.version)
         RETURNING day`,
        [centreId, FACTS_FORMAT, now, days.map((d) => d.day), days.map((d) => d.version), days.map((d) => d.summary.visitCount), days.map((d) => d.text)],
      );
      const stored = new Set(written.rows.map((r) => r.day));
      const kept = days.filter((d) => !stored.has(d.day));
      const versions = new Map<string, { format: number; version: number }>();
      if (kept.length) {
        const r = await client.query<{ day: string; facts_format: number; version: number }>('SELECT day, facts_format, version FROM day_facts WHERE centre_id = $1 AND day = ANY($2::date[])', [
          centreId,
          kept.map((d) => d.day),
        ]);
        for (const row of r.rows) versions.set(row.day, { format: row.facts_format, version: row.version });
      }
      await client.query('UPDATE centres SET profile = $2, last_contact_at = $3 WHERE id = $1', [centreId, profile, now]);
      await client.query('COMMIT');
      return days.map((d) => {
        if (stored.has(d.day)) return { day: d.day, version: d.version, status: 'stored' as const };
        const have = versions.get(d.day);
        const same = have?.format === FACTS_FORMAT && have.version === d.version;
        return { day: d.day, version: d.version, status: same ? ('duplicate' as const) : ('superseded' as const) };
      });
    } catch (err) {
      await client.query('ROLLBACK').catch(() => undefined);
      throw err;
    } finally {
      client.release();
    }
  }

  /** Every centre's days in [from, to], read back with the centre's parser. */
  async range(from: string, to: string): Promise<StoredDay[]> {
    const days: StoredDay[] = [];
    await this.eachDay(from, to, (d) => days.push(d));
    return days;
  }

  /**
   * Every centre's days in [from, to], each parsed and handed to `visit` in turn, a page of
   * rows at a time: a city's year is ~35,000 summaries, and read in one answer all of them and
   * all their parsed columns are alive at once (at a restart the collector took longer than the
   * parsing). `visit` keeps what it needs and the rest goes with the page.
   */
  async eachDay(from: string, to: string, visit: (d: StoredDay) => void): Promise<void> {
    let after: { day: string; centreId: string } | undefined;
    for (;;) {
      const r = await this.pool.query<{ centre_id: string; day: string; summary: string }>(
        `SELECT centre_id, day, summary FROM day_facts
         WHERE day BETWEEN $1 AND $2 AND ($3::date IS NULL OR (day, centre_id) > ($3::date, $4::text))
         ORDER BY day, centre_id LIMIT $5`,
        [from, to, after?.day ?? null, after?.centreId ?? null, this.rowsPerPage],
      );
      for (const row of r.rows) visit({ centreId: row.centre_id, day: row.day, summary: parseSummary(row.summary, row.day) });
      if (r.rows.length < this.rowsPerPage) return;
      const last = r.rows[r.rows.length - 1];
      after = { day: last.day, centreId: last.centre_id };
    }
  }
}

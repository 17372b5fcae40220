// Every centre's figure of the moment. Kept in memory for the city's live page and in
// PostgreSQL so a restarted city shows the last figures at once; the newest `at` wins.
import type pg from 'pg';
import type { CityToday, CityTodayCentre, LiveField, LiveFigure, LiveLine } from '@protocol/city';
import { ONLINE_MS, type CentreRegistry } from '../centres/centre-registry';

interface Heard {
  figure: LiveFigure;
  receivedAt: number;
}

type Totals = Omit<LiveLine, 'serviceId' | 'name'>;

function emptyTotals(): Totals {
  return { waiting: 0, serving: 0, served: 0, visits: 0, averageWaitSeconds: null, rated: 0, satisfactionPercent: null };
}

/** Adds fields up; averages and shares are taken from the summed counts, never averaged twice. */
class LineSum {
  waiting = 0;
  serving = 0;
  served = 0;
  visits = 0;
  waitCount = 0;
  waitSumSeconds = 0;
  rated = 0;
  satisfied = 0;
  add(f: LiveField): void {
    this.waiting += f.waiting;
    this.serving += f.serving;
    this.served += f.served;
    this.visits += f.visits;
    this.waitCount += f.waitCount;
    this.waitSumSeconds += f.waitSumSeconds;
    this.rated += f.rated;
    this.satisfied += f.satisfied;
  }
  totals(): Totals {
    return {
      waiting: this.waiting,
      serving: this.serving,
      served: this.served,
      visits: this.visits,
      averageWaitSeconds: this.waitCount > 0 ? this.waitSumSeconds / this.waitCount : null,
      rated: this.rated,
      satisfactionPercent: this.rated > 0 ? (this.satisfied / this.rated) * 100 : null,
    };
  }
}

export class LiveStore {
  private readonly heard = new Map<string, Heard>();

  constructor(
    private readonly pool: pg.Pool,
    private readonly registry: CentreRegistry,
    private readonly clock: () => number,
  ) {}

  async load(): Promise<void> {
    const rows = (await this.pool.query<{ id: string; live: LiveFigure; last_contact_at: number }>('SELECT id, live, last_contact_at FROM centres WHERE live IS NOT NULL')).rows;
    for (const r of rows) this.heard.set(r.id, { figure: r.live, receivedAt: r.last_contact_at });
  }

  async put(centreId: string, figure: LiveFigure): Promise<void> {
    const now = this.clock();
    const before = this.heard.get(centreId);
    if (!before || before.figure.at <= figure.at) this.heard.set(centreId, { figure, receivedAt: now });
    else this.heard.set(centreId, { ...before, receivedAt: now });
    await this.pool.query(
      `UPDATE centres SET last_contact_at = $3, backlog_days = $4,
         live = CASE WHEN live_at IS NULL OR live_at <= $5 THEN $2::jsonb ELSE live END,
         live_at = GREATEST(COALESCE(live_at, 0), $5)
       WHERE id = $1`,
      [centreId, figure, now, figure.backlogDays, figure.at],
    );
  }

  /** Closed days a centre said it still has to send; ingest of days also counts as contact. */
  noteContact(centreId: string): void {
    const h = this.heard.get(centreId);
    if (h) h.receivedAt = this.clock();
  }

  today(): CityToday {
    const now = this.clock();
    const city = new LineSum();
    const cityFields = new Map<string, { name: string; sum: LineSum }>();
    const centres: CityTodayCentre[] = this.registry
      .all()
      .filter((c) => !c.revoked)
      .map((c) => {
        const h = this.heard.get(c.id);
        const online = h !== undefined && now - h.receivedAt < ONLINE_MS;
        const own = new LineSum();
        const fields: LiveLine[] = (h?.figure.fields ?? []).map((f) => {
          own.add(f);
          if (online) {
            city.add(f);
            let entry = cityFields.get(f.serviceId);
            if (!entry) cityFields.set(f.serviceId, (entry = { name: f.name, sum: new LineSum() }));
            entry.sum.add(f);
          }
          const one = new LineSum();
          one.add(f);
          return { serviceId: f.serviceId, name: f.name, ...one.totals() };
        });
        return { id: c.id, name: c.name, online, at: h?.figure.at ?? null, day: h?.figure.day ?? null, totals: h ? own.totals() : emptyTotals(), fields };
      });
    return {
      at: now,
      totals: city.totals(),
      byField: [...cityFields].map(([serviceId, { name, sum }]) => ({ serviceId, name, ...sum.totals() })),
      centres,
    };
  }
}

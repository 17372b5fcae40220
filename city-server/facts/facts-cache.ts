// Every centre's recent days in memory, as the centre's own report keeps its summaries: a
// city's year is ~4 million tickets, ~90 MB of typed arrays, and a report reads them in a
// fraction of the time PostgreSQL takes to send them. Days older than the horizon are read
// from PostgreSQL when a report asks for them. All writes go through this server, so the
// cache is updated as each batch commits.
import { addDays } from '../../server/reports/calendar-days';
import type { DaySummary } from '../../server/reports/day-summary';
import type { DayFactsStore, StoredDay } from './day-facts-store';

export class FactsCache {
  private readonly byCentre = new Map<string, Map<string, DaySummary>>();
  private ready: Promise<void> | null = null;

  constructor(
    private readonly store: DayFactsStore,
    /** First day kept in memory. */
    private readonly horizon: string,
  ) {}

  /** Loads the days from the horizon on; reports wait for it. */
  warm(): Promise<void> {
    this.ready ??= this.store.range(this.horizon, '9999-12-31').then((days) => {
      for (const d of days) this.put(d);
    });
    return this.ready;
  }

  put(d: StoredDay): void {
    if (d.day < this.horizon) return;
    let days = this.byCentre.get(d.centreId);
    if (!days) this.byCentre.set(d.centreId, (days = new Map()));
    days.set(d.day, d.summary);
  }

  /** Each centre's days in [from, to], in day order. */
  async range(from: string, to: string): Promise<Map<string, DaySummary[]>> {
    await this.warm();
    const out = new Map<string, DaySummary[]>();
    const add = (centreId: string, s: DaySummary) => {
      let list = out.get(centreId);
      if (!list) out.set(centreId, (list = []));
      list.push(s);
    };
    if (from < this.horizon) {
      const older = await this.store.range(from, to < this.horizon ? to : addDays(this.horizon, -1));
      for (const d of older) add(d.centreId, d.summary);
    }
    for (const [centreId, days] of this.byCentre) for (const [day, s] of days) if (from <= day && day <= to) add(centreId, s);
    for (const list of out.values()) list.sort((a, b) => (a.day < b.day ? -1 : a.day > b.day ? 1 : 0));
    return out;
  }
}


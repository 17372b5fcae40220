// Every centre's recent days in memory, as the city's figures use them (city-day.ts): a city's
// year is ~35,000 centre-days, some 60 MB, and a report adds them up in a fraction of the time
// PostgreSQL takes to send them. Days older than the horizon are read
// from PostgreSQL when a report asks for them. All writes go through this server, so the
// cache is updated as each batch commits.
import { addDays } from '../../server/reports/calendar-days';
import { cityDay, type CityDay } from '../report/city-day';
import type { DayFactsStore, StoredDay } from './day-facts-store';

export class FactsCache {
  private readonly byCentre = new Map<string, Map<string, CityDay>>();
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
    days.set(d.day, cityDay(d.summary));
  }

  /** Each centre's days in [from, to], in day order. */
  async range(from: string, to: string): Promise<Map<string, CityDay[]>> {
    await this.warm();
    const out = new Map<string, CityDay[]>();
    const add = (centreId: string, s: CityDay) => {
      let list = out.get(centreId);
      if (!list) out.set(centreId, (list = []));
      list.push(s);
    };
    if (from < this.horizon) {
      const older = await this.store.range(from, to < this.horizon ? to : addDays(this.horizon, -1));
      for (const d of older) add(d.centreId, cityDay(d.summary));
    }
    for (const [centreId, days] of this.byCentre) for (const [day, s] of days) if (from <= day && day <= to) add(centreId, s);
    for (const list of out.values()) list.sort((a, b) => (a.day < b.day ? -1 : a.day > b.day ? 1 : 0));
    return out;
  }
}


// Every centre's recent days in memory, as the city's figures use them (city-day.ts): a city's
// year is ~35,000 centre-days, some 60 MB, and a report adds them up in a fraction of the time
// PostgreSQL takes to send them. Each centre's times are also kept sorted over all its days
// in memory (sorted-times.ts), made again only after the centre sends new days. Days older
// than the horizon are read from PostgreSQL when a report asks for them. All writes go through
// this server, so the cache is updated as each batch commits.
import { addDays, daysBetween } from '../../server/reports/calendar-days';
import { cityDay, type CityDay } from '../report/city-day';
import { DAY_NUMBERS, sortTimes, type SortedTimes } from '../report/sorted-times';
import type { DayFactsStore, StoredDay } from './day-facts-store';

export class FactsCache {
  private readonly byCentre = new Map<string, Map<string, CityDay>>();
  private readonly sorted = new Map<string, SortedTimes>();
  private ready: Promise<void> | null = null;

  constructor(
    private readonly store: DayFactsStore,
    /** First day kept in memory. */
    private readonly horizon: string,
  ) {}

  /** Loads the days from the horizon on; reports wait for it. */
  warm(): Promise<void> {
    this.ready ??= this.store.eachDay(this.horizon, '9999-12-31', (d) => this.put(d));
    return this.ready;
  }

  put(d: StoredDay): void {
    if (d.day < this.horizon) return;
    let days = this.byCentre.get(d.centreId);
    if (!days) this.byCentre.set(d.centreId, (days = new Map()));
    days.set(d.day, cityDay(d.summary));
    this.sorted.delete(d.centreId);
  }

  private dayNumber = (day: string) => daysBetween(this.horizon, day);

  /** The centre's sorted times, made now if its days changed; none for days the index cannot number. */
  private sortedTimes(centreId: string): SortedTimes | undefined {
    let times = this.sorted.get(centreId);
    const days = this.byCentre.get(centreId);
    if (!times && days && [...days.keys()].every((day) => this.dayNumber(day) < DAY_NUMBERS)) {
      times = sortTimes([...days.values()], this.dayNumber);
      this.sorted.set(centreId, times);
    }
    return times;
  }

  /** Each centre's days in [from, to], in day order, with its sorted times when the range is all in memory. */
  async range(from: string, to: string): Promise<Map<string, { days: CityDay[]; sorted?: { times: SortedTimes; from: number; to: number } }>> {
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
    const result = new Map<string, { days: CityDay[]; sorted?: { times: SortedTimes; from: number; to: number } }>();
    for (const [centreId, list] of out) {
      list.sort((a, b) => (a.day < b.day ? -1 : a.day > b.day ? 1 : 0));
      const times = from >= this.horizon ? this.sortedTimes(centreId) : undefined;
      result.set(centreId, times ? { days: list, sorted: { times, from: this.dayNumber(from), to: Math.min(DAY_NUMBERS - 1, this.dayNumber(to)) } } : { days: list });
    }
    return result;
  }
}


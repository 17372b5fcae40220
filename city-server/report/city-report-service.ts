// What the report routes call: a period's figures over every centre the city knows.
import { assertRange } from '../../server/reports/periods';
import type { CentreRegistry } from '../centres/centre-registry';
import type { FactsCache } from '../facts/facts-cache';
import { cityFigures } from './city-figures';
import type { CityReport } from '@protocol/city';
import { cityReportXlsx } from './city-xlsx';

export class CityReportService {
  constructor(
    private readonly registry: CentreRegistry,
    private readonly cache: FactsCache,
    private readonly clock: () => number,
    private readonly cityName: string,
  ) {}

  async report(from: string, to: string): Promise<CityReport> {
    assertRange(from, to);
    const byCentre = await this.cache.range(from, to);
    const centres = this.registry.all().map((c) => ({
      id: c.id,
      name: c.name,
      // A centre that never sent anything has no fields or scale of its own yet.
      profile: c.profile ?? { name: c.name, timeZone: 'Asia/Ho_Chi_Minh', services: [], ratingLevels: [] },
      ...(byCentre.get(c.id) ?? { days: [] }),
    }));
    return cityFigures({ from, to, now: this.clock(), centres });
  }

  async xlsx(from: string, to: string): Promise<Buffer> {
    return cityReportXlsx(await this.report(from, to), this.cityName);
  }
}

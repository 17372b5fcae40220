// What the city's routes need, built once by createCityApp.
import type { Request } from 'express';
import type { Logger } from 'pino';
import { QueueError } from '@protocol/errors';
import type { CityAccounts, CityUser } from './accounts/city-accounts';
import type { CityCatalogue } from './catalogue/city-catalogue';
import type { CentreRegistry } from './centres/centre-registry';
import type { DayFactsStore } from './facts/day-facts-store';
import type { FactsCache } from './facts/facts-cache';
import { bearer } from './http/handle';
import type { LiveStore } from './live/live-store';
import type { CityReportService } from './report/city-report-service';
import type { RateLimiter } from '../server/application/rate-limiter';

export interface CityContext {
  logger: Logger;
  clock: () => number;
  accounts: CityAccounts;
  registry: CentreRegistry;
  facts: DayFactsStore;
  cache: FactsCache;
  live: LiveStore;
  reports: CityReportService;
  catalogue: CityCatalogue;
  /** Per centre: requests a minute. */
  centreLimiter: RateLimiter;
}

/** The city manager behind a request, or unauthorized. */
export async function requireManager(ctx: CityContext, req: Request): Promise<CityUser> {
  const token = bearer(req);
  const user = token ? await ctx.accounts.user(token) : null;
  if (!user) throw new QueueError('unauthorized');
  return user;
}

/** The centre whose credential signs a request; each centre is held to its own rate. */
export function requireCentre(ctx: CityContext, req: Request, perMinute: number): string {
  const centreId = ctx.registry.centreOf(bearer(req));
  if (!ctx.centreLimiter.take(`${centreId}:${req.path}`, perMinute)) throw new QueueError('rate-limited');
  return centreId;
}

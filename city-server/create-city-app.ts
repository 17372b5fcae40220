// Builds the city server from its parts: the PostgreSQL pool (schema migrated first), the
// stores, the routes and the city managers' app. main.ts wires the real settings; tests
// and the bench pass a throw-away database.
import { existsSync } from 'node:fs';
import { createServer as createHttpServer, type Server } from 'node:http';
import { createServer as createHttpsServer } from 'node:https';
import { join, resolve } from 'node:path';
import express from 'express';
import helmet from 'helmet';
import { pino, type Logger } from 'pino';
import { QueueError } from '@protocol/errors';
import { addDays } from '../server/reports/calendar-days';
import { localDay } from '@protocol/local-time';
import { RateLimiter } from '../server/application/rate-limiter';
import { CityAccounts } from './accounts/city-accounts';
import { CityCatalogue } from './catalogue/city-catalogue';
import { CentreRegistry } from './centres/centre-registry';
import type { CityContext } from './context';
import { createPool } from './db/pool';
import { migrate } from './db/migrations';
import { DayFactsStore } from './facts/day-facts-store';
import { FactsCache } from './facts/facts-cache';
import { accountRoutes } from './http/account-routes';
import { catalogueRoutes } from './http/catalogue-routes';
import { centreRoutes } from './http/centre-routes';
import { bodyErrors } from '../server/transport/http/body-errors';
import { sendError } from './http/handle';
import { ingestRoutes } from './http/ingest-routes';
import { reportRoutes } from './http/report-routes';
import { LiveStore } from './live/live-store';
import { CityReportService } from './report/city-report-service';
import type { CitySettings } from './settings';

export interface CityAppDeps {
  settings: CitySettings;
  logger?: Logger;
  clock?: () => number;
  /** Folder of the built apps (the city managers' app is dist/city). */
  distDir?: string;
}

export interface CityApp {
  ctx: CityContext;
  http: Server;
  listen(): Promise<number>;
  close(): Promise<void>;
  /** The admin account made at first start (printed once by main). */
  firstStartAdmin: { username: string; password: string } | null;
  migrationsApplied: number[];
}

export async function createCityApp(deps: CityAppDeps): Promise<CityApp> {
  const { settings } = deps;
  const logger = deps.logger ?? pino({ level: settings.logLevel });
  const clock = deps.clock ?? Date.now;
  const pool = createPool(settings.databaseUrl);
  pool.on('error', (err) => logger.error({ err }, 'idle PostgreSQL connection failed'));
  const migrationsApplied = await migrate(pool);
  if (migrationsApplied.length) logger.info({ migrationsApplied }, 'city schema migrated');

  const accounts = new CityAccounts(pool, clock, settings.sessionHours);
  const firstStartAdmin = await accounts.bootstrap(settings.adminPassword);
  const registry = new CentreRegistry(pool, clock);
  await registry.load();
  const facts = new DayFactsStore(pool, clock);
  const cache = new FactsCache(facts, addDays(localDay(clock(), 'Asia/Ho_Chi_Minh'), -settings.cacheDays));
  const live = new LiveStore(pool, registry, clock);
  await live.load();
  const ctx: CityContext = {
    logger,
    clock,
    accounts,
    registry,
    facts,
    cache,
    live,
    reports: new CityReportService(registry, cache, clock, settings.cityName),
    catalogue: new CityCatalogue(pool, registry),
    centreLimiter: new RateLimiter(clock),
  };
  // Reports wait for this; the server answers everything else at once.
  const warming = cache.warm().catch((err) => logger.error({ err }, 'loading the facts into memory failed'));

  const app = express();
  app.disable('x-powered-by');
  app.set('trust proxy', false);
  app.use(
    helmet({
      contentSecurityPolicy: {
        directives: { defaultSrc: ["'self'"], scriptSrc: ["'self'"], styleSrc: ["'self'", "'unsafe-inline'"], imgSrc: ["'self'", 'data:', 'blob:'], connectSrc: ["'self'"], upgradeInsecureRequests: null },
      },
      strictTransportSecurity: !!settings.tls,
    }),
  );
  const api = express.Router();
  api.get('/health', (_req, res) => res.json({ ok: true }));
  api.use(ingestRoutes(ctx));
  api.use(express.json({ limit: '256kb' }));
  api.use(accountRoutes(ctx));
  api.use(centreRoutes(ctx));
  api.use(reportRoutes(ctx));
  api.use(catalogueRoutes(ctx));
  api.use((_req, res) => sendError(logger, res, new QueueError('not-found')));
  app.use('/api', api);
  app.use(bodyErrors((res, err) => sendError(logger, res, err)));
  const distDir = deps.distDir;
  if (distDir && existsSync(join(distDir, 'city'))) {
    app.use('/city', express.static(join(distDir, 'city'), { index: 'index.html' }));
    app.use('/assets', express.static(join(distDir, 'assets'), { immutable: true, maxAge: '30d' }));
    app.get('/', (_req, res) => res.redirect('/city/'));
  } else if (distDir) {
    app.get('/', (_req, res) => res.sendFile(resolve(distDir, 'index.html')));
  }

  const http = settings.tls ? createHttpsServer({ cert: settings.tls.cert, key: settings.tls.key }, app) : createHttpServer(app);
  http.requestTimeout = 120_000;
  // Centres keep their connection open between rounds (every ≤ 10 s): outlast that, so a
  // centre never sends on a connection the city is just closing.
  http.keepAliveTimeout = 65_000;
  http.headersTimeout = 66_000;
  return {
    ctx,
    http,
    firstStartAdmin,
    migrationsApplied,
    listen: () =>
      new Promise<number>((resolveListen, reject) => {
        http.once('error', reject);
        http.listen(settings.port, settings.host, () => {
          const addr = http.address();
          resolveListen(typeof addr === 'object' && addr ? addr.port : settings.port);
        });
      }),
    async close() {
      await new Promise<void>((r) => {
        http.close(() => r());
        http.closeAllConnections();
      });
      await warming;
      await pool.end();
    },
  };
}

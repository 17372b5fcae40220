// The city's procedure catalogue: a city manager imports it, centres pull it.
import express, { Router, type Request } from 'express';
import { QueueError } from '@protocol/errors';
import type { CityContext } from '../context';
import { requireCentre, requireManager } from '../context';
import { bearer, handle, sendError } from './handle';
import { INGEST_RATES } from './ingest-routes';

/** A centre by its credential, or a signed-in city manager. */
async function requireReader(ctx: CityContext, req: Request): Promise<void> {
  const token = bearer(req);
  if (token && ctx.registry.isCentreToken(token)) requireCentre(ctx, req, INGEST_RATES.catalogue);
  else await requireManager(ctx, req);
}

export function catalogueRoutes(ctx: CityContext): Router {
  const r = Router();
  r.get(
    '/city/catalogue',
    handle(ctx.logger, async (req) => {
      await requireReader(ctx, req);
      return { head: await ctx.catalogue.head() };
    }),
  );
  r.get('/city/catalogue/file', async (req, res) => {
    try {
      await requireReader(ctx, req);
      const current = await ctx.catalogue.file();
      if (!current) throw new QueueError('not-found');
      res.set({ 'content-type': 'application/octet-stream', 'x-catalogue-version': String(current.head.version), 'x-catalogue-filename': encodeURIComponent(current.head.filename) });
      res.send(current.file);
    } catch (err) {
      sendError(ctx.logger, res, err);
    }
  });
  r.post(
    '/city/catalogue/import',
    express.raw({ type: () => true, limit: '10mb' }),
    handle(ctx.logger, async (req, res) => {
      const user = await requireManager(ctx, req);
      const filename = String(req.query.filename ?? 'danh-muc.csv').slice(0, 200);
      if (!Buffer.isBuffer(req.body) || req.body.length === 0) throw new QueueError('invalid-payload');
      const result = await ctx.catalogue.importFile(req.body, filename);
      ctx.logger.info({ by: user.id, filename, ok: result.ok }, 'city catalogue import');
      if (!result.ok) res.status(422);
      return result;
    }),
  );
  return r;
}

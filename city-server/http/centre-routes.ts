// The city managers register centres and hand each its credential (shown once), or revoke it.
import { Router } from 'express';
import { newCentreSchema } from '@protocol/city';
import { QueueError } from '@protocol/errors';
import type { CityContext } from '../context';
import { requireManager } from '../context';
import { handle } from './handle';

export function centreRoutes(ctx: CityContext): Router {
  const r = Router();
  r.get(
    '/city/centres',
    handle(ctx.logger, async (req) => {
      await requireManager(ctx, req);
      return ctx.registry.list();
    }),
  );
  r.post(
    '/city/centres',
    handle(ctx.logger, async (req) => {
      const user = await requireManager(ctx, req);
      const body = newCentreSchema.safeParse(req.body);
      if (!body.success) throw new QueueError('invalid-payload', body.error.issues.map((i) => ({ path: i.path.join('.'), message: i.message })));
      const created = await ctx.registry.create(body.data.id, body.data.name);
      ctx.logger.info({ centre: created.id, by: user.id }, 'centre registered');
      return created;
    }),
  );
  r.post(
    '/city/centres/:id/token',
    handle(ctx.logger, async (req) => {
      const user = await requireManager(ctx, req);
      const issued = await ctx.registry.reissue(String(req.params.id));
      ctx.logger.info({ centre: issued.id, by: user.id }, 'centre credential reissued');
      return issued;
    }),
  );
  r.post(
    '/city/centres/:id/revoke',
    handle(ctx.logger, async (req) => {
      const user = await requireManager(ctx, req);
      await ctx.registry.revoke(String(req.params.id));
      ctx.logger.info({ centre: req.params.id, by: user.id }, 'centre credential revoked');
      return { ok: true };
    }),
  );
  return r;
}

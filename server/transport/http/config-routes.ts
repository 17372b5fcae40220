import { Router } from 'express';
import { centreConfigSchema, type CentreConfig } from '@protocol/config';
import { QueueError, type ErrorBody } from '@protocol/errors';
import type { AppContext } from '../../application/context';
import { handle, requireRole } from './handle';

/** checkMore: checks the schema cannot express (a printer address that must parse), as error details. */
export function configRoutes(ctx: AppContext, onChanged: () => void, checkMore: (c: CentreConfig) => NonNullable<ErrorBody['details']> = () => []): Router {
  const r = Router();
  r.get(
    '/audit',
    handle(ctx, async (req, c) => {
      requireRole(c, 'manager');
      return ctx.audit.latest(Math.min(1000, Math.max(1, Number(req.query.limit) || 200)));
    }),
  );
  r.get(
    '/config',
    handle(ctx, (_req, c) => {
      requireRole(c, 'manager', 'staff', 'guide', 'kiosk', 'counter-display', 'central-display', 'rating-terminal');
      return ctx.centre.get();
    }),
  );
  r.put(
    '/config',
    handle(ctx, async (req, c) => {
      requireRole(c, 'manager');
      const before = ctx.centre.get();
      // A ZodError here answers invalid-config with the fields that are wrong.
      const config = centreConfigSchema.parse(req.body);
      const problems = checkMore(config);
      if (problems.length) throw new QueueError('invalid-config', problems);
      const saved = await ctx.centre.set(config);
      const sections = (Object.keys(saved) as (keyof typeof saved)[]).filter((k) => JSON.stringify(saved[k]) !== JSON.stringify(before[k]));
      void ctx.audit.record(c.who.id, 'config.changed', { sections });
      ctx.logger.info({ by: c.who.id, sections }, 'configuration changed');
      onChanged();
      return saved;
    }),
  );
  return r;
}

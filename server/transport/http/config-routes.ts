import { Router } from 'express';
import type { AppContext } from '../../context';
import { handle, requireRole } from './handle';

export function configRoutes(ctx: AppContext, onChanged: () => void): Router {
  const r = Router();
  r.get(
    '/config',
    handle(ctx, (_req, c) => {
      requireRole(c, 'manager', 'staff', 'kiosk', 'counter-display', 'central-display', 'rating-terminal');
      return ctx.centre.get();
    }),
  );
  r.put(
    '/config',
    handle(ctx, async (req, c) => {
      requireRole(c, 'manager');
      const saved = await ctx.centre.set(req.body);
      ctx.logger.info({ by: c.who.id }, 'configuration changed');
      onChanged();
      return saved;
    }),
  );
  return r;
}

// Signing in to the city managers' app, as on a centre (POST /api/auth/login).
import { Router } from 'express';
import { z } from 'zod';
import { QueueError } from '@protocol/errors';
import type { CityContext } from '../context';
import { requireManager } from '../context';
import { bearer, handle } from './handle';

const loginSchema = z.object({ username: z.string().min(1).max(60), password: z.string().min(1).max(200) });

export function accountRoutes(ctx: CityContext): Router {
  const r = Router();
  r.post(
    '/auth/login',
    handle(ctx.logger, (req) => {
      const body = loginSchema.safeParse(req.body);
      if (!body.success) throw new QueueError('invalid-payload');
      return ctx.accounts.login(body.data.username, body.data.password, req.socket.remoteAddress ?? '');
    }),
  );
  r.post(
    '/auth/logout',
    handle(ctx.logger, async (req) => {
      const token = bearer(req);
      if (token) await ctx.accounts.logout(token);
      return { ok: true };
    }),
  );
  r.get(
    '/auth/me',
    handle(ctx.logger, (req) => requireManager(ctx, req)),
  );
  return r;
}

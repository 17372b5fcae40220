import { Router } from 'express';
import type { AppContext } from '../../application/context';
import type { DevicePresence } from '../../application/device-presence';
import { handle, requireRole } from './handle';

export function deviceRoutes(ctx: AppContext, presence: DevicePresence): Router {
  const r = Router();
  r.get(
    '/devices',
    handle(ctx, (_req, c) => {
      requireRole(c, 'manager');
      const pairings = ctx.auth.pairings();
      return ctx.centre.get().devices.map((d) => ({
        ...d,
        ...presence.status(d.id),
        pairedTokens: pairings.filter((p) => p.deviceId === d.id).length,
      }));
    }),
  );
  return r;
}

// The link to the city as managers see and set it: its state and backlog, the city's address
// and the centre's credential (written, never read back).
import { Router } from 'express';
import { QueueError } from '@protocol/errors';
import { linkFileSchema, LinkSettingsError } from '../../city-link/link-settings';
import type { CityLink } from '../../city-link/city-link';
import type { LinkSettings } from '../../city-link/link-settings';
import type { AppContext } from '../../application/context';
import { handle, requireRole } from './handle';

export function cityLinkRoutes(ctx: AppContext, link: CityLink, settings: LinkSettings): Router {
  const r = Router();
  r.get(
    '/city-link',
    handle(ctx, (_req, c) => {
      requireRole(c, 'manager');
      return link.state();
    }),
  );
  r.put(
    '/city-link',
    handle(ctx, async (req, c) => {
      requireRole(c, 'manager');
      const body = linkFileSchema.safeParse(req.body);
      if (!body.success) throw new QueueError('invalid-payload', body.error.issues.map((i) => ({ path: i.path.join('.'), message: i.message })));
      try {
        await settings.save(body.data);
      } catch (err) {
        if (err instanceof LinkSettingsError) throw new QueueError('invalid-payload', [{ path: 'url', message: err.message }]);
        throw err;
      }
      void ctx.audit.record(c.who.id, 'city-link.set', { url: body.data.url });
      link.settingsChanged();
      return link.state();
    }),
  );
  return r;
}

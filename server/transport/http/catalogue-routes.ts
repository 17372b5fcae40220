// The procedure catalogue: public search for the look-up screens, upload for managers.
import express, { Router } from 'express';
import { QueueError } from '@protocol/errors';
import type { Catalogue } from '../../catalogue/create-catalogue';
import type { AppContext } from '../../application/context';
import { handle, requireRole } from './handle';
import { rolesBeforeBody } from './request-guard';

const MAX_UPLOAD = '10mb';

/** catalogue() is read per request: a restore replaces the catalogue while the server runs. */
export function catalogueRoutes(ctx: AppContext, catalogue: () => Catalogue): Router {
  const r = Router();
  r.get(
    '/procedures',
    handle(ctx, (req) => {
      const q = typeof req.query.q === 'string' ? req.query.q.slice(0, 200) : '';
      const serviceId = typeof req.query.serviceId === 'string' ? req.query.serviceId : undefined;
      const limit = Math.min(200, Math.max(1, Number(req.query.limit) || 50));
      return catalogue().search(q, { ...(serviceId ? { serviceId } : {}), limit });
    }),
  );
  r.get(
    '/procedures/info',
    handle(ctx, (_req, c) => {
      requireRole(c, 'manager');
      return catalogue().info();
    }),
  );
  r.get(
    '/procedures/:code',
    handle(ctx, (req) => {
      const p = catalogue().get(String(req.params.code));
      if (!p) throw new QueueError('not-found');
      return p;
    }),
  );
  r.post(
    '/procedures/import',
    rolesBeforeBody(ctx, 'manager'),
    express.raw({ type: () => true, limit: MAX_UPLOAD }),
    handle(ctx, async (req, c, res) => {
      requireRole(c, 'manager');
      const filename = String(req.query.filename ?? 'upload.csv').slice(0, 200);
      if (!Buffer.isBuffer(req.body) || req.body.length === 0) throw new QueueError('invalid-payload');
      const result = await catalogue().importFile(req.body, filename);
      void ctx.audit.record(c.who.id, 'catalogue.import', { filename, ok: result.ok, ...(result.ok ? { count: result.count } : { errors: result.errors.length }) });
      if (!result.ok) res.status(422);
      return result;
    }),
  );
  return r;
}

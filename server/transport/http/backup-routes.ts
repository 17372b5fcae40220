import express, { Router } from 'express';
import { rm, stat } from 'node:fs/promises';
import { QueueError } from '@protocol/errors';
import type { BackupService } from '../../backup/backup-service';
import type { AppContext } from '../../application/context';
import { handle, requireRole, sendError, caller } from './handle';

export function backupRoutes(ctx: AppContext, backups: BackupService, onRestored: () => void): Router {
  const r = Router();
  r.get('/backup', async (req, res) => {
    try {
      const c = caller(ctx, req);
      requireRole(c, 'manager');
      const file = await backups.createNow();
      void ctx.audit.record(c.who.id, 'backup.downloaded');
      res.download(file, file.split('/').pop()!, () => void rm(file, { force: true }));
    } catch (err) {
      sendError(ctx, res, err);
    }
  });
  r.get(
    '/backup/list',
    handle(ctx, (_req, c) => {
      requireRole(c, 'manager');
      return backups.list();
    }),
  );
  r.get('/backup/files/:name', async (req, res) => {
    try {
      requireRole(caller(ctx, req), 'manager');
      const file = backups.path(String(req.params.name));
      if (!file || !(await stat(file).catch(() => null))) throw new QueueError('not-found');
      res.download(file);
    } catch (err) {
      sendError(ctx, res, err);
    }
  });
  r.post(
    '/backup/restore',
    express.raw({ type: () => true, limit: '500mb' }),
    handle(ctx, async (req, c) => {
      requireRole(c, 'manager');
      if (!Buffer.isBuffer(req.body) || req.body.length === 0) throw new QueueError('invalid-payload');
      const out = await backups.restore(req.body);
      void ctx.audit.record(c.who.id, 'backup.restored', out);
      onRestored();
      return { ok: true, ...out };
    }),
  );
  return r;
}

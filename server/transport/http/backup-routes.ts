import { Router, type Request, type Response } from 'express';
import { rm, stat } from 'node:fs/promises';
import { QueueError } from '@protocol/errors';
import { MAX_UPLOAD_BYTES, type BackupService } from '../../backup/backup-service';
import type { SecondLocationStatus } from '../../backup/second-location';
import type { AppContext } from '../../application/context';
import { handle, requireRole, sendError, caller } from './handle';

/**
 * Answers an upload without reading it: the connection closes after the answer, so a
 * client that goes on sending is cut off instead of the server reading what it sends.
 */
function refuseUpload(ctx: AppContext, res: Response, err: unknown): void {
  res.setHeader('Connection', 'close');
  sendError(ctx, res, err);
}

export interface SecondCopy {
  status(): SecondLocationStatus;
  /** Makes today's archive if needed and copies every daily archive there now. */
  copyNow(): Promise<SecondLocationStatus>;
}

export function backupRoutes(ctx: AppContext, backups: BackupService, onRestored: () => void, secondCopy: SecondCopy): Router {
  const r = Router();
  r.get(
    '/backup/second-location',
    handle(ctx, (_req, c) => {
      requireRole(c, 'manager');
      return secondCopy.status();
    }),
  );
  r.post(
    '/backup/second-location/copy',
    handle(ctx, async (_req, c) => {
      requireRole(c, 'manager');
      const status = await secondCopy.copyNow();
      void ctx.audit.record(c.who.id, 'backup.copied', { location: status.location, ok: status.problem === null });
      return status;
    }),
  );
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
  // No body parser: who is asking and the declared size are checked before one byte of the
  // upload is read, then it streams to a staging file inside the data folder.
  r.post('/backup/restore', async (req: Request, res: Response) => {
    let c;
    try {
      c = caller(ctx, req);
      requireRole(c, 'manager');
      if (Number(req.headers['content-length'] ?? 0) > MAX_UPLOAD_BYTES) throw new QueueError('payload-too-large');
    } catch (err) {
      return refuseUpload(ctx, res, err);
    }
    let staging: string;
    try {
      staging = await backups.receive(req);
    } catch (err) {
      return refuseUpload(ctx, res, err);
    }
    try {
      const out = await backups.restore(staging);
      void ctx.audit.record(c.who.id, 'backup.restored', out);
      onRestored();
      res.json({ ok: true, ...out });
    } catch (err) {
      sendError(ctx, res, err);
    }
  });
  return r;
}

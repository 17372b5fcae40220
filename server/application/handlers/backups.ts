// Backups of the data folder: download one made now, list and fetch the kept ones, restore
// one, and the copies in a second location.
import { stat } from 'node:fs/promises';
import { basename } from 'node:path';
import { QueueError } from '@protocol/errors';
import type { Handlers } from '../operation-handler';

export const backupHandlers: Handlers<'backups:download' | 'backups:list' | 'backups:file' | 'backup:restore' | 'backups:second-location' | 'backup:copy-to-second-location'> = {
  async 'backups:download'(ctx, { who }) {
    const file = await ctx.backups.createNow();
    void ctx.audit.record(who.id, 'backup.downloaded');
    return { path: file, attachmentName: basename(file), removeAfterSending: true };
  },

  'backups:list': (ctx) => ctx.backups.list(),

  async 'backups:file'(ctx, { input: { name } }) {
    const file = ctx.backups.path(name);
    if (!file || !(await stat(file).catch(() => null))) throw new QueueError('not-found');
    return { path: file, attachmentName: name };
  },

  /** The archive streams to a staging folder inside the data folder, then is restored all or nothing. */
  async 'backup:restore'(ctx, { who, upload }) {
    const staging = await ctx.backups.receive(upload!);
    const out = await ctx.backups.restore(staging);
    void ctx.audit.record(who.id, 'backup.restored', out);
    ctx.configChanged();
    return { ok: true, ...out };
  },

  'backups:second-location': (ctx) => ctx.secondCopy.status(),

  async 'backup:copy-to-second-location'(ctx, { who }) {
    const status = await ctx.secondCopy.copyNow();
    void ctx.audit.record(who.id, 'backup.copied', { location: status.location, ok: status.problem === null });
    return status;
  },
};

// Backups of the data folder: download one made now, list and fetch the kept ones, restore one.
import { stat } from 'node:fs/promises';
import { basename } from 'node:path';
import { QueueError } from '@protocol/errors';
import type { Handlers } from '../operation-handler';

export const backupHandlers: Handlers<'backups:download' | 'backups:list' | 'backups:file' | 'backup:restore'> = {
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

  async 'backup:restore'(ctx, { who, file }) {
    const out = await ctx.backups.restore(file!);
    void ctx.audit.record(who.id, 'backup.restored', out);
    ctx.configChanged();
    return { ok: true, ...out };
  },
};

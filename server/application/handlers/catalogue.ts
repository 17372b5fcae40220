// The procedure catalogue: public search for the look-up screens, upload for managers. The
// catalogue is read per call: a restore replaces it while the server runs.
import { QueueError } from '@protocol/errors';
import type { Handlers } from '../operation-handler';

export const catalogueHandlers: Handlers<'procedures:search' | 'procedures:info' | 'procedures:get' | 'catalogue:import'> = {
  'procedures:search': (ctx, { input: { q, serviceId, limit } }) => ctx.catalogue().search(q, { ...(serviceId ? { serviceId } : {}), limit }),
  'procedures:info': (ctx) => ctx.catalogue().info(),
  'procedures:get'(ctx, { input: { code } }) {
    const p = ctx.catalogue().get(code);
    if (!p) throw new QueueError('not-found');
    return p;
  },
  async 'catalogue:import'(ctx, { who, input: { filename }, file }) {
    const result = await ctx.catalogue().importFile(file!, filename);
    void ctx.audit.record(who.id, 'catalogue.import', { filename, ok: result.ok, ...(result.ok ? { count: result.count } : { errors: result.errors.length }) });
    return result;
  },
};

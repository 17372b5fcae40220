// The centre as it is now: the queue's snapshot and state, health, the configuration and
// the audit log.
import { QueueError } from '@protocol/errors';
import type { Handlers } from '../operation-handler';
import { currentSnapshot } from '../snapshot';
import { publicState } from '../views';

export const centreHandlers: Handlers<'state:request' | 'state:read' | 'health:read' | 'config:read' | 'config:save' | 'audit:latest'> = {
  'state:request': (ctx, { who }) => currentSnapshot(ctx, who),
  'state:read': (ctx) => publicState(ctx.queue.state, ctx.centre.get()),
  'health:read': (ctx) => ({
    status: 'ok',
    day: ctx.queue.state.day,
    seq: ctx.queue.state.seq,
    printer: ctx.printerState(),
    // Where tickets go (QMS_PRINTER); a printer address is no secret on the centre's LAN.
    printerConnection: ctx.printer.description,
    time: ctx.clock(),
  }),
  'config:read': (ctx) => ctx.centre.get(),

  async 'config:save'(ctx, { who, input: config }) {
    const before = ctx.centre.get();
    // Checks the schema cannot express (a printer address that must parse), as error details.
    const problems = ctx.checkConfig(config);
    if (problems.length) throw new QueueError('invalid-config', problems);
    const saved = await ctx.centre.set(config);
    const sections = (Object.keys(saved) as (keyof typeof saved)[]).filter((k) => JSON.stringify(saved[k]) !== JSON.stringify(before[k]));
    void ctx.audit.record(who.id, 'config.changed', { sections });
    ctx.logger.info({ by: who.id, sections }, 'configuration changed');
    ctx.configChanged();
    return saved;
  },

  'audit:latest': (ctx, { input }) => ctx.audit.latest(input.limit),
};

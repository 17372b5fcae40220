// The link to the city as managers see and set it: its state and backlog, the city's address
// and the centre's credential (written, never read back).
import { QueueError } from '@protocol/errors';
import { LinkSettingsError } from '../../city-link/link-settings';
import type { Handlers } from '../operation-handler';

export const cityLinkHandlers: Handlers<'city-link:read' | 'city-link:save'> = {
  'city-link:read': (ctx) => ctx.cityLink.state(),

  async 'city-link:save'(ctx, { who, input }) {
    try {
      await ctx.linkSettings.save(input);
    } catch (err) {
      if (err instanceof LinkSettingsError) throw new QueueError('invalid-payload', [{ path: 'url', message: err.message }]);
      throw err;
    }
    void ctx.audit.record(who.id, 'city-link.set', { url: input.url });
    ctx.cityLink.settingsChanged();
    return ctx.cityLink.state();
  },
};

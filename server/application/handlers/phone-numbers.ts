// Numbers from a citizen's phone on the centre's Wi-Fi: what is offered, and taking one. The
// number ranks exactly like a kiosk number (the core decides it as one, with source 'phone');
// the limits per phone and the phone hours are the core's too (server/core/phone-numbers.ts).
import { QueueError } from '@protocol/errors';
import type { PhoneOffer } from '@protocol/events';
import { localTime } from '@protocol/local-time';
import { isOpenAt } from '@protocol/opening-hours';
import { waitingCount } from '@protocol/queue';
import { normalizePhoneNumber } from '../../core/phone-numbers';
import type { AppContext } from '../context';
import type { Handlers } from '../operation-handler';
import { issuedTicketView } from '../views';

function phoneOffer(ctx: AppContext): PhoneOffer {
  const config = ctx.centre.get();
  const rules = config.phoneNumbers;
  const now = ctx.clock();
  const { hhmm } = localTime(now, config.centre.timeZone);
  const closedReason = !rules.enabled
    ? ('phone-numbers-off' as const)
    : hhmm < rules.from || hhmm >= rules.to
      ? ('outside-phone-hours' as const)
      : !isOpenAt(config, now)
        ? ('outside-opening-hours' as const)
        : undefined;
  const state = ctx.queue.state;
  return {
    centreName: config.centre.name,
    open: closedReason === undefined,
    ...(closedReason ? { closedReason } : {}),
    from: rules.from,
    to: rules.to,
    perPhonePerDay: rules.perPhonePerDay,
    perPhonePerField: rules.perPhonePerField,
    fields: config.services
      .filter((s) => s.active && config.counters.some((c) => c.active && c.serviceIds.includes(s.id)))
      .map((s) => {
        const waiting = waitingCount(state, s.id);
        const estimate = ctx.waits.rangeFor(s.id, waiting);
        return { id: s.id, name: s.name, waiting, ...(estimate ? { waitEstimate: estimate } : {}) };
      }),
  };
}

export const phoneNumberHandlers: Handlers<'phone:offer' | 'phone:take'> = {
  'phone:offer': (ctx) => phoneOffer(ctx),

  async 'phone:take'(ctx, { input }) {
    const phone = normalizePhoneNumber(input.phone);
    if (!phone) throw new QueueError('invalid-phone');
    // The key is of the day the command is decided on; the queue rolls to a new day first.
    await ctx.queue.rollIfNeeded();
    const { ticketId } = await ctx.queue.run({
      type: 'issue',
      serviceId: input.serviceId,
      priority: false,
      source: 'phone',
      holder: ctx.phoneHolders.holderOf(ctx.queue.state.day, phone),
    });
    return issuedTicketView(ctx.queue.state, ctx.centre.get(), ctx.queue.state.tickets[ticketId!], false, ctx.baseUrl(), ctx.waits.basis());
  },
};

// Numbers from a citizen's phone on the centre's Wi-Fi: what is offered (the appointments' days
// and fields too, since the phone page reads no configuration), and taking one. The
// number ranks exactly like a kiosk number (the core decides it as one, with source 'phone');
// the limits per phone and the phone hours are the core's too (server/core/phone-numbers.ts).
import { QueueError } from '@protocol/errors';
import type { CentreConfig } from '@protocol/config';
import type { AppointmentOffer, PhoneOffer } from '@protocol/events';
import { localTime } from '@protocol/local-time';
import { isOpenAt } from '@protocol/opening-hours';
import { waitingCount } from '@protocol/queue';
import { bookableDays, slotsOfDay } from '../../core/appointments';
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
    priorityCategories: config.priorityCategories.filter((p) => rules.priorityCategoryIds.includes(p.id)),
    ...(config.appointments.enabled ? { appointments: appointmentOffer(config, now) } : {}),
  };
}

function appointmentOffer(config: CentreConfig, now: number): AppointmentOffer {
  const days = bookableDays(config, now);
  const { perPhonePerDay, checkInEarlyMinutes, checkInLateMinutes } = config.appointments;
  return {
    days,
    fields: config.appointments.fields.flatMap((f) => {
      const service = config.services.find((s) => s.id === f.serviceId);
      if (!service?.active) return [];
      return [{ id: service.id, name: service.name, days: days.filter((day) => slotsOfDay(config, service.id, day).length > 0) }];
    }),
    perPhonePerDay,
    checkInEarlyMinutes,
    checkInLateMinutes,
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
      ...(input.priorityCategoryId !== undefined ? { priorityCategoryId: input.priorityCategoryId } : {}),
      source: 'phone',
      holder: ctx.phoneHolders.holderOf(ctx.queue.state.day, phone),
    });
    return issuedTicketView(ctx.queue.state, ctx.centre.get(), ctx.queue.state.tickets[ticketId!], false, ctx.baseUrl(), ctx.waits.basis());
  },
};

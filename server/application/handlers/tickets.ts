// Issuing, watching and rating tickets.
import { QueueError } from '@protocol/errors';
import type { IssuedTicket, Principal } from '@protocol/events';
import { ticketById, type Ticket, type TicketSource, type RatingVia } from '@protocol/queue';
import type { AppContext } from '../context';
import type { Handlers } from '../operation-handler';
import { counterName, issuedTicketView, publicTicketView, serviceName, ticketUrl } from '../views';

const sourceByRole: Partial<Record<Principal['role'], TicketSource>> = { kiosk: 'kiosk', manager: 'api', staff: 'counter', guide: 'guide' };
const viaByRole: Partial<Record<Principal['role'], RatingVia>> = { 'rating-terminal': 'terminal', public: 'phone', manager: 'api' };

export const ticketHandlers: Handlers<'ticket:issue' | 'ticket:watch' | 'ticket:rate'> = {
  async 'ticket:issue'(ctx, { who, input }) {
    const config = ctx.centre.get();
    if (who.role === 'kiosk' && !ctx.kioskLimiter.take(who.id ?? 'kiosk', config.kiosk.ticketsPerMinute)) throw new QueueError('rate-limited');
    const source = sourceByRole[who.role] ?? 'api';
    const { ticketId } = await ctx.queue.run({
      type: 'issue',
      serviceId: input.serviceId,
      priority: input.priority ?? false,
      ...(input.priorityCategoryId !== undefined ? { priorityCategoryId: input.priorityCategoryId } : {}),
      source,
      ...(who.role === 'kiosk' && who.id ? { deviceId: who.id } : {}),
    });
    const ticket = ctx.queue.state.tickets[ticketId!];
    const view = issuedTicketView(ctx.queue.state, config, ticket, false, ctx.baseUrl(), ctx.waits.basis());
    // The kiosk always prints; an officer or the hall guide when the citizen wants paper.
    if (source === 'kiosk' || (input.print === true && (source === 'counter' || source === 'guide'))) view.printed = await printTicket(ctx, ticket, view);
    return view;
  },

  'ticket:watch'(ctx, { input }) {
    const ticket = ticketById(ctx.queue.state, input.ticketId);
    if (!ticket) throw new QueueError('unknown-ticket');
    return publicTicketView(ctx.queue.state, ctx.centre.get(), ticket, ctx.auth.staffDirectory(), ctx.waits.basis());
  },

  async 'ticket:rate'(ctx, { who, input }) {
    await ctx.queue.run({
      type: 'rate',
      ticketId: input.ticketId,
      score: input.score,
      ...(input.reason !== undefined ? { reason: input.reason } : {}),
      via: viaByRole[who.role] ?? 'api',
      // A terminal rates only what its own counter served.
      ...(who.role === 'rating-terminal' ? { fromCounterId: who.counterId ?? -1 } : {}),
    });
    return publicTicketView(ctx.queue.state, ctx.centre.get(), ctx.queue.state.tickets[input.ticketId], ctx.auth.staffDirectory(), ctx.waits.basis());
  },
};

/** How long the kiosk waits for the paper before showing the number large on screen instead. */
const PRINT_ANSWER_BUDGET_MS = 2500;

/**
 * The ticket is issued whatever the printer does; a failed or slow print shows the number on
 * screen. A printer that stops answering takes two status time-outs to be declared offline,
 * longer than a citizen should wait, so the answer does not wait past the budget (the print
 * itself carries on, and a failure raises the printer alert for managers).
 */
export function printTicket(ctx: AppContext, ticket: Ticket, view: IssuedTicket): Promise<boolean> {
  let timer: NodeJS.Timeout | undefined;
  const budget = new Promise<boolean>((resolve) => {
    timer = setTimeout(() => resolve(false), PRINT_ANSWER_BUDGET_MS);
  });
  return Promise.race([sendToPrinter(ctx, ticket, view), budget]).finally(() => clearTimeout(timer));
}

async function sendToPrinter(ctx: AppContext, ticket: Ticket, view: IssuedTicket): Promise<boolean> {
  const config = ctx.centre.get();
  // The category's name alone: the ticket's layout prints "ƯU TIÊN – " before it.
  const priorityName = ticket.priority ? (config.priorityCategories.find((p) => p.id === ticket.priorityCategoryId)?.name ?? '') : undefined;
  try {
    await ctx.printer.print({
      centreName: config.centre.name,
      subtitle: config.centre.subtitle,
      label: ticket.label,
      serviceName: serviceName(config, ticket.serviceId),
      counterNames: config.counters.filter((c) => c.active && c.serviceIds.includes(ticket.serviceId)).map((c) => counterName(config, c.id)),
      waitingAhead: view.waitingAhead,
      ...(view.waitEstimate ? { waitEstimate: view.waitEstimate } : {}),
      issuedAt: ticket.issuedAt,
      timeZone: config.centre.timeZone,
      url: ticketUrl(ctx.baseUrl(), ticket.id),
      ...(priorityName !== undefined ? { priorityName } : {}),
      paperWidthDots: config.printer.paperWidthDots,
    });
    return true;
  } catch (err) {
    ctx.logger.warn({ err, ticket: ticket.label }, 'ticket not printed');
    return false;
  }
}

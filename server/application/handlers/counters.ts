// Staff at a counter: sign-in and sign-out, and the eight actions behind the console's
// buttons, the hardware keypad, the socket events and the HTTP routes.
import type { ParsedInputOf } from '@protocol/api';
import { QueueError } from '@protocol/errors';
import type { CallResult } from '@protocol/events';
import type { Answer, Call, Handler, Handlers } from '../operation-handler';
import type { AppContext } from '../context';
import type { ClientCommand } from '../queue-service';

type CounterActionName = 'counter:call-next' | 'counter:recall' | 'counter:call-number' | 'counter:no-show' | 'counter:transfer' | 'counter:finish' | 'counter:pause' | 'counter:resume';
type CallName = 'counter:call-next' | 'counter:recall' | 'counter:call-number';

/** An action that changes the counter's ticket or status and answers nothing. */
function act<K extends Exclude<CounterActionName, CallName>>(name: K, command: (input: ParsedInputOf<K>) => ClientCommand): Handler<K> {
  return async (ctx, call) => {
    await ctx.queue.run(command(call.input));
    auditSupervision(ctx, name, call);
    return null as Answer<K>;
  };
}

/** An action that calls a ticket to the counter and answers which one. */
function callTo<K extends CallName>(name: K, command: (input: ParsedInputOf<K>) => ClientCommand): Handler<K> {
  return async (ctx, call) => {
    const { ticketId } = await ctx.queue.run(command(call.input));
    auditSupervision(ctx, name, call);
    const t = ctx.queue.state.tickets[ticketId!];
    const called: CallResult = { ticketId: t.id, label: t.label, serviceId: t.serviceId, counterId: call.input.counterId };
    return called as Answer<K>;
  };
}

/** The journal names the staff member at the counter; a supervising manager is named in the audit. */
function auditSupervision(ctx: AppContext, name: CounterActionName, { who, input }: Call<CounterActionName>): void {
  if (who.role === 'manager') void ctx.audit.record(who.id, name.replace(':', '.'), { counterId: input.counterId });
}

export const counterHandlers: Handlers<CounterActionName | 'counter:sign-in' | 'counter:sign-out'> = {
  'counter:call-next': callTo('counter:call-next', ({ counterId }) => ({ type: 'call-next', counterId })),
  'counter:recall': callTo('counter:recall', ({ counterId }) => ({ type: 'recall', counterId })),
  'counter:call-number': callTo('counter:call-number', ({ counterId, label }) => ({ type: 'call-number', counterId, label })),
  'counter:no-show': act('counter:no-show', ({ counterId, requeue }) => ({ type: 'no-show', counterId, requeue: requeue === true })),
  'counter:transfer': act('counter:transfer', ({ counterId, toServiceId, toCounterId }) => ({
    type: 'transfer',
    counterId,
    ...(toServiceId !== undefined ? { toServiceId } : {}),
    ...(toCounterId !== undefined ? { toCounterId } : {}),
  })),
  'counter:finish': act('counter:finish', ({ counterId, outcome, dossierCodes }) => ({
    type: 'finish',
    counterId,
    ...(outcome !== undefined ? { outcome } : {}),
    ...(dossierCodes !== undefined ? { dossierCodes } : {}),
  })),
  'counter:pause': act('counter:pause', ({ counterId, reason }) => ({ type: 'pause', counterId, reason })),
  'counter:resume': act('counter:resume', ({ counterId }) => ({ type: 'resume', counterId })),

  /** The counter opens under the staff member's name and their session is bound to it; moving to another counter closes the one they left. */
  async 'counter:sign-in'(ctx, { who, token, input: { counterId } }) {
    if (!who.id || !token) throw new QueueError('unauthorized');
    if (who.counterId !== undefined && who.counterId !== counterId) await ctx.queue.run({ type: 'close', counterId: who.counterId });
    const state = ctx.queue.state.counters[counterId];
    // A manager supervising a counter someone else has open acts there without taking it over.
    const supervising = who.role === 'manager' && state !== undefined && state.status !== 'closed' && state.staffId !== who.id;
    if (!supervising) await ctx.queue.run({ type: 'open', counterId, staffId: who.id });
    await ctx.auth.setSessionCounter(token, counterId);
    return { ...who, counterId };
  },

  async 'counter:sign-out'(ctx, { who, token, input: { counterId } }) {
    if (!token) throw new QueueError('unauthorized');
    if (ctx.queue.state.counters[counterId]?.staffId === who.id) await ctx.queue.run({ type: 'close', counterId });
    await ctx.auth.setSessionCounter(token, undefined);
    return null;
  },
};

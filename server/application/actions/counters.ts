// Staff actions at a counter: the one implementation behind the console's buttons, the
// hardware keypad, the socket events and the HTTP routes.
import type { z } from 'zod';
import { callNumberSchema, counterRefSchema, finishSchema, noShowSchema, pauseSchema, transferSchema } from '@protocol/commands';
import { QueueError } from '@protocol/errors';
import type { CallResult, Principal } from '@protocol/events';
import type { AppContext } from '../context';
import type { ClientCommand } from '../queue-service';
import { parse } from './parse';

export type CounterAction = 'call-next' | 'recall' | 'call-number' | 'no-show' | 'transfer' | 'finish' | 'pause' | 'resume';

const schemas: Record<CounterAction, z.ZodType<{ counterId: number }>> = {
  'call-next': counterRefSchema,
  recall: counterRefSchema,
  'call-number': callNumberSchema,
  'no-show': noShowSchema,
  transfer: transferSchema,
  finish: finishSchema,
  pause: pauseSchema,
  resume: counterRefSchema,
};

export const counterActions = Object.keys(schemas) as CounterAction[];

function toCommand(action: CounterAction, input: Record<string, unknown> & { counterId: number }): ClientCommand {
  const counterId = input.counterId;
  switch (action) {
    case 'call-next':
    case 'recall':
    case 'resume':
      return { type: action, counterId };
    case 'finish':
      return {
        type: 'finish',
        counterId,
        ...(input.outcome !== undefined ? { outcome: String(input.outcome) } : {}),
        ...(Array.isArray(input.dossierCodes) ? { dossierCodes: input.dossierCodes.map(String) } : {}),
      };
    case 'call-number':
      return { type: 'call-number', counterId, label: String(input.label) };
    case 'no-show':
      return { type: 'no-show', counterId, requeue: input.requeue === true };
    case 'transfer':
      return {
        type: 'transfer',
        counterId,
        ...(input.toServiceId !== undefined ? { toServiceId: String(input.toServiceId) } : {}),
        ...(input.toCounterId !== undefined ? { toCounterId: Number(input.toCounterId) } : {}),
      };
    case 'pause':
      return { type: 'pause', counterId, reason: String(input.reason) };
  }
}

/** Returns the called ticket for calls, null for the other actions. */
export async function counterAction(ctx: AppContext, who: Principal, action: CounterAction, payload: unknown): Promise<CallResult | null> {
  const input = parse(schemas[action], payload) as Record<string, unknown> & { counterId: number };
  const { ticketId } = await ctx.queue.runAs(who, toCommand(action, input));
  // The journal names the staff member at the counter; a supervising manager is named here.
  if (who.role === 'manager') void ctx.audit.record(who.id, `counter.${action}`, { counterId: input.counterId });
  if (action !== 'call-next' && action !== 'recall' && action !== 'call-number') return null;
  const t = ctx.queue.state.tickets[ticketId!];
  return { ticketId: t.id, label: t.label, serviceId: t.serviceId, counterId: input.counterId };
}

/**
 * A staff member starts work at a counter: the counter opens under their name and their
 * session is bound to it. Moving to another counter closes the one they left.
 */
export async function signIn(ctx: AppContext, who: Principal, token: string | undefined, payload: unknown): Promise<Principal> {
  const { counterId } = parse(counterRefSchema, payload);
  if (!who.id || !token) throw new QueueError('unauthorized');
  if (who.counterId !== undefined && who.counterId !== counterId) {
    await ctx.queue.runAs(who, { type: 'close', counterId: who.counterId });
  }
  const state = ctx.queue.state.counters[counterId];
  // A manager supervising a counter someone else has open acts there without taking it over.
  const supervising = who.role === 'manager' && state !== undefined && state.status !== 'closed' && state.staffId !== who.id;
  if (!supervising) await ctx.queue.runAs(who, { type: 'open', counterId, staffId: who.id });
  await ctx.auth.setSessionCounter(token, counterId);
  return { ...who, counterId };
}

export async function signOut(ctx: AppContext, who: Principal, token: string | undefined, payload: unknown): Promise<null> {
  const { counterId } = parse(counterRefSchema, payload);
  if (!token) throw new QueueError('unauthorized');
  if (who.role === 'staff' && who.counterId !== counterId) throw new QueueError('not-your-counter');
  if (ctx.queue.state.counters[counterId]?.staffId === who.id) await ctx.queue.runAs(who, { type: 'close', counterId });
  await ctx.auth.setSessionCounter(token, undefined);
  return null;
}

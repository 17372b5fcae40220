import type { OperationName } from '@protocol/api';
import { handlers } from './handlers';
import type { AppContext } from './context';
import type { Answer, Call, Handler } from './operation-handler';
import { parseInput } from './parse-input';

/**
 * Validates the input of an authorised call and runs its handler: what every transport does
 * once server/auth/authorize.ts has let the caller through.
 */
export function perform<K extends OperationName>(ctx: AppContext, name: K, call: Omit<Call<K>, 'input'> & { input: unknown }): Promise<Answer<K>> {
  return Promise.resolve().then(() => (handlers[name] as Handler<K>)(ctx, { ...call, input: parseInput(name, call.input) }));
}

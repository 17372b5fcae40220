// Serial call keypads attached to the queue: a keypad's key is the console's button, the same
// registry command with the same checks (authorised, validated, run like any other caller's).
import type { Logger } from 'pino';
import type { InputOf, OperationName } from '@protocol/api';
import { QueueError } from '@protocol/errors';
import type { Principal } from '@protocol/events';
import type { AppContext } from '../../application/context';
import { perform } from '../../application/perform';
import { authorize } from '../../auth/authorize';
import type { KeypadKey } from '../../devices/serial/keypad-protocol';
import { openKeypadBus } from '../../devices/serial/keypad-bus';

/** One command of the registry with its payload: what a key sends. */
type KeyCommand = { [K in OperationName]: { name: K; payload: InputOf<K> } }[OperationName];

/** The command each key sends; transfer carries the field number typed before it, if any. */
function keyCommand(ctx: AppContext, counterId: number, key: KeypadKey, fieldNumber?: number): KeyCommand {
  switch (key) {
    case 'next':
      return { name: 'counter:call-next', payload: { counterId } };
    case 'recall':
      return { name: 'counter:recall', payload: { counterId } };
    case 'no-show':
      return { name: 'counter:no-show', payload: { counterId } };
    case 'finish':
      return { name: 'counter:finish', payload: { counterId } };
    case 'resume':
      return { name: 'counter:resume', payload: { counterId } };
    case 'pause':
      return { name: 'counter:pause', payload: { counterId, reason: 'Tạm dừng (bàn phím)' } };
    case 'transfer': {
      const service = fieldNumber !== undefined ? ctx.centre.get().services[fieldNumber - 1] : undefined;
      return { name: 'counter:transfer', payload: { counterId, ...(service ? { toServiceId: service.id } : { toCounterId: counterId }) } };
    }
  }
}

/** A keypad acts as the staff member signed in at its counter; at a closed counter it is refused. */
function keypadPrincipal(ctx: AppContext, counterId: number): Principal {
  const staffId = ctx.queue.state.counters[counterId]?.staffId;
  return { role: 'staff', counterId, ...(staffId ? { id: staffId } : {}) };
}

async function pressKey(ctx: AppContext, counterId: number, key: KeypadKey, fieldNumber?: number): Promise<void> {
  const { name, payload } = keyCommand(ctx, counterId, key, fieldNumber);
  const who = keypadPrincipal(ctx, counterId);
  const denied = authorize(who, name, counterId);
  if (denied) throw new QueueError(denied);
  await perform(ctx, name, { who, from: `keypad:${counterId}`, input: payload });
}

export function attachKeypads(ctx: AppContext, logger: Logger): (() => Promise<void>) | undefined {
  const { keypadPort, serialBaud } = ctx.settings;
  if (!keypadPort) return undefined;
  const bus = openKeypadBus(keypadPort, {
    baudRate: serialBaud,
    logger,
    onKey: (counterId, key, fieldNumber) =>
      void pressKey(ctx, counterId, key, fieldNumber).catch((err) => logger.warn({ counterId, key, code: (err as { code?: string }).code }, 'keypad key refused')),
  });
  return () => bus.close();
}

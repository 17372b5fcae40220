// Serial call keypads attached to the queue: a keypad's key does exactly what the console's
// button does (same action, same checks).
import type { Logger } from 'pino';
import type { Principal } from '@protocol/events';
import { counterAction, type CounterAction } from '../../application/actions/counters';
import type { AppContext } from '../../application/context';
import type { KeypadKey } from '../../devices/serial/keypad-protocol';
import { openKeypadBus } from '../../devices/serial/keypad-bus';

const actionOfKey: Record<Exclude<KeypadKey, 'pause'>, CounterAction> = {
  next: 'call-next',
  recall: 'recall',
  'no-show': 'no-show',
  finish: 'finish',
  transfer: 'transfer',
  resume: 'resume',
};

/** A keypad acts as the staff member signed in at its counter; at a closed counter it is refused. */
function keypadPrincipal(ctx: AppContext, counterId: number): Principal {
  const staffId = ctx.queue.state.counters[counterId]?.staffId;
  return { role: 'staff', counterId, ...(staffId ? { id: staffId } : {}) };
}

export function keypadPayload(ctx: AppContext, counterId: number, key: KeypadKey, fieldNumber?: number): { action: CounterAction; payload: Record<string, unknown> } {
  if (key === 'pause') return { action: 'pause', payload: { counterId, reason: 'Tạm dừng (bàn phím)' } };
  if (key === 'transfer') {
    const service = fieldNumber !== undefined ? ctx.centre.get().services[fieldNumber - 1] : undefined;
    return { action: 'transfer', payload: { counterId, ...(service ? { toServiceId: service.id } : { toCounterId: counterId }) } };
  }
  return { action: actionOfKey[key], payload: { counterId } };
}

export function attachKeypads(ctx: AppContext, logger: Logger): (() => Promise<void>) | undefined {
  const { keypadPort, serialBaud } = ctx.settings;
  if (!keypadPort) return undefined;
  const bus = openKeypadBus(keypadPort, {
    baudRate: serialBaud,
    logger,
    onKey: (counterId, key, fieldNumber) => {
      const { action, payload } = keypadPayload(ctx, counterId, key, fieldNumber);
      counterAction(ctx, keypadPrincipal(ctx, counterId), action, payload).catch((err) =>
        logger.warn({ counterId, key, code: (err as { code?: string }).code }, 'keypad key refused'),
      );
    },
  });
  return () => bus.close();
}

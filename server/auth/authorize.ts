// The one authorisation point. Every transport (HTTP, socket.io, the serial keypads) asks it
// before it reads a body or runs a handler, with the operation's name from the registry.
import { operations, type OperationName } from '@protocol/api';
import type { ErrorCode } from '@protocol/errors';
import type { Principal } from '@protocol/events';
import { bindsStaffToTheirCounter, isAllowed } from '@protocol/permissions';

/**
 * null when allowed; otherwise the code to answer with. counterId: the counter the call acts
 * at (the path segment over HTTP, the payload's field on the socket), when it names one; a
 * call that must name one and does not is refused by its schema right after.
 */
export function authorize(who: Principal, name: OperationName, counterId?: unknown): ErrorCode | null {
  const { permission } = operations[name];
  if (!isAllowed(who.role, permission)) return who.role === 'public' ? 'unauthorized' : 'forbidden';
  if (bindsStaffToTheirCounter(permission) && who.role === 'staff' && typeof counterId === 'number' && who.counterId !== counterId) return 'not-your-counter';
  return null;
}

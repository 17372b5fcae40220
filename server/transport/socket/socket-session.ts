// One socket's session: who is on it, the rooms it belongs to, its snapshot, and how a
// command's answer goes back through the ack. The handlers of every domain share these.
import type { Server, Socket } from 'socket.io';
import { QueueError } from '@protocol/errors';
import type { ClientToServerEvents } from '@protocol/api';
import type { Principal, ServerToClientEvents } from '@protocol/events';
import type { AppContext } from '../../application/context';
import { currentSnapshot } from '../../application/snapshot';
import { toErrorBody } from '../errors';

export interface SocketData {
  token?: string;
  principal: Principal;
  /** Tickets a phone watches; bounded so one phone cannot follow the whole queue. */
  watched: Set<string>;
}

export type QueueServer = Server<ClientToServerEvents, ServerToClientEvents, Record<string, never>, SocketData>;
export type QueueSocket = Socket<ClientToServerEvents, ServerToClientEvents, Record<string, never>, SocketData>;

export function sendSnapshot(ctx: AppContext, socket: QueueSocket): void {
  socket.emit('state:snapshot', currentSnapshot(ctx, socket.data.principal));
}

/** Puts the socket in the rooms its principal belongs to (again after a sign-in moves it). */
export function joinRooms(socket: QueueSocket): void {
  for (const room of socket.rooms) if (room !== socket.id && !room.startsWith('ticket:')) void socket.leave(room);
  const who = socket.data.principal;
  if (who.role === 'public') return;
  void socket.join('queue');
  if (who.counterId !== undefined) void socket.join(`counter:${who.counterId}`);
  if (who.role === 'central-display') void socket.join('displays');
  if (who.role === 'manager') void socket.join('managers');
  if (who.id) void socket.join(`principal:${who.id}`);
}

/**
 * Re-reads who is on the socket before each command: a revoked device, a disabled account
 * or an expired session stops working at once, not at the next reconnect.
 */
export function currentPrincipal(ctx: AppContext, socket: QueueSocket): Principal {
  try {
    const fresh = ctx.auth.principal(socket.data.token);
    socket.data.principal = fresh;
    return fresh;
  } catch (err) {
    if (err instanceof QueueError && err.code === 'unauthorized') {
      socket.emit('session:ended', 'expired');
      setImmediate(() => socket.disconnect(true));
    }
    throw err;
  }
}

/** Runs a handler and answers through the ack; a missing ack is a client bug, not a crash. */
export function respond<T>(ctx: AppContext, ack: unknown, fn: () => Promise<T> | T): void {
  if (typeof ack !== 'function') {
    ctx.logger.warn('socket command without an ack callback ignored');
    return;
  }
  Promise.resolve()
    .then(fn)
    .then(
      (data) => ack({ ok: true, data }),
      (err) => ack({ ok: false, error: toErrorBody(err, ctx.logger) }),
    );
}

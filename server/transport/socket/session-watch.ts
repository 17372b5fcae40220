// Every socket of a token is disconnected, with session:ended, the moment the token stops
// being valid: a device revoked, a sign-out, an account disabled or its password changed, a
// session that expires. Otherwise an open socket would go on hearing the queue (ticket ids
// included) until it next sent a command.
import type { SessionEndReason } from '../../auth/auth-service';
import type { AppContext } from '../../application/context';
import { joinRooms, sendSnapshot, type QueueServer, type QueueSocket } from './socket-session';

export function endSession(socket: QueueSocket, reason: SessionEndReason): void {
  socket.emit('session:ended', reason);
  // After the event is on its way: the client learns why before it is cut off.
  setImmediate(() => socket.disconnect(true));
}

/** Checks one socket's token again: ends it when invalid, moves it when its role or counter changed. */
function recheck(ctx: AppContext, socket: QueueSocket, reason: SessionEndReason): void {
  if (!socket.data.token) return;
  let fresh;
  try {
    fresh = ctx.auth.principal(socket.data.token);
  } catch {
    return endSession(socket, reason);
  }
  const before = socket.data.principal;
  socket.data.principal = fresh;
  if (fresh.role !== before.role || fresh.counterId !== before.counterId) {
    joinRooms(socket);
    sendSnapshot(ctx, socket);
  }
}

export function recheckAll(ctx: AppContext, io: QueueServer, reason: SessionEndReason): void {
  for (const socket of io.of('/').sockets.values()) recheck(ctx, socket, reason);
}

/** Setting timers longer than this overflows them into firing at once. */
const LONGEST_TIMER_MS = 2 ** 31 - 1;

export function watchSessions(ctx: AppContext, io: QueueServer): void {
  ctx.auth.onAccessChanged((reason) => recheckAll(ctx, io, reason));
  io.on('connection', (socket) => {
    const expiresAt = ctx.auth.sessionExpiresAt(socket.data.token);
    if (expiresAt === undefined) return;
    const timer = setTimeout(() => recheck(ctx, socket, 'expired'), Math.min(LONGEST_TIMER_MS, Math.max(0, expiresAt - ctx.clock() + 50)));
    socket.once('disconnect', () => clearTimeout(timer));
  });
}

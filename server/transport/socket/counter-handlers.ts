import type { AppContext } from '../../application/context';
import { counterAction, counterActions, signIn, signOut } from '../../application/actions/counters';
import { currentPrincipal, joinRooms, respond, sendSnapshot, type QueueServer, type QueueSocket } from './socket-session';

export function registerCounterHandlers(ctx: AppContext, io: QueueServer, socket: QueueSocket): void {
  for (const action of counterActions) {
    socket.on(`counter:${action}`, (payload: unknown, ack: unknown) =>
      respond(ctx, ack, () => counterAction(ctx, currentPrincipal(ctx, socket), action, payload)),
    );
  }
  socket.on('counter:sign-in', (payload, ack) =>
    respond(ctx, ack, async () => {
      const who = await signIn(ctx, currentPrincipal(ctx, socket), socket.data.token, payload);
      // Every socket of this session (another tab of the console) moves with it.
      for (const s of await io.in(`principal:${who.id}`).fetchSockets()) {
        const peer = io.of('/').sockets.get(s.id);
        if (peer && peer.data.token === socket.data.token) {
          peer.data.principal = who;
          joinRooms(peer);
          sendSnapshot(ctx, peer);
        }
      }
      return who;
    }),
  );
  socket.on('counter:sign-out', (payload, ack) =>
    respond(ctx, ack, async () => {
      await signOut(ctx, currentPrincipal(ctx, socket), socket.data.token, payload);
      currentPrincipal(ctx, socket);
      joinRooms(socket);
      sendSnapshot(ctx, socket);
      return null;
    }),
  );
}

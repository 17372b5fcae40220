// Every socket event of the registry (protocol/api.ts), each the same steps: re-read who is on
// the socket, authorise them for the operation, validate and run it, let the socket follow
// what changed (rooms, peers), answer through the ack.
import { socketOperationNames, type ResultOf, type SocketOperationName } from '@protocol/api';
import { QueueError } from '@protocol/errors';
import type { AppContext } from '../../application/context';
import { perform } from '../../application/perform';
import { authorize } from '../../auth/authorize';
import { currentPrincipal, joinRooms, respond, sendSnapshot, type QueueServer, type QueueSocket } from './socket-session';

const MAX_WATCHED = 5;

type SocketEffect<K extends SocketOperationName> = (ctx: AppContext, io: QueueServer, socket: QueueSocket, result: ResultOf<K>) => Promise<void> | void;

function watch(socket: QueueSocket, ticketId: string): void {
  if (socket.data.watched.has(ticketId)) return;
  if (socket.data.watched.size >= MAX_WATCHED) throw new QueueError('rate-limited');
  socket.data.watched.add(ticketId);
  void socket.join(`ticket:${ticketId}`);
}

/** What a socket does after an operation succeeds, beyond answering it. */
const effects: { [K in SocketOperationName]?: SocketEffect<K> } = {
  /** A phone hears of the ticket it watches from now on; bounded so one phone cannot follow the whole queue. */
  'ticket:watch'(_ctx, _io, socket, view) {
    watch(socket, view.id);
  },
  /** The phone follows its new number at once; a full watch list does not undo the number (the page watches it itself when it opens). */
  'phone:take'(_ctx, _io, socket, issued) {
    if (socket.data.watched.size < MAX_WATCHED) watch(socket, issued.id);
  },
  /** Every socket of this session (another tab of the console) moves with it. */
  async 'counter:sign-in'(ctx, io, socket, who) {
    for (const s of await io.in(`principal:${who.id}`).fetchSockets()) {
      const peer = io.of('/').sockets.get(s.id);
      if (peer && peer.data.token === socket.data.token) {
        peer.data.principal = who;
        joinRooms(peer);
        sendSnapshot(ctx, peer);
      }
    }
  },
  'counter:sign-out'(ctx, _io, socket) {
    currentPrincipal(ctx, socket);
    joinRooms(socket);
    sendSnapshot(ctx, socket);
  },
};

/** The counter a payload acts at, when it names one (its schema checks the rest). */
function counterIdIn(payload: unknown): unknown {
  return typeof payload === 'object' && payload !== null && Object.hasOwn(payload, 'counterId') ? (payload as { counterId: unknown }).counterId : undefined;
}

export function registerOperations(ctx: AppContext, io: QueueServer, socket: QueueSocket): void {
  for (const name of socketOperationNames) {
    const effect = effects[name] as SocketEffect<typeof name> | undefined;
    socket.on(name, ((payload: unknown, ack: unknown) =>
      respond(ctx, ack, async () => {
        const who = currentPrincipal(ctx, socket);
        const denied = authorize(who, name, counterIdIn(payload));
        if (denied) throw new QueueError(denied);
        const result = (await perform(ctx, name, { who, ...(socket.data.token ? { token: socket.data.token } : {}), from: socket.handshake.address, input: payload })) as ResultOf<typeof name>;
        await effect?.(ctx, io, socket, result);
        return result;
      })) as never);
  }
}

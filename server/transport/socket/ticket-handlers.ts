import { QueueError } from '@protocol/errors';
import type { AppContext } from '../../application/context';
import { issueTicket, rateTicket, watchTicket } from '../../application/actions/tickets';
import { currentPrincipal, respond, type QueueSocket } from './socket-session';

const MAX_WATCHED = 5;

export function registerTicketHandlers(ctx: AppContext, socket: QueueSocket): void {
  socket.on('ticket:issue', (payload, ack) => respond(ctx, ack, () => issueTicket(ctx, currentPrincipal(ctx, socket), payload)));
  socket.on('ticket:rate', (payload, ack) => respond(ctx, ack, () => rateTicket(ctx, currentPrincipal(ctx, socket), payload)));
  socket.on('ticket:watch', (payload, ack) =>
    respond(ctx, ack, () => {
      const view = watchTicket(ctx, payload);
      if (!socket.data.watched.has(view.id)) {
        if (socket.data.watched.size >= MAX_WATCHED) throw new QueueError('rate-limited');
        socket.data.watched.add(view.id);
        void socket.join(`ticket:${view.id}`);
      }
      return view;
    }),
  );
}

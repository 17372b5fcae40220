import { QueueError } from '@protocol/errors';
import type { AppContext } from '../../application/context';
import { issueTicket, rateTicket, watchTicket } from '../../application/actions/tickets';
import { phoneOffer, takeByPhone } from '../../application/actions/phone-numbers';
import { currentPrincipal, respond, type QueueSocket } from './socket-session';

const MAX_WATCHED = 5;

export function registerTicketHandlers(ctx: AppContext, socket: QueueSocket): void {
  socket.on('ticket:issue', (payload, ack) => respond(ctx, ack, () => issueTicket(ctx, currentPrincipal(ctx, socket), payload)));
  socket.on('ticket:rate', (payload, ack) => respond(ctx, ack, () => rateTicket(ctx, currentPrincipal(ctx, socket), payload)));
  const watch = (ticketId: string) => {
    if (socket.data.watched.has(ticketId)) return;
    if (socket.data.watched.size >= MAX_WATCHED) throw new QueueError('rate-limited');
    socket.data.watched.add(ticketId);
    void socket.join(`ticket:${ticketId}`);
  };
  socket.on('ticket:watch', (payload, ack) =>
    respond(ctx, ack, () => {
      const view = watchTicket(ctx, payload);
      watch(view.id);
      return view;
    }),
  );
  socket.on('phone:offer', (_payload, ack) => respond(ctx, ack, () => phoneOffer(ctx)));
  socket.on('phone:take', (payload, ack) =>
    respond(ctx, ack, async () => {
      const issued = await takeByPhone(ctx, currentPrincipal(ctx, socket), payload);
      // The phone follows its new number at once; a full watch list does not undo the number.
      try {
        watch(issued.id);
      } catch {
        /* the page watches it itself when it opens */
      }
      return issued;
    }),
  );
}

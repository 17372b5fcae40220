// socket.io: who connected, which rooms they are in, and what each is sent. Every device
// gets a full snapshot on (re)connect and replaces its state with it; after that it gets
// the queue's events in order (room "queue"), its counter's view (room "counter:N"), or
// for a phone, only its own ticket (room "ticket:<id>").
import { QueueError } from '@protocol/errors';
import { ticketById, type QueueEvent } from '@protocol/queue';
import type { AppContext } from '../../application/context';
import { counterView, publicTicketView } from '../../application/views';
import type { IncomingMessage } from 'node:http';
import { admittedOnPublicSide } from '../network-sides';
import { SocketAdmission } from './admission';
import { CommandBudgets } from './command-budget';
import { registerOperations } from './operation-events';
import { joinRooms, sendSnapshot, type QueueServer } from './socket-session';

/** How often the fields' paces go to the screens at most. */
const WAITS_EVERY_MS = 5000;

/** Unfinished handshakes one address may hold (they are dropped after the connect timeout). */
const PENDING_HANDSHAKES_PER_ADDRESS = 100;

function countersTouched(ctx: AppContext, events: QueueEvent[]): Set<number> {
  const ids = new Set<number>();
  for (const e of events) {
    if ('counterId' in e) ids.add(e.counterId);
    if (e.type === 'ticket.rating-expired') {
      const c = ctx.queue.state.tickets[e.ticketId]?.counterId;
      if (c !== undefined) ids.add(c);
    }
    if (e.type === 'day.opened') for (const c of ctx.centre.get().counters) ids.add(c.id);
  }
  return ids;
}

function pushToPhones(ctx: AppContext, io: QueueServer, events: QueueEvent[]): void {
  const services = new Set<string>();
  const tickets = new Set<string>();
  for (const e of events) {
    if (e.type === 'ticket.issued') services.add(e.ticket.serviceId);
    else if ('ticketId' in e) {
      tickets.add(e.ticketId);
      const t = ctx.queue.state.tickets[e.ticketId];
      if (t) services.add(t.serviceId);
      if (e.type === 'ticket.transferred') services.add(e.toServiceId);
    }
  }
  const config = ctx.centre.get();
  for (const room of io.of('/').adapter.rooms.keys()) {
    if (!room.startsWith('ticket:')) continue;
    const t = ticketById(ctx.queue.state, room.slice(7));
    if (t && (tickets.has(t.id) || (t.status === 'waiting' && services.has(t.serviceId)))) {
      io.to(room).emit('ticket:updated', publicTicketView(ctx.queue.state, config, t, ctx.auth.staffDirectory(), ctx.waits.basis()));
    }
  }
}

/** onPublicSide: whether a handshake came in through the citizens' listener (staff and managers are refused there). */
export function attachSockets(io: QueueServer, ctx: AppContext, onPublicSide: (req: IncomingMessage) => boolean = () => false): void {
  const admission = new SocketAdmission(
    { phoneSockets: ctx.settings.maxConnections, phoneSocketsPerAddress: ctx.settings.phoneSocketsPerAddress, pendingHandshakesPerAddress: PENDING_HANDSHAKES_PER_ADDRESS },
    ctx.clock,
  );
  admission.track(io);
  io.engine.opts.allowRequest = (req, callback) => {
    const allowed = admission.allowRequest(req);
    callback(allowed ? null : 'too-many-connections', allowed);
  };
  const budgets = new CommandBudgets(ctx.settings.socketRateScale);

  io.use((socket, next) => {
    const token = typeof socket.handshake.auth?.token === 'string' ? socket.handshake.auth.token : undefined;
    try {
      socket.data.principal = ctx.auth.principal(token);
      socket.data.token = token;
      socket.data.watched = new Set();
    } catch (err) {
      // The code the client acts on: unauthorized (pair or sign in again) or password-change-required.
      return next(new Error(err instanceof QueueError ? err.code : 'unauthorized'));
    }
    if (onPublicSide(socket.request) && !admittedOnPublicSide(socket.data.principal)) return next(new Error('unauthorized'));
    const refused = admission.admit(socket);
    next(refused ? new Error(refused) : undefined);
  });

  io.on('connection', (socket) => {
    admission.joined(socket);
    budgets.apply(socket);
    joinRooms(socket);
    // A phone sees its own ticket only (ticket:watch), never the queue with other tickets' ids.
    if (socket.data.principal.role !== 'public') sendSnapshot(ctx, socket);
    registerOperations(ctx, io, socket);
  });

  ctx.queue.onCommitted((events) => {
    for (const e of events) io.to('queue').emit('queue:event', e);
    const counters = countersTouched(ctx, events);
    if (counters.size) {
      const config = ctx.centre.get();
      const staff = ctx.auth.staffDirectory();
      for (const id of counters) io.to(`counter:${id}`).emit('counter:updated', counterView(ctx.queue.state, config, staff, id));
    }
    pushToPhones(ctx, io, events);
    sendWaits();
  });
  // The paces move with every call; screens need them every few seconds, not every event.
  let lastWaits = 0;
  let waitsTimer: NodeJS.Timeout | undefined;
  const sendWaits = () => {
    if (waitsTimer) return;
    const due = lastWaits + WAITS_EVERY_MS - ctx.clock();
    waitsTimer = setTimeout(() => {
      waitsTimer = undefined;
      lastWaits = ctx.clock();
      io.to('queue').emit('waits:changed', ctx.waits.basis());
    }, Math.max(0, due));
    waitsTimer.unref();
  };

  ctx.queue.onReset(() => resyncAll(ctx, io));
  ctx.alerts.onChange((alerts) => io.to('managers').emit('alerts:changed', alerts, ctx.printerState()));
}

/** A new day, a recovery or a configuration change: everyone starts again from a snapshot. */
export function resyncAll(ctx: AppContext, io: QueueServer): void {
  for (const socket of io.of('/').sockets.values()) {
    if (socket.data.principal.role === 'public') {
      for (const id of socket.data.watched) {
        const t = ctx.queue.state.tickets[id];
        if (t) socket.emit('ticket:updated', publicTicketView(ctx.queue.state, ctx.centre.get(), t, ctx.auth.staffDirectory(), ctx.waits.basis()));
      }
    } else {
      sendSnapshot(ctx, socket);
    }
  }
}

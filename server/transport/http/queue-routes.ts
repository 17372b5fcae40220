// Tickets, counters, ratings and state over HTTP, for the one-stop-shop software and curl.
import { Router } from 'express';
import { QueueError } from '@protocol/errors';
import type { AppContext } from '../../application/context';
import { counterAction, counterActions, signIn, signOut } from '../../application/actions/counters';
import { issueTicket, rateTicket, watchTicket } from '../../application/actions/tickets';
import { publicState } from '../../application/views';
import { phoneOffer, takeByPhone } from '../../application/actions/phone-numbers';
import { book, cancel, checkIn, lookUp, slots } from '../../application/actions/appointments';
import { handle, requireRole } from './handle';

/** The JSON body as an object; an array or a bare value is refused rather than spread. */
function bodyObject(body: unknown): Record<string, unknown> {
  if (body === undefined) return {};
  if (typeof body !== 'object' || body === null || Array.isArray(body)) throw new QueueError('invalid-payload');
  return body as Record<string, unknown>;
}

function counterIdParam(raw: string | string[] | undefined): number {
  const id = Number(raw);
  if (!Number.isInteger(id) || id <= 0) throw new QueueError('unknown-counter');
  return id;
}

export function queueRoutes(ctx: AppContext): Router {
  const r = Router();
  r.get(
    '/health',
    handle(ctx, () => ({
      status: 'ok',
      day: ctx.queue.state.day,
      seq: ctx.queue.state.seq,
      printer: ctx.printerState(),
      // Where tickets go (QMS_PRINTER); a printer address is no secret on the centre's LAN.
      printerConnection: ctx.printer.description,
      time: ctx.clock(),
    })),
  );
  r.get(
    '/state',
    handle(ctx, (_req, c) => {
      requireRole(c, 'manager', 'staff', 'guide', 'kiosk', 'counter-display', 'central-display', 'rating-terminal');
      return publicState(ctx.queue.state, ctx.centre.get());
    }),
  );
  r.post('/tickets', handle(ctx, (req, c) => issueTicket(ctx, c.who, req.body), 201));
  r.get('/appointments/slots', handle(ctx, (req) => slots(ctx, req.query)));
  r.post('/appointments', handle(ctx, (req, c) => book(ctx, c.who, req.body), 201));
  r.get('/appointments/:code', handle(ctx, (req) => lookUp(ctx, req.params.code)));
  r.delete('/appointments/:code', handle(ctx, (req) => cancel(ctx, req.params.code)));
  r.post('/appointments/:code/check-in', handle(ctx, (req, c) => checkIn(ctx, c.who, req.params.code), 201));
  r.get('/phone-numbers', handle(ctx, () => phoneOffer(ctx)));
  r.post('/phone-numbers', handle(ctx, (req, c) => takeByPhone(ctx, c.who, req.body), 201));
  r.get('/tickets/:id', handle(ctx, (req) => watchTicket(ctx, { ticketId: req.params.id })));
  r.post('/ratings', handle(ctx, (req, c) => rateTicket(ctx, c.who, req.body), 201));
  for (const action of counterActions) {
    const path = action === 'call-next' ? 'next' : action;
    r.post(
      `/counters/:id/${path}`,
      handle(ctx, (req, c) => counterAction(ctx, c.who, action, { ...bodyObject(req.body), counterId: counterIdParam(req.params.id) })),
    );
  }
  r.post('/counters/:id/sign-in', handle(ctx, (req, c) => signIn(ctx, c.who, c.token, { counterId: counterIdParam(req.params.id) })));
  r.post('/counters/:id/sign-out', handle(ctx, (req, c) => signOut(ctx, c.who, c.token, { counterId: counterIdParam(req.params.id) })));
  return r;
}

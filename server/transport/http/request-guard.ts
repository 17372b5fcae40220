// Before any body is read. Which callers a route is open to and how large a body it takes are
// the registry's (operation-routes.ts checks both before reading); what is left is the budget
// callers without a token share per address, and answering without reading what is still
// being sent.
import type { NextFunction, Request, RequestHandler, Response } from 'express';
import { QueueError } from '@protocol/errors';
import type { AppContext } from '../../application/context';
import { TokenBucket, type Budget } from '../token-bucket';
import { bearer } from './caller';
import { sendError } from './send';

/** Requests per second from one address without a token (phones, look-up, the voice of a call). */
const ANONYMOUS_HTTP_BUDGET: Budget = { perSecond: 20, burst: 100 };
const MAX_ADDRESSES = 10_000;

/** Answers now and closes the connection: the body the caller is still sending is never read. */
export function refuseUnread(ctx: AppContext, res: Response, err: QueueError): void {
  res.set('connection', 'close');
  sendError(ctx, res, err);
}

export function anonymousBudget(ctx: AppContext): RequestHandler {
  const anonymous = new Map<string, TokenBucket>();
  return (req: Request, res: Response, next: NextFunction) => {
    if (bearer(req) !== undefined) return next();
    const address = req.ip ?? 'unknown';
    let bucket = anonymous.get(address);
    if (!bucket) {
      if (anonymous.size >= MAX_ADDRESSES) anonymous.clear();
      bucket = new TokenBucket(ANONYMOUS_HTTP_BUDGET, performance.now());
      anonymous.set(address, bucket);
    }
    if (!bucket.take(performance.now())) return refuseUnread(ctx, res, new QueueError('rate-limited'));
    next();
  };
}

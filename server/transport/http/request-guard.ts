// Before any body is read: who is calling, whether the route is open to them at all, and how
// large a body this route takes. An anonymous upload to a managers' route is refused at
// once and the connection closed, instead of the server reading hundreds of megabytes first.
// Anonymous callers also share a request budget per address.
import express, { type NextFunction, type Request, type RequestHandler, type Response } from 'express';
import { QueueError } from '@protocol/errors';
import type { AppContext } from '../../application/context';
import { TokenBucket, type Budget } from '../token-bucket';
import { bearer, sendError } from './handle';

/** The writes a caller without a token may make; every other POST/PUT/PATCH/DELETE needs one. */
const ANONYMOUS_WRITES: readonly [string, RegExp][] = [
  ['POST', /^\/auth\/login$/],
  ['POST', /^\/auth\/logout$/],
  ['POST', /^\/devices\/pair$/],
  ['POST', /^\/ratings$/],
  ['POST', /^\/phone-numbers$/],
  ['POST', /^\/appointments$/],
  ['DELETE', /^\/appointments\/[^/]+$/],
  ['POST', /^\/appointments\/[^/]+\/check-in$/],
];

/** JSON bodies are small except the configuration and an account with its photo. */
const SMALL_JSON = '32kb';
const LARGE_JSON_ROUTES: readonly [string, RegExp][] = [
  ['PUT', /^\/config$/],
  ['PATCH', /^\/users\/[^/]+$/],
];
const LARGE_JSON = '512kb';

/** Requests per second from one address without a token (phones, look-up, the voice of a call). */
export const ANONYMOUS_HTTP_BUDGET: Budget = { perSecond: 20, burst: 100 };
const MAX_ADDRESSES = 10_000;

const matches = (routes: readonly [string, RegExp][], req: Request) => routes.some(([method, path]) => method === req.method && path.test(req.path));

/** Answers now and closes the connection: the body the caller is still sending is never read. */
export function refuseUnread(ctx: AppContext, res: Response, err: QueueError): void {
  res.set('connection', 'close');
  sendError(ctx, res, err);
}

export function requestGuard(ctx: AppContext): RequestHandler[] {
  const anonymous = new Map<string, TokenBucket>();
  const small = express.json({ limit: SMALL_JSON });
  const large = express.json({ limit: LARGE_JSON });

  const admit = (req: Request, res: Response, next: NextFunction) => {
    if (bearer(req) !== undefined) return next();
    const address = req.ip ?? 'unknown';
    let bucket = anonymous.get(address);
    if (!bucket) {
      if (anonymous.size >= MAX_ADDRESSES) anonymous.clear();
      bucket = new TokenBucket(ANONYMOUS_HTTP_BUDGET, performance.now());
      anonymous.set(address, bucket);
    }
    if (!bucket.take(performance.now())) return refuseUnread(ctx, res, new QueueError('rate-limited'));
    const writes = req.method !== 'GET' && req.method !== 'HEAD' && req.method !== 'OPTIONS';
    if (writes && !matches(ANONYMOUS_WRITES, req)) return refuseUnread(ctx, res, new QueueError('unauthorized'));
    next();
  };
  const body = (req: Request, res: Response, next: NextFunction) => (matches(LARGE_JSON_ROUTES, req) ? large : small)(req, res, next);
  return [admit, body];
}

/** For an upload route: the role is checked from the token alone, before the file is read. */
export function rolesBeforeBody(ctx: AppContext, ...roles: string[]): RequestHandler {
  return (req, res, next) => {
    let role: string;
    try {
      role = ctx.auth.principal(bearer(req)).role;
    } catch (err) {
      return refuseUnread(ctx, res, err instanceof QueueError ? err : new QueueError('unauthorized'));
    }
    if (!roles.includes(role)) return refuseUnread(ctx, res, new QueueError(role === 'public' ? 'unauthorized' : 'forbidden'));
    next();
  };
}

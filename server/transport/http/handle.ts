// The HTTP side of the same actions: resolve who is calling, run, answer JSON. Errors
// become { code, message, messageVi, details? } with the status the code maps to.
import type { NextFunction, Request, RequestHandler, Response } from 'express';
import { errorMessages, QueueError } from '@protocol/errors';
import type { Principal } from '@protocol/events';
import type { AppContext } from '../../application/context';
import { toErrorBody } from '../errors';

export interface Caller {
  who: Principal;
  token?: string;
}

export function bearer(req: Request): string | undefined {
  const h = req.headers.authorization;
  return h?.startsWith('Bearer ') ? h.slice(7).trim() : undefined;
}

export function caller(ctx: AppContext, req: Request): Caller {
  const token = bearer(req);
  return { who: ctx.auth.principal(token), ...(token ? { token } : {}) };
}

export function sendError(ctx: AppContext, res: Response, err: unknown): void {
  const body = toErrorBody(err, ctx.logger);
  res.status(errorMessages[body.code].http).json(body);
}

/** Wraps an async handler: its return value is the JSON body (status 200 unless given). */
export function handle(ctx: AppContext, fn: (req: Request, c: Caller, res: Response) => Promise<unknown> | unknown, status = 200): RequestHandler {
  return (req: Request, res: Response, _next: NextFunction) => {
    Promise.resolve()
      .then(() => fn(req, caller(ctx, req), res))
      .then(
        (body) => {
          // A handler may set its own status (e.g. 422 with a list of errors) before returning.
          if (!res.headersSent) res.status(res.statusCode !== 200 ? res.statusCode : status).json(body ?? null);
        },
        (err) => sendError(ctx, res, err),
      );
  };
}

/** handle() without resolving the caller first: for the routes that read the token their own way. */
export function handleUnchecked(ctx: AppContext, fn: (req: Request, res: Response) => Promise<unknown> | unknown): RequestHandler {
  return (req: Request, res: Response) => {
    Promise.resolve()
      .then(() => fn(req, res))
      .then(
        (body) => {
          if (!res.headersSent) res.status(200).json(body ?? null);
        },
        (err) => sendError(ctx, res, err),
      );
  };
}

export function requireRole(c: Caller, ...roles: Principal['role'][]): void {
  if (!roles.includes(c.who.role)) throw new QueueError(c.who.role === 'public' ? 'unauthorized' : 'forbidden');
}

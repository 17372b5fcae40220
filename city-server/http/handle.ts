// The city's HTTP plumbing, as on a centre: an async handler's value is the JSON body, a
// thrown QueueError becomes { code, message, messageVi, details? } with its status, anything
// else is logged and answered "internal".
import type { NextFunction, Request, RequestHandler, Response } from 'express';
import type { Logger } from 'pino';
import { errorMessages } from '@protocol/errors';
import { toErrorBody } from '../../server/transport/errors';

export function bearer(req: Request): string | undefined {
  const h = req.headers.authorization;
  return h?.startsWith('Bearer ') ? h.slice(7).trim() : undefined;
}

export function sendError(logger: Logger, res: Response, err: unknown): void {
  const body = toErrorBody(err, logger);
  res.status(errorMessages[body.code].http).json(body);
}

export function handle(logger: Logger, fn: (req: Request, res: Response) => Promise<unknown> | unknown): RequestHandler {
  return (req: Request, res: Response, _next: NextFunction) => {
    Promise.resolve()
      .then(() => fn(req, res))
      .then(
        (body) => {
          if (!res.headersSent) res.json(body ?? null);
        },
        (err) => sendError(logger, res, err),
      );
  };
}

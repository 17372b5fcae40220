// A body that is not JSON, or too large, gets the same error shape as everything else.
import type { ErrorRequestHandler, Response } from 'express';
import { QueueError } from '@protocol/errors';

export function bodyErrors(send: (res: Response, err: unknown) => void): ErrorRequestHandler {
  return (err, _req, res, next) => {
    if (res.headersSent) return next(err);
    const type = (err as { type?: string }).type;
    if (type === 'entity.too.large') return send(res, new QueueError('payload-too-large'));
    if (type === 'entity.parse.failed') return send(res, new QueueError('invalid-payload'));
    send(res, err);
  };
}

// Turns anything thrown by a handler into the caller's error body. Expected refusals keep
// their code; anything else is logged in full and answered as "internal", never with the
// exception's message or stack (which could leak paths, data or secrets).
import { ZodError } from 'zod';
import { errorBody, QueueError, type ErrorBody } from '@protocol/errors';
import type { Logger } from 'pino';

export function toErrorBody(err: unknown, logger: Logger): ErrorBody {
  if (err instanceof QueueError) return errorBody(err.code, err.details);
  if (err instanceof ZodError) {
    return errorBody('invalid-config', err.issues.slice(0, 20).map((i) => ({ path: i.path.join('.'), message: i.message })));
  }
  logger.error({ err }, 'unexpected error in a handler');
  return errorBody('internal');
}

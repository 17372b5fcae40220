import type { z } from 'zod';
import { QueueError } from '@protocol/errors';

/** Validates input from outside; a failure is a QueueError naming each wrong field. */
export function parse<S extends z.ZodType>(schema: S, payload: unknown): z.infer<S> {
  const result = schema.safeParse(payload);
  if (!result.success) {
    throw new QueueError(
      'invalid-payload',
      result.error.issues.slice(0, 10).map((i) => ({ path: i.path.join('.'), message: i.message })),
    );
  }
  return result.data;
}

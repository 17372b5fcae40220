import { operations, type OperationName, type ParsedInputOf } from '@protocol/api';
import { QueueError } from '@protocol/errors';

/** Validates an operation's input from outside; a failure names each wrong field (at most 20). */
export function parseInput<K extends OperationName>(name: K, raw: unknown): ParsedInputOf<K> {
  const operation = operations[name];
  const result = operation.input.safeParse(raw);
  if (!result.success) {
    throw new QueueError(
      'invalidInput' in operation ? operation.invalidInput : 'invalid-payload',
      result.error.issues.slice(0, 20).map((i) => ({ path: i.path.join('.'), message: i.message })),
    );
  }
  return result.data as ParsedInputOf<K>;
}

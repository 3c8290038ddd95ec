/**
 * Parses a request member set with a zod schema; the first problem becomes the service's
 * validation error naming the member (`X is required`, or `X: what is wrong`).
 */
import type { z } from 'zod';
import type { AwsError } from './aws-error';

/**
 * Validates a request body with `schema`; invalid input throws `toError` (the service's own
 * validation error) naming the field.
 */
export function parseInput<T>(
  schema: z.ZodType<T>,
  body: unknown,
  toError: (message: string) => AwsError,
): T {
  const parsed = schema.safeParse(body);
  if (parsed.success) return parsed.data;
  const issue = parsed.error.issues[0];
  const where = issue?.path.length ? issue.path.join('.') : 'request body';
  const missing =
    (issue?.code === 'invalid_type' || issue?.code === 'invalid_value') &&
    issue.input === undefined;
  throw toError(
    missing ? `${where} is required` : `${where}: ${issue?.message ?? 'invalid value'}`,
  );
}

import type { z } from 'zod';
import { BadRequestError } from '../errors.js';

/**
 * Parses a request's query (or path parameters) with a zod schema; a failure is a 400 that names the parameter,
 * e.g. `direction: expected one of "down"|"up"|"both"`.
 */
export function parseQuery<T extends z.ZodType>(schema: T, query: unknown): z.infer<T> {
  const result = schema.safeParse(query);
  if (result.success) return result.data;
  const problems = result.error.issues.map((issue) => {
    const name = issue.path.length > 0 ? issue.path.join('.') : 'query';
    return `${name}: ${issue.message}`;
  });
  throw new BadRequestError(`Invalid parameter ${problems.join('; ')}`);
}

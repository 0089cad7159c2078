import type { Request, Response } from 'express';
import { z } from 'zod';
import { sendBadParameter } from './errors.js';

/** A `collectionFormat: multi` parameter: repeated keys (`type=a&type=b`) arrive as an array. */
export const multi = z
  .union([z.string(), z.array(z.string())])
  .optional()
  .transform((value) => (value === undefined ? [] : Array.isArray(value) ? value : [value]));

export const booleanParam = z
  .enum(['true', 'false'])
  .optional()
  .transform((value) => value === 'true');

export const required = z
  .string({ error: (issue) => (issue.input === undefined ? 'is required' : 'must be a single string') })
  .min(1, 'is required');

/** No maximum is documented; 500 is what Genesys' own Terraform exporter uses (genesys-api.md §5). */
const MAX_PAGE_SIZE = 500;

export const pagingParams = {
  pageNumber: z.coerce.number().int().min(1).default(1),
  pageSize: z.coerce.number().int().min(1).max(MAX_PAGE_SIZE, `must be at most ${MAX_PAGE_SIZE}`).default(25),
};

/**
 * Parses `req.query` with `schema`; on failure answers a 400 ErrorBody naming the first bad
 * parameter and returns undefined.
 */
export function parseQuery<T extends z.ZodType>(req: Request, res: Response, schema: T): z.output<T> | undefined {
  const parsed = schema.safeParse(req.query);
  if (parsed.success) return parsed.data;
  const issue = parsed.error.issues[0];
  sendBadParameter(res, String(issue?.path[0] ?? 'query'), issue?.message ?? 'invalid');
  return undefined;
}

import type { z } from 'zod';

/** Validates an API answer; a shape mismatch names the field that drifted. */
export function parseAnswer<T extends z.ZodType>(path: string, schema: T, body: unknown): z.infer<T> {
  const parsed = schema.safeParse(body);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    throw new Error(`Unexpected answer from /api/${path}: ${issue?.path.join('.') ?? ''} ${issue?.message ?? ''}`.trim());
  }
  return parsed.data;
}

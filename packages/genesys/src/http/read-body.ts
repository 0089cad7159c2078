import { ErrorBodySchema } from '@flowgraph/core';
import type { HttpErrorDetails } from '../errors/genesys-http-error.js';

const MAX_TEXT = 500;

/**
 * The body of an error response for error messages: Genesys' ErrorBody when it parses,
 * else a truncated text. Never throws: a broken error body must not hide the status.
 */
export async function readErrorBody(response: Response): Promise<unknown> {
  let text: string;
  try {
    text = await response.text();
  } catch {
    return undefined;
  }
  if (text === '') return undefined;
  try {
    const parsed = ErrorBodySchema.safeParse(JSON.parse(text));
    if (parsed.success) return parsed.data;
  } catch {
    // not JSON: fall through to text
  }
  return text.length > MAX_TEXT ? `${text.slice(0, MAX_TEXT)}…` : text;
}

/** Everything a GenesysHttpError reports about a non-2xx response; reads the body. */
export async function failedResponseDetails(
  response: Response,
  request: { method: string; path: string; attempts: number },
): Promise<HttpErrorDetails> {
  return {
    ...request,
    status: response.status,
    statusText: response.statusText,
    body: await readErrorBody(response),
    correlationId: response.headers.get('inin-correlation-id') ?? undefined,
  };
}

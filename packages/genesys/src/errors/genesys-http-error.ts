import { GenesysError } from './genesys-error.js';

export interface HttpErrorDetails {
  method: string;
  /** The path without host, e.g. `/api/v2/flows?pageNumber=2` (never a token: those travel in headers). */
  path: string;
  /** Undefined when no response arrived (network error, timeout). */
  status?: number;
  statusText?: string;
  /** The parsed Genesys ErrorBody when JSON, else the text (truncated). */
  body?: unknown;
  /** `inin-correlation-id`: what Genesys support asks for. */
  correlationId?: string;
  attempts: number;
}

/**
 * A request that still failed after its retries. Carries what a caller needs to report
 * it, like ky's HTTPError, plus the attempt count and Genesys' correlation id.
 */
export class GenesysHttpError extends GenesysError {
  readonly method: string;
  readonly path: string;
  readonly status: number | undefined;
  readonly body: unknown;
  readonly correlationId: string | undefined;
  readonly attempts: number;

  constructor(details: HttpErrorDetails, options?: ErrorOptions) {
    super(describe(details, options?.cause), options);
    this.method = details.method;
    this.path = details.path;
    this.status = details.status;
    this.body = details.body;
    this.correlationId = details.correlationId;
    this.attempts = details.attempts;
  }
}

function describe(details: HttpErrorDetails, cause: unknown): string {
  const what =
    details.status === undefined
      ? `no response (${cause === undefined ? 'network error' : networkErrorMessage(cause)})`
      : `status ${details.status}${details.statusText ? ` ${details.statusText}` : ''}`;
  const bodyMessage = messageOf(details.body);
  const correlation = details.correlationId ? ` [inin-correlation-id ${details.correlationId}]` : '';
  const attempts = details.attempts === 1 ? '1 attempt' : `${details.attempts} attempts`;
  return `${details.method} ${details.path} failed with ${what} after ${attempts}${bodyMessage ? `: ${bodyMessage}` : ''}${correlation}`;
}

function messageOf(body: unknown): string | undefined {
  if (typeof body === 'string') return body || undefined;
  if (body && typeof body === 'object' && 'message' in body && typeof body.message === 'string') {
    return body.message;
  }
  return undefined;
}

/**
 * What went wrong on the network, in the words that help: fetch says "fetch failed" and keeps
 * the useful part (`connect ECONNREFUSED 127.0.0.1:8787`, `getaddrinfo ENOTFOUND …`) in `cause`.
 */
export function networkErrorMessage(error: unknown): string {
  let current: unknown = error;
  let text = error instanceof Error ? error.message : String(error);
  for (let depth = 0; depth < 4 && current instanceof Error && current.cause !== undefined; depth++) {
    current = current.cause;
    if (current instanceof Error && current.message) text = current.message;
  }
  return text;
}

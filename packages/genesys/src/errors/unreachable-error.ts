import { GenesysHttpError } from './genesys-http-error.js';

/**
 * A request the client did not send because Genesys Cloud has been unreachable (connection
 * refused, DNS failure, reset, timeout) for several requests in a row: the circuit breaker is
 * open. It is a GenesysHttpError without a status, so a crawl records it against the flow and
 * finishes in seconds instead of pacing hopeless retries through the rate limit for minutes.
 */
export class GenesysUnreachableError extends GenesysHttpError {
  /** When the breaker lets a request through again. */
  readonly retryAt: number;

  constructor(details: {
    method: string;
    path: string;
    attempts: number;
    failures: number;
    lastError: string;
    retryInMs: number;
    retryAt: number;
  }) {
    super({ method: details.method, path: details.path, attempts: details.attempts });
    this.retryAt = details.retryAt;
    this.message =
      `${details.method} ${details.path} not sent: Genesys Cloud is unreachable (${details.failures} network errors in a row, ` +
      `the last: ${details.lastError}); requests resume in ${Math.ceil(details.retryInMs / 1000)} s`;
  }
}

import { GenesysHttpError } from './genesys-http-error.js';
import { ResponseShapeError } from './response-shape-error.js';

/**
 * Whether an error stops a whole crawl. Failures of one request (after its retries) are
 * recorded and the crawl goes on; bad credentials, missing permissions, aborts and bugs
 * would fail every other request the same way, so they stop it.
 */
export function isFatal(error: unknown): boolean {
  return !(error instanceof GenesysHttpError || error instanceof ResponseShapeError);
}

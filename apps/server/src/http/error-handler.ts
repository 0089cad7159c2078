import { UnknownNodeError } from '@flowgraph/core';
import { GenesysError, GenesysHttpError } from '@flowgraph/genesys';
import type { ErrorRequestHandler, RequestHandler } from 'express';
import { ApiError, TooManyRequestsError } from '../errors.js';
import type { Log } from '../logger.js';

/** Unknown paths (and any /api path without a route) answer in the API's error shape, not with the SPA. */
export const notFound: RequestHandler = (req, res) => {
  res.status(404).json({ error: { code: 'not-found', message: `Nothing at ${req.method} ${req.path}.` } });
};

/**
 * The one place errors become responses. Known errors keep their status and message;
 * anything else is a 500 whose details go to the (redacting) log, never to the client.
 */
export function errorHandler(log: Log, redact: (text: string) => string): ErrorRequestHandler {
  return (error: unknown, req, res, next) => {
    if (res.headersSent) {
      next(error);
      return;
    }
    if (error instanceof TooManyRequestsError) res.setHeader('Retry-After', String(error.retryAfterSeconds));
    if (error instanceof ApiError) {
      res.status(error.status).json({ error: { code: error.code, message: redact(error.message) } });
      return;
    }
    if (error instanceof UnknownNodeError) {
      res.status(404).json({ error: { code: 'not-found', message: `No node "${error.nodeId}" in the graph; take ids from /api/graph.` } });
      return;
    }
    // A request to Genesys made for this request (a flow's configuration) failed after its retries.
    if (error instanceof GenesysError) {
      const missing = error instanceof GenesysHttpError && error.status === 404;
      res.status(missing ? 404 : 502).json({
        error: { code: missing ? 'not-found' : 'genesys-error', message: redact(`Genesys Cloud answered: ${error.message}`) },
      });
      return;
    }
    const parserStatus = bodyParserStatus(error);
    if (parserStatus !== undefined) {
      res.status(parserStatus).json({
        error: { code: 'bad-request', message: 'The request body is not valid JSON or is too large.' },
      });
      return;
    }
    const name = error instanceof Error ? error.name : 'Error';
    const message = error instanceof Error ? error.message : String(error);
    log(`flowgraph: ${req.method} ${req.path} failed: ${name}: ${message}`);
    res.status(500).json({
      error: { code: 'internal', message: 'Something went wrong on the server; the server log has the details.' },
    });
  };
}

// body-parser's errors carry `status` (400 bad JSON, 413 too large) and `type`.
function bodyParserStatus(error: unknown): number | undefined {
  if (typeof error !== 'object' || error === null || !('type' in error) || !('status' in error)) return undefined;
  const status = (error as { status: unknown }).status;
  return typeof status === 'number' && status >= 400 && status < 500 ? status : undefined;
}

import { UnknownNodeError } from '@flowgraph/core';
import { GenesysError, GenesysHttpError } from '@flowgraph/genesys';
import type { ErrorRequestHandler, Request, RequestHandler } from 'express';
import { ApiError, TooManyRequestsError } from '../errors.js';
import type { Log } from '../logger.js';

/** Unknown paths (and any /api path without a route) answer in the API's error shape, not with the SPA. */
export const notFound: RequestHandler = (req, res) => {
  res.status(404).json({ error: { code: 'not-found', message: `Nothing at ${req.method} ${shownPath(req)}.` } });
};

/**
 * The one place errors become responses. Known errors keep their status and message; a request
 * Express or its parsers could not read (bad escape, unknown file, corrupt body) is the client's
 * 4xx; anything else is a 500 whose details go to the (redacting) log, never to the client.
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
    const client = clientError(error, req);
    if (client !== undefined) {
      res.status(client.status).json({ error: { code: client.code, message: client.message } });
      return;
    }
    const name = error instanceof Error ? error.name : 'Error';
    const message = error instanceof Error ? error.message : String(error);
    log(`flowgraph: ${req.method} ${shownPath(req)} failed: ${name}: ${message}`);
    res.status(500).json({
      error: { code: 'internal', message: 'Something went wrong on the server; the server log has the details.' },
    });
  };
}

interface ClientError {
  status: number;
  code: string;
  message: string;
}

/**
 * Errors of Express' own layers that are about the request: the router's undecodable path
 * parameter (URIError, status 400), serve-static's unknown file (404) or bad path (400), and
 * body-parser's unreadable body (`type`, or a zlib `Z_*` code for a corrupt compressed body).
 * They carry a 4xx `status`; the messages are ours, so no library text reaches the page.
 */
function clientError(error: unknown, req: Request): ClientError | undefined {
  if (typeof error !== 'object' || error === null) return undefined;
  const status = 'status' in error ? error.status : 'statusCode' in error ? error.statusCode : undefined;
  if (typeof status !== 'number' || status < 400 || status > 499) return undefined;
  const type = 'type' in error && typeof error.type === 'string' ? error.type : undefined;
  const zlibCode = 'code' in error && typeof error.code === 'string' && error.code.startsWith('Z_');
  const encoding = req.get('content-encoding') ?? 'identity';
  if (error instanceof URIError) {
    return {
      status: 400,
      code: 'bad-request',
      message: 'The URL has a malformed %-escape (such as %ff); encode ids with encodeURIComponent.',
    };
  }
  if (zlibCode) {
    return { status: 400, code: 'bad-request', message: `The request body is not valid ${encoding} data, as its Content-Encoding says.` };
  }
  switch (type) {
    case 'entity.too.large':
      return { status: 413, code: 'bad-request', message: 'The request body is too large (at most 1 kB).' };
    case 'encoding.unsupported':
      return {
        status: 415,
        code: 'bad-request',
        message: `Content-Encoding "${encoding.slice(0, 40)}" is not supported; send identity, gzip, deflate or br.`,
      };
    case 'charset.unsupported':
      return { status: 415, code: 'bad-request', message: 'The request body must be UTF-8 JSON.' };
    case 'entity.parse.failed':
      return { status: 400, code: 'bad-request', message: 'The request body is not valid JSON.' };
    default:
      break;
  }
  if (status === 404) {
    return {
      status: 404,
      code: 'not-found',
      message: `No file at ${shownPath(req)}. If the page was open while Flowgraph was updated, reload it.`,
    };
  }
  return { status, code: 'bad-request', message: `The request could not be read (${req.method} ${shownPath(req)}).` };
}

/** The path as requested (not relative to a router's mount point), cut short: it is echoed back. */
function shownPath(req: Request): string {
  const path = req.originalUrl.split('?')[0] ?? '';
  return path.length > 200 ? `${path.slice(0, 200)}…` : path;
}

import type { NextFunction, Request, Response } from 'express';
import type { FaultInjector } from '../faults/fault-injector.js';
import type { SimulatorStats } from '../stats.js';
import { sendError, sendTooManyRequests } from './errors.js';
import type { RateLimiter } from './rate-limiter.js';
import type { TokenStore } from './tokens.js';

/** Serves a 200 JSON body broken in one of the two ways networks and proxies break them. */
function corruptJson(res: Response, kind: 'malformedBody' | 'truncatedBody'): void {
  res.json = (body: unknown) => {
    if (res.statusCode !== 200) {
      res.type('application/json').send(JSON.stringify(body));
      return res;
    }
    const text = JSON.stringify(body);
    const cut = text.slice(0, Math.max(1, Math.floor(text.length / 2)));
    res.type('application/json');
    if (kind === 'malformedBody') {
      res.send(cut);
      return res;
    }
    // The header promises the whole body; the connection dies half way.
    res.setHeader('Content-Length', String(Buffer.byteLength(text)));
    res.write(cut, () => res.destroy());
    return res;
  };
}

/**
 * Everything in front of the `/api/v2` routes, in the order Genesys applies it: bearer token,
 * per-token rate limit (with its headers on every response), then any injected fault. The
 * token's principal (client or person) is left in `res.locals.principal` for the routes.
 */
export function apiGuard(tokens: TokenStore, limiter: RateLimiter, faults: FaultInjector, stats: SimulatorStats) {
  return (req: Request, res: Response, next: NextFunction): void => {
    if (faults.shouldRevokeTokens()) {
      tokens.revokeAll();
      stats.faults.tokenRevocation++;
    }
    const match = /^Bearer\s+(\S+)$/i.exec(req.headers.authorization ?? '');
    const token = match?.[1];
    if (!token) {
      sendError(res, 401, 'authentication.required', 'No authentication bearer token specified in authorization header.');
      return;
    }
    const principal = tokens.principal(token);
    if (principal === undefined) {
      sendError(res, 401, 'bad.credentials', 'Invalid login credentials.');
      return;
    }
    // The routes answer for what this token may see (identity/visibility.ts).
    res.locals.principal = principal;
    const rate = limiter.check(token);
    res.setHeader('inin-ratelimit-count', String(rate.count));
    res.setHeader('inin-ratelimit-allowed', String(rate.limit));
    res.setHeader('inin-ratelimit-reset', String(rate.resetSeconds));
    if (!rate.allowed) {
      stats.rateLimited++;
      sendTooManyRequests(res, rate.resetSeconds);
      return;
    }
    const fault = faults.decide(`${req.method} ${req.originalUrl}`);
    switch (fault.kind) {
      case 'serverError':
        stats.faults.serverError++;
        sendError(
          res,
          fault.status,
          'internal.server.error',
          'The server encountered an unexpected condition which prevented it from fulfilling the request.',
        );
        return;
      case 'rateLimitBurst':
        stats.faults.rateLimitBurst++;
        limiter.throttle(token, fault.retryAfterSeconds);
        sendTooManyRequests(res, fault.retryAfterSeconds);
        return;
      case 'malformedBody':
      case 'truncatedBody':
        stats.faults[fault.kind]++;
        corruptJson(res, fault.kind);
        break;
      case 'none':
        break;
    }
    next();
  };
}

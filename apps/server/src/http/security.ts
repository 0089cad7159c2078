import type { RequestHandler } from 'express';
import helmet from 'helmet';
import { ForbiddenError } from '../errors.js';

/**
 * Headers for a same-origin SPA. Vite's production build loads scripts and styles from files,
 * so scripts need no 'unsafe-inline'. Styles allow it because Cytoscape and React set element
 * styles and some libraries inject <style> tags; that cannot run code.
 * The API talks only to itself: `connect-src 'self'`. No CORS headers are ever sent.
 */
export function securityHeaders(): RequestHandler {
  return helmet({
    contentSecurityPolicy: {
      useDefaults: false,
      directives: {
        defaultSrc: ["'self'"],
        scriptSrc: ["'self'"],
        styleSrc: ["'self'", "'unsafe-inline'"],
        // data: and blob: for PNG/SVG exports drawn in the browser and downloaded from there.
        imgSrc: ["'self'", 'data:', 'blob:'],
        fontSrc: ["'self'", 'data:'],
        connectSrc: ["'self'"],
        workerSrc: ["'self'", 'blob:'],
        objectSrc: ["'none'"],
        baseUri: ["'self'"],
        formAction: ["'self'"],
        frameAncestors: ["'none'"],
      },
    },
    crossOriginResourcePolicy: { policy: 'same-origin' },
    referrerPolicy: { policy: 'no-referrer' },
  });
}

/**
 * Refuses state-changing requests from other sites (a page elsewhere posting to /api/refresh).
 * Browsers send `Sec-Fetch-Site` and `Origin` on such requests; tools like curl send neither.
 */
export const sameOriginWrites: RequestHandler = (req, _res, next) => {
  if (req.method === 'GET' || req.method === 'HEAD') {
    next();
    return;
  }
  const site = req.get('sec-fetch-site');
  const origin = req.get('origin');
  const crossSite =
    (site !== undefined && site !== 'same-origin' && site !== 'none') || (origin !== undefined && !sameHost(origin, req.get('host')));
  if (crossSite) {
    next(new ForbiddenError('Cross-origin requests are refused; use Flowgraph from its own page.'));
    return;
  }
  next();
};

function sameHost(origin: string, host: string | undefined): boolean {
  try {
    return host !== undefined && new URL(origin).host === host;
  } catch {
    return false;
  }
}

const LOOPBACK_NAMES = new Set(['localhost', '127.0.0.1', '[::1]', '::1']);

/**
 * When the server listens on loopback only, a request whose Host is another name came through
 * DNS rebinding (a hostile page resolving its own name to 127.0.0.1): refuse it.
 */
export function loopbackHostsOnly(): RequestHandler {
  return (req, _res, next) => {
    const hostname = (req.get('host') ?? '').replace(/:\d+$/, '').toLowerCase();
    if (LOOPBACK_NAMES.has(hostname)) {
      next();
      return;
    }
    next(new ForbiddenError(`Host "${hostname}" is not served; open Flowgraph at http://localhost or 127.0.0.1.`));
  };
}

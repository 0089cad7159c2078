import type { RequestHandler } from 'express';
import helmet from 'helmet';
import { ForbiddenError } from '../errors.js';

/**
 * Headers for a same-origin SPA. Vite's production build loads scripts and styles from files,
 * so scripts need no 'unsafe-inline'. Styles allow it because Cytoscape and React set element
 * styles and some libraries inject <style> tags; that cannot run code.
 * The API talks only to itself: `connect-src 'self'`. No CORS headers are ever sent.
 */
export function securityHeaders(): RequestHandler[] {
  const headers = helmet({
    contentSecurityPolicy: {
      useDefaults: false,
      directives: {
        defaultSrc: ["'self'"],
        // 'wasm-unsafe-eval': HashiCorp's HCL parser (WebAssembly) reads Terraform files opened in
        // the page; it allows compiling WebAssembly only, never eval() of JavaScript.
        scriptSrc: ["'self'", "'wasm-unsafe-eval'"],
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
    // The same answer as `frame-ancestors 'none'` for browsers that only read the old header.
    xFrameOptions: { action: 'deny' },
    // HSTS is sent by strictTransportOnly, over HTTPS only.
    strictTransportSecurity: false,
  });
  return [headers, strictTransportOnly];
}

/**
 * HSTS only on a response that came over HTTPS: browsers ignore it over plain HTTP (RFC 6797
 * §8.1), so there it only claims a protection the page does not have. Behind a TLS proxy, set
 * Express' `trust proxy` so that `req.secure` reflects the proxy's scheme.
 */
const strictTransportOnly: RequestHandler = (req, res, next) => {
  if (req.secure) res.setHeader('Strict-Transport-Security', 'max-age=31536000; includeSubDomains');
  next();
};

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
    (site !== undefined && site !== 'same-origin' && site !== 'none') ||
    (origin !== undefined && !sameOrigin(origin, req.protocol, req.get('host')));
  if (crossSite) {
    next(new ForbiddenError('Cross-origin requests are refused; use Flowgraph from its own page.'));
    return;
  }
  next();
};

/** Scheme, host and port: `https://host` posting to `http://host` is another origin (and `null` is none). */
function sameOrigin(origin: string, protocol: string, host: string | undefined): boolean {
  if (host === undefined) return false;
  try {
    return new URL(origin).origin === new URL(`${protocol}://${host}`).origin;
  } catch {
    return false;
  }
}

const LOOPBACK_NAMES = new Set(['localhost', '127.0.0.1', '[::1]', '::1']);

/**
 * When the server listens on loopback only, a request whose Host is another name came through
 * DNS rebinding (a hostile page resolving its own name to 127.0.0.1): refuse it. `extraHosts`
 * (host:port, e.g. the public URL's behind a TLS proxy on the same machine) are served too.
 */
export function allowedHostsOnly(extraHosts: readonly string[] = []): RequestHandler {
  const extra = new Set(extraHosts.map((host) => host.toLowerCase()));
  return (req, _res, next) => {
    const host = (req.get('host') ?? '').toLowerCase();
    const hostname = host.replace(/:\d+$/, '');
    if (LOOPBACK_NAMES.has(hostname) || extra.has(host) || extra.has(hostname)) {
      next();
      return;
    }
    next(new ForbiddenError(`Host "${hostname}" is not served; open Flowgraph at http://localhost or 127.0.0.1.`));
  };
}

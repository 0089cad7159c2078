import { existsSync } from 'node:fs';
import { join } from 'node:path';
import express, { type Request, type RequestHandler, type Router } from 'express';

/**
 * Serves the built SPA. Hashed assets are cached for a year; index.html never, so a new build
 * shows at once. A page navigation outside /api answers index.html (client-side routes, deep
 * links); anything else that is not a file (a stale hashed asset after a redeploy, a typo'd
 * script) falls through to the 404 in the API's error shape, not to a page of HTML.
 * Without a build, a navigation explains how to make one instead of a bare 404.
 */
export function spaRouter(distDir: string): Router {
  const router = express.Router();
  const index = join(distDir, 'index.html');
  if (!existsSync(index)) {
    router.get(APP_PATHS, onlyNavigations, (_req, res) => {
      res
        .status(503)
        .type('text/plain')
        .send('The web app is not built. Run `pnpm start` (it builds apps/web), or `pnpm --filter @flowgraph/web build`, then reload.\n');
    });
    return router;
  }
  // fallthrough: an unknown asset is a 404 error for the error handler, never index.html.
  router.use('/assets', express.static(join(distDir, 'assets'), { immutable: true, maxAge: '1y', fallthrough: false, index: false }));
  router.use(express.static(distDir, { index: false, maxAge: 0 }));
  router.get(APP_PATHS, onlyNavigations, (_req, res) => {
    res.setHeader('Cache-Control', 'no-cache');
    res.sendFile(index);
  });
  return router;
}

/** Every path outside /api. */
const APP_PATHS = /^(?!\/api(\/|$)).*/;

const onlyNavigations: RequestHandler = (req, _res, next) => {
  next(isNavigation(req) ? undefined : 'router');
};

/**
 * A browser loading a page: `Sec-Fetch-Mode: navigate`, or an Accept header that names HTML
 * (browsers without Fetch Metadata, `curl -H`). Scripts, images and the page's API calls send neither.
 */
function isNavigation(req: Request): boolean {
  return req.get('sec-fetch-mode') === 'navigate' || (req.get('accept') ?? '').includes('text/html');
}

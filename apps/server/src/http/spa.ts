import { existsSync } from 'node:fs';
import { join } from 'node:path';
import express, { type Router } from 'express';

/**
 * Serves the built SPA. Hashed assets are cached for a year; index.html never, so a new build
 * shows at once. Any other GET outside /api answers index.html (client-side routes, deep links).
 * Without a build, `/` explains how to make one instead of a bare 404.
 */
export function spaRouter(distDir: string): Router {
  const router = express.Router();
  const index = join(distDir, 'index.html');
  if (!existsSync(index)) {
    router.get(/^(?!\/api(\/|$)).*/, (_req, res) => {
      res
        .status(503)
        .type('text/plain')
        .send('The web app is not built. Run `pnpm start` (it builds apps/web), or `pnpm --filter @flowgraph/web build`, then reload.\n');
    });
    return router;
  }
  router.use('/assets', express.static(join(distDir, 'assets'), { immutable: true, maxAge: '1y', fallthrough: false, index: false }));
  router.use(express.static(distDir, { index: false, maxAge: 0 }));
  router.get(/^(?!\/api(\/|$)).*/, (_req, res) => {
    res.setHeader('Cache-Control', 'no-cache');
    res.sendFile(index);
  });
  return router;
}

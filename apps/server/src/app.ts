import express from 'express';
import { errorHandler, notFound } from './http/error-handler.js';
import { createIntervalLimiter } from './http/interval-limiter.js';
import { loopbackHostsOnly, sameOriginWrites, securityHeaders } from './http/security.js';
import { spaRouter } from './http/spa.js';
import { createRedactor, type Log, redactingLog } from './logger.js';
import type { GraphSource } from './org/graph-source.js';
import type { HistoryViews } from './org/history-views.js';
import { OrgViews } from './org/org-views.js';
import { apiRouter } from './routes/api-router.js';

export interface AppOptions {
  source: GraphSource;
  /** The SPA build (apps/web/dist); omitted in API-only tests. */
  webDist?: string;
  /** Minimum time between two refreshes (docs/http-api.md: 30 s). */
  refreshIntervalMs?: number;
  /** Comment lines on /api/progress so idle streams stay open. */
  heartbeatMs?: number;
  /** Clock of the refresh limiter; tests move it instead of waiting. */
  now?: () => number;
  log?: Log;
  /** Values that must never appear in a response or a log line (the client secret). */
  secrets?: readonly string[];
  /** Aborted when the server stops: open progress streams end then. */
  shutdown?: AbortSignal;
  /** Refuse Host names other than loopback ones (DNS rebinding) when listening on loopback. */
  loopbackOnly?: boolean;
  /** The org's stored crawls: `/api/history` and `/api/diff` (404 without). */
  history?: HistoryViews;
}

export function createApp(options: AppOptions): express.Express {
  const secrets = options.secrets ?? [];
  const log = redactingLog(options.log ?? (() => {}), secrets);
  const refreshIntervalMs = options.refreshIntervalMs ?? 30_000;
  const views = new OrgViews(options.source);
  // Analyse as soon as a crawl lands, so the first /api/graph after "done" is served from cache.
  options.source.subscribe((progress) => {
    if (progress.phase === 'done') setImmediate(() => warm(views, log));
  });
  const app = express();
  app.disable('x-powered-by');
  // Same-origin only: Express sends no CORS headers unless told to, and nothing here tells it.
  app.use(securityHeaders());
  if (options.loopbackOnly) app.use(loopbackHostsOnly());
  app.use(sameOriginWrites);
  app.use(express.json({ limit: '1kb' }));
  app.use(
    '/api',
    (_req, res, next) => {
      res.setHeader('Cache-Control', 'no-store');
      next();
    },
    apiRouter({
      source: options.source,
      views,
      refreshLimiter: createIntervalLimiter(refreshIntervalMs, options.now),
      refreshIntervalSeconds: Math.ceil(refreshIntervalMs / 1000),
      heartbeatMs: options.heartbeatMs ?? 15_000,
      ...(options.shutdown ? { shutdown: options.shutdown } : {}),
      ...(options.history ? { history: options.history } : {}),
    }),
    notFound,
  );
  if (options.webDist !== undefined) app.use(spaRouter(options.webDist));
  app.use(notFound);
  app.use(errorHandler(log, createRedactor(secrets)));
  return app;
}

function warm(views: OrgViews, log: Log): void {
  try {
    // The answer the page asks for first, compressed the way browsers ask for it.
    views
      .graphBody({})
      .encoded('br')
      .catch((error: unknown) =>
        log(`flowgraph: compressing the new graph failed: ${error instanceof Error ? error.message : String(error)}`),
      );
  } catch (error) {
    log(`flowgraph: analysing the new crawl failed: ${error instanceof Error ? error.message : String(error)}`);
  }
}

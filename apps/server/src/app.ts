import express from 'express';
import { meRouter } from './auth/me-route.js';
import { sessionOf, type TeamAuth } from './auth/team-auth.js';
import { errorHandler, notFound } from './http/error-handler.js';
import { allowedHostsOnly, sameOriginWrites, securityHeaders } from './http/security.js';
import { spaRouter } from './http/spa.js';
import { createRedactor, type Log, redactingLog } from './logger.js';
import type { GraphSource } from './org/graph-source.js';
import type { HistoryViews } from './org/history-views.js';
import { createWorkspace, type Workspace } from './org/workspace.js';
import { apiRouter } from './routes/api-router.js';

/** Team mode: people sign in with Genesys Cloud and each gets their own workspace. */
export interface TeamApp {
  auth: TeamAuth;
  /** The signed-in person's workspace (their crawl, views, history). */
  workspaceFor(session: NonNullable<ReturnType<typeof sessionOf>>): Workspace;
}

export interface AppOptions {
  /** Local mode: the one org everybody who reaches the server sees. Not given in team mode. */
  source?: GraphSource;
  /** Team mode (FLOWGRAPH_AUTH=genesys): sign-in, sessions and per-person workspaces. */
  team?: TeamApp;
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
  /** Host names (with port) served besides loopback ones, e.g. the public URL's behind a proxy. */
  extraHosts?: readonly string[];
  /** Express' `trust proxy`, behind a TLS reverse proxy (FLOWGRAPH_TRUST_PROXY). */
  trustProxy?: string | number;
  /** The org's stored crawls: `/api/history` and `/api/diff` (404 without). */
  history?: HistoryViews;
}

export function createApp(options: AppOptions): express.Express {
  const secrets = options.secrets ?? [];
  const log = redactingLog(options.log ?? (() => {}), secrets);
  const refreshIntervalMs = options.refreshIntervalMs ?? 30_000;
  const { team, source } = options;
  if ((source === undefined) === (team === undefined)) throw new Error('createApp: give a source (local mode) or team (team mode)');
  const local =
    source === undefined
      ? undefined
      : createWorkspace(source, {
          ...(options.history ? { history: options.history } : {}),
          refreshIntervalMs,
          ...(options.now ? { now: options.now } : {}),
          log,
        });
  const workspace = (res: express.Response): Workspace => {
    if (local) return local;
    const session = sessionOf(res);
    // requireSession ran first: no session, no workspace (and no way here without one).
    if (session === undefined || team === undefined) throw new Error('workspace asked for without a session');
    return team.workspaceFor(session);
  };

  const app = express();
  app.disable('x-powered-by');
  if (options.trustProxy !== undefined) app.set('trust proxy', options.trustProxy);
  // Same-origin only: Express sends no CORS headers unless told to, and nothing here tells it.
  app.use(securityHeaders());
  if (options.loopbackOnly) app.use(allowedHostsOnly(options.extraHosts ?? []));
  app.use(team ? team.auth.sameOriginWrites() : sameOriginWrites);
  app.use(express.json({ limit: '1kb' }));
  if (team) app.use('/auth', team.auth.router());
  app.use(
    '/api',
    (_req, res, next) => {
      res.setHeader('Cache-Control', 'no-store');
      next();
    },
    // Team mode: every API route, known or not, answers 401 without a live session.
    ...(team ? [team.auth.requireSession()] : []),
    meRouter(),
    apiRouter({
      workspace,
      refreshIntervalSeconds: Math.ceil(refreshIntervalMs / 1000),
      heartbeatMs: options.heartbeatMs ?? 15_000,
      ...(options.shutdown ? { shutdown: options.shutdown } : {}),
      ...(team ? { stillSignedIn: (res: express.Response) => team.auth.stillSignedIn(res) } : {}),
    }),
    notFound,
  );
  if (options.webDist !== undefined) {
    if (team) app.use(team.auth.pagesNeedSignIn());
    app.use(spaRouter(options.webDist));
  }
  app.use(notFound);
  app.use(errorHandler(log, createRedactor(secrets)));
  return app;
}

import { randomUUID } from 'node:crypto';
import express, { type NextFunction, type Request, type Response } from 'express';
import { FaultInjector } from '../faults/fault-injector.js';
import { resolveFaultProfile } from '../faults/profiles.js';
import { normalizeSimulatorOptions, type SimulatorOptions } from '../options.js';
import { ConfigurationCache } from '../org/configuration/configuration-cache.js';
import { generateOrg } from '../org/generate-org.js';
import { flowsToChange, type PublishedVersion, publishNewVersions } from '../org/publish.js';
import type { SimulatedOrg } from '../org/types.js';
import { createStats, type SimulatorStats } from '../stats.js';
import { apiGuard } from './api-guard.js';
import { sendError } from './errors.js';
import { oauthRouter } from './oauth.js';
import { RateLimiter } from './rate-limiter.js';
import { adminRouter } from './routes/admin.js';
import { dependencyTrackingRouter } from './routes/dependency-tracking.js';
import { flowsRouter } from './routes/flows.js';
import { TokenStore } from './tokens.js';

export interface Simulator {
  app: express.Express;
  org: SimulatedOrg;
  stats: SimulatorStats;
  credentials: { clientId: string; clientSecret: string };
  /** Revokes every issued token now (what a rotated client secret does to a running crawl). */
  revokeTokens(): void;
  /**
   * Publishes a new version of each flow (or of `count` flows spread over the org), as an
   * architect editing and publishing them: what a re-crawl then sees changed. Also
   * `POST /__simulator/publish`.
   */
  publishNewVersions(flows: readonly string[] | { count: number }): PublishedVersion[];
}

/** Builds the simulator as an Express app (no listening), so tests can run it in-process. */
export function createSimulator(options: SimulatorOptions = {}): Simulator {
  const settings = normalizeSimulatorOptions(options);
  const org = settings.org ?? generateOrg({ flows: settings.flows, seed: settings.seed });
  const stats = createStats();
  const tokens = new TokenStore(settings.tokenTtlSeconds, settings.clock);
  const limiter = new RateLimiter(settings.rateLimit, settings.clock);
  const faults = new FaultInjector(resolveFaultProfile(settings.faults), settings.seed);

  const app = express();
  app.disable('x-powered-by');
  app.disable('etag');
  app.use(async (_req: Request, res: Response, next: NextFunction) => {
    stats.requests++;
    res.setHeader('inin-correlation-id', randomUUID());
    res.on('finish', () => {
      stats.byStatus[res.statusCode] = (stats.byStatus[res.statusCode] ?? 0) + 1;
    });
    const delay = settings.latencyMs + faults.latencyMs();
    if (delay > 0) await new Promise((resolve) => setTimeout(resolve, delay));
    next();
  });
  app.use(oauthRouter(settings.credentials, tokens, stats));
  app.use('/api/v2', apiGuard(tokens, limiter, faults, stats));
  app.use(flowsRouter(org, new ConfigurationCache(org)));
  app.use(dependencyTrackingRouter(org, new Date(settings.clock())));
  app.use(adminRouter(org, settings.clock));
  app.use((req: Request, res: Response) => {
    sendError(res, 404, 'not.found', `HTTP 404 Not Found: ${req.method} ${req.path}`);
  });
  // Express calls a four-argument handler for errors; a stack trace never reaches the client.
  app.use((error: unknown, _req: Request, res: Response, _next: NextFunction) => {
    const status =
      typeof error === 'object' && error !== null && 'status' in error && typeof error.status === 'number' ? error.status : 500;
    sendError(
      res,
      status,
      status === 400 ? 'bad.request' : 'internal.server.error',
      status === 400
        ? 'The request could not be understood by the server due to malformed syntax.'
        : 'The server encountered an unexpected condition.',
    );
  });
  return {
    app,
    org,
    stats,
    credentials: settings.credentials,
    revokeTokens: () => tokens.revokeAll(),
    publishNewVersions: (flows) => publishNewVersions(org, 'count' in flows ? flowsToChange(org, flows.count) : flows, settings.clock()),
  };
}

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
import { AuthorizationCodes } from '../identity/authorization-codes.js';
import { authorizeRouter } from '../identity/authorize-router.js';
import { DEMO_PASSWORD, resolvePeople, type SimulatedOrganization, type SimulatedPerson } from '../identity/people.js';
import { type CodeClient, oauthRouter } from './oauth.js';
import { RateLimiter } from './rate-limiter.js';
import { adminRouter } from './routes/admin.js';
import { dependencyTrackingRouter } from './routes/dependency-tracking.js';
import { flowsRouter } from './routes/flows.js';
import { meRouter } from './routes/me.js';
import { TokenStore } from './tokens.js';

export interface Simulator {
  app: express.Express;
  org: SimulatedOrg;
  stats: SimulatorStats;
  credentials: { clientId: string; clientSecret: string };
  /** The Code Authorization client people sign in through. */
  codeClient: { clientId: string; clientSecret: string };
  /** The people who can sign in (`/oauth/authorize`), with the divisions their role covers. */
  people: readonly SimulatedPerson[];
  organization: SimulatedOrganization;
  /**
   * Adds an authorized redirect URI of the code-grant client, as an admin does in Genesys Cloud
   * (for an app whose port is known only once it listens).
   */
  registerRedirectUri(uri: string): void;
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
  const tokens = new TokenStore(settings.tokenTtlSeconds, settings.clock, settings.refreshTokenTtlSeconds);
  const { people, organization } = resolvePeople(org, settings.people);
  const codes = new AuthorizationCodes(settings.clock);
  const codeClient: CodeClient = { ...settings.codeClient, redirectUris: new Set(settings.codeClient.redirectUris) };
  // The sign-in page prints the password only when every person has the demo one.
  const passwordHint = settings.people.every((person) => person.password === DEMO_PASSWORD) ? DEMO_PASSWORD : undefined;
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
  app.use(oauthRouter({ credentials: settings.credentials, codeClient, tokens, codes, stats }));
  app.use(authorizeRouter({ codeClient, people, codes, passwordHint }));
  app.use('/api/v2', apiGuard(tokens, limiter, faults, stats));
  app.use(meRouter(org, organization, tokens));
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
    codeClient: { clientId: codeClient.clientId, clientSecret: codeClient.clientSecret },
    people,
    organization,
    registerRedirectUri: (uri) => {
      codeClient.redirectUris.add(new URL(uri).toString());
    },
    revokeTokens: () => tokens.revokeAll(),
    publishNewVersions: (flows) => publishNewVersions(org, 'count' in flows ? flowsToChange(org, flows.count) : flows, settings.clock()),
  };
}

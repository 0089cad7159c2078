import type { ExportFormat } from '@flowgraph/core';
import { type RequestHandler, Router } from 'express';
import { CrawlRunningError, TooManyRequestsError } from '../errors.js';
import type { IntervalLimiter } from '../http/interval-limiter.js';
import { parseQuery } from '../http/query.js';
import { isRunning } from '../org/crawl-state.js';
import type { GraphSource } from '../org/graph-source.js';
import type { OrgViews } from '../org/org-views.js';
import { progressRoute } from './progress.js';
import { ExportQuerySchema, FlowParamsSchema, GraphQuerySchema, ImpactQuerySchema, NoQuerySchema } from './schemas.js';

export interface ApiDependencies {
  source: GraphSource;
  views: OrgViews;
  refreshLimiter: IntervalLimiter;
  refreshIntervalSeconds: number;
  heartbeatMs: number;
  shutdown?: AbortSignal;
}

/** Each handler: parse input, ask the views or the source, write JSON. Errors go to the one handler. */
export function apiRouter({ source, views, refreshLimiter, refreshIntervalSeconds, heartbeatMs, shutdown }: ApiDependencies): Router {
  const router = Router();

  router.get('/health', noQuery, (_req, res) => {
    const crawl = source.progress();
    // Degraded: serving, but the last crawl failed or was refused, or some flows are stale.
    const degraded = crawl.phase === 'failed' || (crawl.staleFlows ?? 0) > 0;
    res.json({ status: degraded ? 'degraded' : 'ok', mode: source.info.kind, ...regionOf(source), crawl });
  });

  router.get('/graph', (req, res) => {
    const { partial, ...options } = parseQuery(GraphQuerySchema, req.query);
    res.json(views.graph(options, partial ? 'partial' : 'current'));
  });

  router.get('/impact', (req, res) => {
    const query = parseQuery(ImpactQuerySchema, req.query);
    res.json(views.impact(query.node, query.direction));
  });

  router.get('/flows/:id/steps', noQuery, async (req, res) => {
    const { id } = parseQuery(FlowParamsSchema, req.params);
    res.json(await views.steps(id));
  });

  router.get('/export', (req, res) => {
    const query = parseQuery(ExportQuerySchema, req.query);
    const text = views.export(query.format, query.scope);
    const { extension, contentType } = FILE_TYPES[query.format];
    res.setHeader('Content-Type', `${contentType}; charset=utf-8`);
    res.setHeader('Content-Disposition', `attachment; filename="flowgraph.${extension}"`);
    res.send(text);
  });

  router.post('/refresh', noQuery, (_req, res) => {
    // A running crawl does not use up the interval: the answer is 409 and the slot stays free.
    if (isRunning(source.progress().phase)) throw new CrawlRunningError();
    const slot = refreshLimiter.tryAcquire();
    if (!slot.ok) {
      throw new TooManyRequestsError(
        `Refresh is limited to once every ${refreshIntervalSeconds} s to spare the org's API budget; retry in ${slot.retryAfterSeconds} s.`,
        slot.retryAfterSeconds,
      );
    }
    if (!source.refresh()) throw new CrawlRunningError();
    res.status(202).json({ started: true });
  });

  router.get('/progress', noQuery, progressRoute(source, heartbeatMs, shutdown));

  router.get('/metrics', noQuery, (_req, res) => {
    res.json(source.metrics());
  });

  return router;
}

// Keyed by core's format list, so a new exporter does not compile until it has a file type here.
const FILE_TYPES: Record<ExportFormat, { extension: string; contentType: string }> = {
  dot: { extension: 'dot', contentType: 'text/vnd.graphviz' },
  mermaid: { extension: 'mmd', contentType: 'text/plain' },
  json: { extension: 'json', contentType: 'application/json' },
};

/** For routes that take no parameters: an unknown one is a 400 naming it, as everywhere else. */
const noQuery: RequestHandler = (req, _res, next) => {
  parseQuery(NoQuerySchema, req.query);
  next();
};

function regionOf(source: GraphSource): { region?: string } {
  return source.info.region === undefined ? {} : { region: source.info.region };
}

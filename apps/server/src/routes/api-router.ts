import {
  EXPORT_FILE_TYPES,
  type FocusOptions,
  mermaidSize,
  type ScopeDiagram,
  scopeExporters,
  scopeFileName,
  WHOLE_GRAPH_FILE_STEM,
} from '@flowgraph/core';
import { type RequestHandler, type Response, Router } from 'express';
import { CrawlRunningError, NotFoundError, TooManyRequestsError } from '../errors.js';
import { parseQuery } from '../http/query.js';
import { sendSerialized } from '../http/serialized-body.js';
import { isRunning } from '../org/crawl-state.js';
import type { GraphSource } from '../org/graph-source.js';
import type { HistoryViews } from '../org/history-views.js';
import type { OrgViews } from '../org/org-views.js';
import type { Workspace } from '../org/workspace.js';
import { progressRoute } from './progress.js';
import {
  CycleFocusQuerySchema,
  CycleParamsSchema,
  DiffQuerySchema,
  type ExportQuery,
  ExportQuerySchema,
  FlowParamsSchema,
  type FocusQuery,
  FocusQuerySchema,
  GraphQuerySchema,
  ImpactQuerySchema,
  NoQuerySchema,
  PathQuerySchema,
} from './schemas.js';

export interface ApiDependencies {
  /**
   * The org a request is about: the one workspace of a local server, or the signed-in person's
   * on a team server (its crawl, views, history and refresh limit).
   */
  workspace(res: Response): Workspace;
  refreshIntervalSeconds: number;
  heartbeatMs: number;
  shutdown?: AbortSignal;
  /** Team mode: whether the request's session still lives (an open progress stream ends when it does not). */
  stillSignedIn?(res: Response): boolean;
}

/** Each handler: parse input, ask the request's workspace (views, source, history), write JSON. Errors go to the one handler. */
export function apiRouter({ workspace, refreshIntervalSeconds, heartbeatMs, shutdown, stillSignedIn }: ApiDependencies): Router {
  const router = Router();

  router.get('/health', noQuery, (_req, res) => {
    const { source } = workspace(res);
    const crawl = source.progress();
    // Degraded: serving, but the last crawl failed or was refused, or some flows are stale.
    const degraded = crawl.phase === 'failed' || (crawl.staleFlows ?? 0) > 0;
    res.json({ status: degraded ? 'degraded' : 'ok', mode: source.info.kind, ...regionOf(source), crawl });
  });

  // The compact wire form (core's compactGraphResponseSchema), from the per-crawl cache, compressed, with an ETag.
  router.get('/graph', async (req, res) => {
    const { partial, ...options } = parseQuery(GraphQuerySchema, req.query);
    await sendSerialized(req, res, workspace(res).views.graphBody(options, partial ? 'partial' : 'current'));
  });

  router.get('/impact', (req, res) => {
    const query = parseQuery(ImpactQuerySchema, req.query);
    res.json(workspace(res).views.impact(query.node, query.direction));
  });

  router.get('/flows/:id/steps', noQuery, async (req, res) => {
    const { id } = parseQuery(FlowParamsSchema, req.params);
    res.json(await workspace(res).views.steps(id));
  });

  router.get('/focus', async (req, res) => {
    const query = parseQuery(FocusQuerySchema, req.query);
    res.json(await workspace(res).views.focus(query.node, focusOptions(query), query.flow));
  });

  router.get('/path', (req, res) => {
    const query = parseQuery(PathQuerySchema, req.query);
    res.json(workspace(res).views.paths(query.from, query.to, { all: query.all, limit: query.limit }));
  });

  router.get('/cycles/:member/focus', async (req, res) => {
    const { member } = parseQuery(CycleParamsSchema, req.params);
    const query = parseQuery(CycleFocusQuerySchema, req.query);
    res.json(await workspace(res).views.cycleFocus(member, { group: query.group }, query.flow));
  });

  router.get('/export', async (req, res) => {
    const query = parseQuery(ExportQuerySchema, req.query);
    const { views } = workspace(res);
    const scope = await scopeOf(views, query);
    const text = scope === undefined ? views.export(query.format, query.scope) : scopeExporters[query.format](scope);
    const { extension, contentType } = EXPORT_FILE_TYPES[query.format];
    const fileName = scopeFileName(scope?.fileStem ?? WHOLE_GRAPH_FILE_STEM, extension);
    res.setHeader('Content-Type', `${contentType}; charset=utf-8`);
    res.setHeader('Content-Disposition', contentDisposition(fileName));
    if (query.format === 'mermaid') {
      const size = mermaidSize(text);
      // Still sent: the client decides; the header says it will not render and what to do.
      if (!size.fits) res.setHeader('Flowgraph-Warning', size.advice ?? 'too large for Mermaid renderers');
    }
    res.send(text);
  });

  router.post('/refresh', noQuery, (_req, res) => {
    const { source, refreshLimiter } = workspace(res);
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

  router.get(
    '/progress',
    noQuery,
    progressRoute((res) => workspace(res).source, heartbeatMs, shutdown, stillSignedIn),
  );

  router.get('/history', noQuery, (_req, res) => {
    res.json(requireHistory(workspace(res).history).list());
  });

  router.get('/diff', (req, res) => {
    const { from, to } = parseQuery(DiffQuerySchema, req.query);
    res.json(requireHistory(workspace(res).history).diff(from, to));
  });

  // Files mode: what each input file gave. Never takes a path: the browser only reads the list.
  router.get('/files', noQuery, (_req, res) => {
    const { source } = workspace(res);
    if (source.files === undefined)
      throw new NotFoundError('This server reads no files (it shows an org); open files in the page instead.');
    res.json(source.files());
  });

  router.get('/metrics', noQuery, (_req, res) => {
    res.json(workspace(res).source.metrics());
  });

  return router;
}

function focusOptions(query: Omit<FocusQuery, 'node'>): FocusOptions {
  const options: FocusOptions = { direction: query.direction, flowsOnly: query.flowsOnly, group: query.group };
  if (query.depth !== undefined) options.depth = query.depth;
  if (query.kinds !== undefined) options.kinds = query.kinds;
  if (query.types !== undefined) options.resourceTypes = query.types;
  if (query.collapse !== undefined) options.collapse = query.collapse;
  return options;
}

/** The one scope an export names (focus, cycle or paths), or undefined for the whole graph. */
async function scopeOf(views: OrgViews, query: ExportQuery): Promise<ScopeDiagram | undefined> {
  if (query.focus !== undefined) return views.focus(query.focus, focusOptions(query), query.flow);
  if (query.cycle !== undefined) return views.cycleFocus(query.cycle, { group: query.group }, query.flow);
  if (query.from !== undefined && query.to !== undefined) return views.paths(query.from, query.to, { all: query.all, limit: query.limit });
  return undefined;
}

/**
 * `attachment` with the file name: ASCII in `filename` (other characters as `_`), and the exact
 * name in RFC 5987 `filename*` when it has any, so a Japanese flow name survives the download.
 */
function contentDisposition(fileName: string): string {
  const ascii = fileName.replace(/[^\x20-\x7e]|["\\]/g, '_');
  return ascii === fileName
    ? `attachment; filename="${fileName}"`
    : `attachment; filename="${ascii}"; filename*=UTF-8''${encodeURIComponent(fileName)}`;
}

/** For routes that take no parameters: an unknown one is a 400 naming it, as everywhere else. */
const noQuery: RequestHandler = (req, _res, next) => {
  parseQuery(NoQuerySchema, req.query);
  next();
};

function requireHistory(history: HistoryViews | undefined): HistoryViews {
  if (history === undefined) throw new NotFoundError('This server keeps no history (it runs without a snapshot store).');
  return history;
}

function regionOf(source: GraphSource): { region?: string } {
  return source.info.region === undefined ? {} : { region: source.info.region };
}

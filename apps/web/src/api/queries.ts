import { clientMetricsSchema, cycleFocusSchema, focusSchema, impactSchema, pathsSchema, stepsResponseSchema } from '@flowgraph/core';
import { queryOptions, skipToken } from '@tanstack/react-query';
import type { FocusSettings, Policy } from '../state/types.js';
import { getGraph, getJson, isCrawlPending } from './client.js';

/** How long to wait before asking again while the first crawl runs (503 crawl-pending). */
const CRAWL_PENDING_RETRY_MS = 1500;
/** Other failed graph requests are tried this many times more before the page shows the error. */
const GRAPH_RETRIES = 2;
/** The diagnostics panel's refresh period. */
const METRICS_REFRESH_MS = 5000;

/**
 * Every cache key of the page, in one hierarchy (TanStack's query-key factory): each key holds
 * every variable its fetcher reads, and a branch (`crawled()`) names what one event makes stale.
 */
export const queryKeys = {
  all: ['flowgraph'] as const,
  /** Everything that comes from the last crawl: a finished crawl makes all of it stale. */
  crawled: () => [...queryKeys.all, 'crawled'] as const,
  graph: (policy: Policy) =>
    [...queryKeys.crawled(), 'graph', policy.strict, policy.targetVersion, policy.allowedStatus.join(',')] as const,
  impact: (nodeId: string) => [...queryKeys.crawled(), 'impact', nodeId] as const,
  flowSteps: (flowId: string) => [...queryKeys.crawled(), 'flow-steps', flowId] as const,
  /** A focus by its query string (every setting is in it). */
  focus: (query: string) => [...queryKeys.crawled(), 'focus', query] as const,
  cycleFocus: (member: string, inFlow: string | null) => [...queryKeys.crawled(), 'cycle-focus', member, inFlow] as const,
  paths: (from: string, to: string, all: boolean, limit: number) => [...queryKeys.crawled(), 'path', from, to, all, limit] as const,
  metrics: () => [...queryKeys.all, 'metrics'] as const,
  /** Stored crawls and their diffs: fetched when Changes mode opens, not made stale by a crawl. */
  history: () => [...queryKeys.all, 'history'] as const,
  /** Both ids (undefined: the server's default, the last two). */
  diff: (from: number | undefined, to: number | undefined) => [...queryKeys.all, 'diff', from ?? null, to ?? null] as const,
  /** Who is signed in: the same for the page's whole life (signing out leaves the page). */
  me: () => [...queryKeys.all, 'me'] as const,
};

function graphSearchParams(policy: Policy): URLSearchParams {
  const params = new URLSearchParams();
  if (policy.strict) params.set('strict', 'true');
  if (policy.targetVersion !== '') params.set('targetVersion', policy.targetVersion);
  if (policy.allowedStatus.length > 0) params.set('allowedStatus', policy.allowedStatus.join(','));
  return params;
}

/** Query options factories, one per resource. */

export const graphQuery = (policy: Policy) =>
  queryOptions({
    queryKey: queryKeys.graph(policy),
    queryFn: () => getGraph(graphSearchParams(policy)),
    staleTime: Number.POSITIVE_INFINITY,
    // While the first crawl runs the server says 503; keep asking, the progress bar shows why.
    retry: (count, error) => isCrawlPending(error) || count < GRAPH_RETRIES,
    retryDelay: CRAWL_PENDING_RETRY_MS,
  });

/** No node selected: `skipToken`, so the query is off and its type says why, without a dummy id. */
export const impactQuery = (nodeId: string | null) =>
  queryOptions({
    queryKey: queryKeys.impact(nodeId ?? ''),
    queryFn: nodeId === null ? skipToken : () => getJson('impact', impactSchema, new URLSearchParams({ node: nodeId, direction: 'both' })),
    staleTime: Number.POSITIVE_INFINITY,
    retry: false,
  });

export const flowStepsQuery = (flowId: string) =>
  queryOptions({
    queryKey: queryKeys.flowSteps(flowId),
    queryFn: () => getJson(`flows/${encodeURIComponent(flowId)}/steps`, stepsResponseSchema),
    staleTime: Number.POSITIVE_INFINITY,
    retry: false,
  });

/**
 * The query of a focus, as /api/focus and /api/export take it (docs/http-api.md). `resourceTypes`:
 * every resource type of the org, so hidden types become the list of types shown.
 */
export function focusSearchParams(settings: FocusSettings, resourceTypes: readonly string[]): URLSearchParams {
  const params = new URLSearchParams({ node: settings.node, depth: String(settings.depth), direction: settings.direction });
  if (settings.inFlow !== null) params.set('flow', settings.inFlow);
  if (settings.flowsOnly) params.set('flowsOnly', 'true');
  const shownTypes = resourceTypes.filter((type) => !settings.hiddenTypes.includes(type));
  // Every resource type hidden is resources hidden: an empty `types` list would mean "all".
  const hiddenKinds = new Set(settings.hiddenKinds);
  if (settings.hiddenTypes.length > 0 && shownTypes.length === 0) hiddenKinds.add('resource');
  if (hiddenKinds.size > 0) params.set('kinds', (['flow', 'resource', 'step'] as const).filter((kind) => !hiddenKinds.has(kind)).join(','));
  if (settings.hiddenTypes.length > 0 && shownTypes.length > 0) params.set('types', shownTypes.join(','));
  if (settings.collapse.length > 0) params.set('collapse', settings.collapse.join(','));
  if (settings.group) params.set('group', 'true');
  return params;
}

/** No focus open: `skipToken` (the query is off), as for every scope below. */
export const focusQuery = (params: URLSearchParams | null) =>
  queryOptions({
    queryKey: queryKeys.focus(params?.toString() ?? ''),
    queryFn: params === null ? skipToken : () => getJson('focus', focusSchema, params),
    staleTime: Number.POSITIVE_INFINITY,
    retry: false,
  });

export const cycleFocusQuery = (member: string | null, inFlow: string | null) =>
  queryOptions({
    queryKey: queryKeys.cycleFocus(member ?? '', inFlow),
    queryFn:
      member === null
        ? skipToken
        : () =>
            getJson(
              `cycles/${encodeURIComponent(member)}/focus`,
              cycleFocusSchema,
              new URLSearchParams({ group: 'true', ...(inFlow === null ? {} : { flow: inFlow }) }),
            ),
    staleTime: Number.POSITIVE_INFINITY,
    retry: false,
  });

/** The paths asked for: both ends, and shortest only or up to `limit` simple ones. */
export interface PathRequest {
  from: string;
  to: string;
  all: boolean;
  limit: number;
}

export const pathQuery = (request: PathRequest | null) =>
  queryOptions({
    queryKey: queryKeys.paths(request?.from ?? '', request?.to ?? '', request?.all ?? false, request?.limit ?? 0),
    queryFn:
      request === null
        ? skipToken
        : () =>
            getJson(
              'path',
              pathsSchema,
              new URLSearchParams({ from: request.from, to: request.to, all: String(request.all), limit: String(request.limit) }),
            ),
    staleTime: Number.POSITIVE_INFINITY,
    retry: false,
  });

export const metricsQuery = () =>
  queryOptions({
    queryKey: queryKeys.metrics(),
    queryFn: () => getJson('metrics', clientMetricsSchema),
    refetchInterval: METRICS_REFRESH_MS,
  });

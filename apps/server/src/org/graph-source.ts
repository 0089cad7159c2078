import type { FlowGraph, ImportIssue } from '@flowgraph/core';

/** The crawl's state as the SPA sees it (docs/http-api.md `CrawlProgress`). */
export type CrawlPhase = 'idle' | 'token' | 'listing' | 'dependencies' | 'analyzing' | 'done' | 'failed';

export interface CrawlProgress {
  phase: CrawlPhase;
  flowsDone: number;
  flowsTotal: number;
  pages: number;
  requests: number;
  /** Wall time during which at least one request waited for the rate limit. */
  rateLimitWaitMs: number;
  message?: string;
  /** Set when a crawl ends: what it could not fetch, and what became of it. */
  failedFlows?: number;
  /** The crawl's first fetch errors (at most MAX_REPORTED_ERRORS). */
  errors?: FetchErrorSummary[];
  /** Done: flows whose dependencies failed and were carried over from the previous graph, marked stale. */
  staleFlows?: number;
  /** Failed: the refused crawl's partial result is served at `/api/graph?partial=true`. */
  partial?: boolean;
  /** When the graph `/api/graph` serves was fetched; absent until a crawl succeeded. */
  graphFetchedAt?: string;
}

/** One failed request of a crawl, as progress and health report it. */
export interface FetchErrorSummary {
  flowId?: string;
  flowName?: string;
  request: string;
  status?: number;
  message: string;
}

/** What a crawl's end adds to its progress (see CrawlProgress). */
export type CrawlOutcome = Pick<CrawlProgress, 'failedFlows' | 'errors' | 'staleFlows' | 'partial' | 'graphFetchedAt'>;

/**
 * A flow whose dependencies the last crawl could not fetch: the graph shows the ones of an
 * earlier crawl instead of dropping its edges, and says so.
 */
export interface StaleFlow {
  id: string;
  name: string;
  /** When the dependencies shown were fetched. */
  since: string;
  /** Why this crawl could not fetch them. */
  reason: string;
}

/** One finished crawl turned into the core graph model. */
export interface LoadedOrg {
  graph: FlowGraph;
  /** Import issues plus fetch failures, so one broken flow is visible without hiding the rest. */
  issues: ImportIssue[];
  fetchedAt: string;
  /** Increases with every finished crawl: caches keyed on it drop stale answers. */
  generation: number;
  /** Flows shown with the dependencies of an earlier crawl because this one failed to fetch them. */
  staleFlows: StaleFlow[];
  /** Set on a crawl refused as too partial to replace the graph (served only on request). */
  partial?: { reason: string };
  /** Its id in the snapshot store (`/api/history`), when stored. */
  snapshotId?: number;
  /** Served from the store on start, while the first crawl of this run is under way. */
  restored?: boolean;
}

/** One flow's steps with the problems found reading its configuration. */
export interface StepGraph {
  graph: FlowGraph;
  issues: ImportIssue[];
}

export interface SourceInfo {
  kind: 'demo' | 'live';
  region?: string;
}

export interface EndpointMetrics {
  endpoint: string;
  count: number;
  p50: number;
  p95: number;
  max: number;
  errors: number;
}

export interface ClientMetrics {
  requests: number;
  retries: number;
  /** 429 answers. */
  rateLimitWaits: number;
  /** Wall time during which at least one request waited for the rate limit. */
  rateLimitWaitMs: number;
  /** Every request's rate-limit wait added up (concurrent waits count once each). */
  rateLimitWaitSummedMs?: number;
  /** Beyond docs/http-api.md (added): failed attempts, cache hits, token refreshes. */
  errors?: number;
  cacheHits?: number;
  tokenRefreshes?: number;
  endpoints: EndpointMetrics[];
}

/**
 * Where the org comes from. It owns the crawl and its state; the HTTP layer only reads it.
 * Tests inject a fake; `CrawlSource` (crawl-source.ts) is the real one over the Genesys client.
 */
export interface GraphSource {
  readonly info: SourceInfo;
  progress(): CrawlProgress;
  /** Called on every progress change; returns the unsubscribe function. */
  subscribe(listener: (progress: CrawlProgress) => void): () => void;
  /** Starts a crawl unless one is running; returns false when one already runs. */
  refresh(): boolean;
  /** The last good crawl; throws CrawlPendingError / CrawlFailedError when there is none. */
  current(): LoadedOrg;
  /** The last refused (too partial) crawl, if it is newer than the good one; throws NotFoundError otherwise. */
  partial(): LoadedOrg;
  /**
   * The flow's step graph (steps, transitions and the resources they use), fetched on demand.
   * Callers ask only for flows of `current()` (OrgViews checks first).
   */
  flowSteps(flowId: string): Promise<StepGraph>;
  metrics(): ClientMetrics;
  close(): Promise<void>;
}

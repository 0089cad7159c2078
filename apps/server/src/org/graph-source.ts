import type { FlowGraph, ImportIssue } from '@flowgraph/core';

/** The crawl's state as the SPA sees it (docs/http-api.md `CrawlProgress`). */
export type CrawlPhase = 'idle' | 'token' | 'listing' | 'dependencies' | 'analyzing' | 'done' | 'failed';

export interface CrawlProgress {
  phase: CrawlPhase;
  flowsDone: number;
  flowsTotal: number;
  pages: number;
  requests: number;
  rateLimitWaitMs: number;
  message?: string;
}

/** One finished crawl turned into the core graph model. */
export interface LoadedOrg {
  graph: FlowGraph;
  /** Import issues plus fetch failures, so one broken flow is visible without hiding the rest. */
  issues: ImportIssue[];
  fetchedAt: string;
  /** Increases with every finished crawl: caches keyed on it drop stale answers. */
  generation: number;
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
  rateLimitWaits: number;
  rateLimitWaitMs: number;
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
  /** The last finished crawl; throws CrawlPendingError / CrawlFailedError when there is none. */
  current(): LoadedOrg;
  /**
   * The flow's step graph (steps, transitions and the resources they use), fetched on demand.
   * Callers ask only for flows of `current()` (OrgViews checks first).
   */
  flowSteps(flowId: string): Promise<StepGraph>;
  metrics(): ClientMetrics;
  close(): Promise<void>;
}

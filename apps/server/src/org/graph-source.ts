import type { ClientMetrics, CrawlProgress, FilesResponse, FlowGraph, ImportIssue, SourceInfo, StaleFlow } from '@flowgraph/core';

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
  /** Files mode only: every input file, its format, flows, problems and when it was read (`/api/files`). */
  files?(): FilesResponse;
  close(): Promise<void>;
}

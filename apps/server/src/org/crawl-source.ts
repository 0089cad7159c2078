import type {
  ClientMetrics,
  CrawlProgress,
  FetchErrorSummary,
  FlowGraph,
  Snapshot,
  SnapshotFetchError,
  SourceInfo,
  StaleFlow,
} from '@flowgraph/core';
import { assessCrawl, DEFAULT_MAX_FAILED_SHARE } from '@flowgraph/genesys';
import { crawlStatsOf } from '@flowgraph/store';
import { CrawlFailedError, CrawlPendingError, NotFoundError } from '../errors.js';
import type { Log } from '../logger.js';
import { graphFromSnapshot, stepGraphOf } from './core-graph.js';
import type { OrgHistory } from './crawl-history.js';
import { CrawlState } from './crawl-state.js';
import type { GraphSource, LoadedOrg, StepGraph } from './graph-source.js';
import type { OrgClient } from './org-client.js';
import { carryOverStale, type Fallback, fallbackOf } from './stale-carry-over.js';

export interface CrawlSourceOptions {
  info: SourceInfo;
  client: OrgClient;
  log: Log;
  /** Removes secrets from messages that reach the browser (progress, health). */
  redact: (text: string) => string;
  /** A crawl with a larger share of failed flows (or any failed listing page) does not replace the graph. */
  maxFailedShare?: number;
  /** Runs after the crawl stopped on close (the demo stops its simulator here). */
  onClose?: () => Promise<void>;
  /**
   * The org's stored history: its newest snapshot is served at once, crawls reuse its flow
   * versions, and every crawl that replaces the graph is saved there.
   */
  history?: OrgHistory;
}

/** Errors listed in progress and health; the analysis has all of them. */
export const MAX_REPORTED_ERRORS = 20;

/**
 * The real GraphSource: crawls through the client, turns the snapshot into the core graph and
 * keeps the last good one. Each refresh is a candidate: one that fails, or is too partial
 * (`assessCrawl`: a failed listing page, or more than `maxFailedShare` of the flows failed),
 * leaves the previous graph in place and shows why in /api/progress; its partial result is
 * served only on request (`partial()`). One below the threshold replaces the graph, with the
 * few failed flows' dependencies carried over from the previous graph and marked stale.
 */
export class CrawlSource implements GraphSource {
  readonly info: SourceInfo;
  readonly #options: CrawlSourceOptions;
  readonly #state = new CrawlState();
  readonly #abort = new AbortController();
  #loaded: LoadedOrg | undefined;
  #fallback: Fallback | undefined;
  #partial: LoadedOrg | undefined;
  #generation = 0;
  #running: Promise<void> | undefined;

  constructor(options: CrawlSourceOptions) {
    this.info = options.info;
    this.#options = options;
    // A restart loses nothing: the last stored crawl is served until the first new one replaces it.
    const stored = options.history?.latest();
    if (stored !== undefined) {
      this.#loaded = this.#load(stored.snapshot, [], undefined, { snapshotId: stored.record.id, restored: true });
      this.#fallback = fallbackOf(stored.snapshot, []);
    }
  }

  progress(): CrawlProgress {
    return this.#state.progress;
  }

  subscribe(listener: (progress: CrawlProgress) => void): () => void {
    return this.#state.subscribe(listener);
  }

  refresh(): boolean {
    if (this.#abort.signal.aborted || !this.#state.start()) return false;
    this.#running = this.#crawl();
    return true;
  }

  /** Resolves when the crawl in progress (if any) has ended, whichever way. */
  async settled(): Promise<void> {
    await this.#running;
  }

  current(): LoadedOrg {
    if (this.#loaded) return this.#loaded;
    const progress = this.#state.progress;
    if (progress.phase === 'failed') {
      const message = progress.message ?? 'unknown error';
      throw new CrawlFailedError(progress.partial ? `${message} Its partial result is at /api/graph?partial=true` : message);
    }
    throw new CrawlPendingError();
  }

  partial(): LoadedOrg {
    if (this.#partial) return this.#partial;
    throw new NotFoundError('No partial result: the last refresh was not refused as partial. /api/graph serves the current graph.');
  }

  async flowSteps(flowId: string): Promise<StepGraph> {
    const loaded = this.current();
    const configuration = hasSteps(loaded.graph, flowId)
      ? undefined
      : await this.#options.client.flowConfiguration(flowId, this.#abort.signal);
    return stepGraphOf(loaded.graph, flowId, configuration);
  }

  metrics(): ClientMetrics {
    return this.#options.client.metrics();
  }

  async close(): Promise<void> {
    this.#abort.abort();
    await this.#running;
    await this.#options.onClose?.();
  }

  async #crawl(): Promise<void> {
    const { client, log, redact, history } = this.#options;
    const startedAt = performance.now();
    try {
      const snapshot = await client.crawl((report) => this.#state.update(report), this.#abort.signal, history?.reuse());
      this.#state.update({ phase: 'analyzing' });
      const assessment = assessCrawl(snapshot, this.#options.maxFailedShare ?? DEFAULT_MAX_FAILED_SHARE);
      const report = { failedFlows: assessment.failedFlows, errors: summarise(snapshot.errors, redact) };
      if (!assessment.complete) {
        this.#partial = this.#load(snapshot, [], { reason: assessment.reason ?? 'too many failures' });
        const message = redact(
          `${capitalised(assessment.reason ?? 'too many requests failed')}, so this crawl does not replace the graph.`,
        );
        const kept = this.#loaded ? `still serving the crawl of ${this.#loaded.fetchedAt}` : 'no earlier crawl to serve';
        log(`flowgraph: refresh not applied: ${message} (${kept}; partial result at /api/graph?partial=true)`);
        this.#state.fail(message, { ...report, partial: true });
        return;
      }
      const carried = carryOverStale(snapshot, this.#fallback);
      const stored = history?.save(carried.snapshot, crawlStatsOf(snapshot, 'incremental', performance.now() - startedAt));
      this.#loaded = this.#load(carried.snapshot, carried.stale, undefined, stored ? { snapshotId: stored.id } : {});
      this.#fallback = fallbackOf(carried.snapshot, carried.stale);
      this.#partial = undefined;
      this.#state.finish(doneMessage(assessment.failedFlows, carried.stale.length), {
        ...report,
        staleFlows: carried.stale.length,
        graphFetchedAt: snapshot.fetchedAt,
      });
    } catch (error) {
      // Closing aborts the crawl on purpose; that is not a failure worth a log line.
      if (this.#abort.signal.aborted) {
        this.#state.fail('stopped: the server is shutting down');
        return;
      }
      const message = redact(error instanceof Error ? error.message : String(error));
      log(`flowgraph: crawl failed: ${message}`);
      this.#state.fail(message);
    }
  }

  #load(
    snapshot: Snapshot,
    staleFlows: StaleFlow[],
    partial?: { reason: string },
    stored: Pick<LoadedOrg, 'snapshotId' | 'restored'> = {},
  ): LoadedOrg {
    const { graph, issues } = graphFromSnapshot(snapshot);
    return {
      graph,
      issues,
      fetchedAt: snapshot.fetchedAt,
      generation: ++this.#generation,
      staleFlows,
      ...(partial ? { partial } : {}),
      ...stored,
    };
  }
}

function capitalised(text: string): string {
  return text.charAt(0).toUpperCase() + text.slice(1);
}

function doneMessage(failedFlows: number, staleFlows: number): string | undefined {
  if (failedFlows === 0) return undefined;
  const carried = staleFlows > 0 ? `; ${staleFlows} show their dependencies from an earlier crawl, marked stale` : '';
  return `The dependencies of ${failedFlows} flow(s) could not be fetched${carried}. See the analysis errors.`;
}

function summarise(errors: readonly SnapshotFetchError[], redact: (text: string) => string): FetchErrorSummary[] {
  return errors.slice(0, MAX_REPORTED_ERRORS).map(({ flowId, flowName, request, status, message }) => ({
    ...(flowId !== undefined ? { flowId } : {}),
    ...(flowName !== undefined ? { flowName } : {}),
    request,
    ...(status !== undefined ? { status } : {}),
    message: redact(message),
  }));
}

function hasSteps(graph: FlowGraph, flowId: string): boolean {
  for (const node of graph.nodes.values()) if (node.kind === 'step' && node.flowId === flowId) return true;
  return false;
}

import type { FlowGraph } from '@flowgraph/core';
import { CrawlFailedError, CrawlPendingError } from '../errors.js';
import type { Log } from '../logger.js';
import { graphFromSnapshot, stepGraphOf } from './core-graph.js';
import { CrawlState } from './crawl-state.js';
import type { ClientMetrics, CrawlProgress, GraphSource, LoadedOrg, SourceInfo, StepGraph } from './graph-source.js';
import type { OrgClient } from './org-client.js';

export interface CrawlSourceOptions {
  info: SourceInfo;
  client: OrgClient;
  log: Log;
  /** Removes secrets from messages that reach the browser (progress, health). */
  redact: (text: string) => string;
  /** Runs after the crawl stopped on close (the demo stops its simulator here). */
  onClose?: () => Promise<void>;
}

/**
 * The real GraphSource: crawls through the client, turns the snapshot into the core graph and
 * keeps the last good one. A refresh that fails leaves the previous graph in place, so the
 * page keeps working and shows the failure from /api/progress.
 */
export class CrawlSource implements GraphSource {
  readonly info: SourceInfo;
  readonly #options: CrawlSourceOptions;
  readonly #state = new CrawlState();
  readonly #abort = new AbortController();
  #loaded: LoadedOrg | undefined;
  #generation = 0;
  #running: Promise<void> | undefined;

  constructor(options: CrawlSourceOptions) {
    this.info = options.info;
    this.#options = options;
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
    if (progress.phase === 'failed') throw new CrawlFailedError(progress.message ?? 'unknown error');
    throw new CrawlPendingError();
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
    const { client, log, redact } = this.#options;
    try {
      const snapshot = await client.crawl((report) => this.#state.update(report), this.#abort.signal);
      this.#state.update({ phase: 'analyzing' });
      const { graph, issues } = graphFromSnapshot(snapshot);
      this.#loaded = { graph, issues, fetchedAt: snapshot.fetchedAt, generation: ++this.#generation };
      const failed = snapshot.errors.length;
      this.#state.finish(failed > 0 ? `${failed} request(s) failed; see the analysis errors.` : undefined);
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
}

function hasSteps(graph: FlowGraph, flowId: string): boolean {
  for (const node of graph.nodes.values()) if (node.kind === 'step' && node.flowId === flowId) return true;
  return false;
}

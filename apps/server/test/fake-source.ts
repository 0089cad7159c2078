import {
  type ClientMetrics,
  type CrawlProgress,
  type FlowGraph,
  type FlowNode,
  flowStepGraph,
  type GraphEdge,
  type GraphNode,
  type ResourceNode,
  type StepNode,
} from '@flowgraph/core';
import { CrawlFailedError, CrawlPendingError, NotFoundError } from '../src/errors.js';
import { CrawlState } from '../src/org/crawl-state.js';
import type { GraphSource, LoadedOrg, StepGraph } from '../src/org/graph-source.js';

const flow = (id: string, type: FlowNode['type'], state: FlowNode['state'] = 'published'): FlowNode => ({
  kind: 'flow',
  id,
  name: `Flow ${id}`,
  type,
  state,
  file: 'fixture.json',
  versions: state === 'published' ? { published: '1.0' } : { saved: '1.0' },
});
const resource = (id: string, type: ResourceNode['type']): ResourceNode => ({
  kind: 'resource',
  id,
  name: `Resource ${id}`,
  type,
  state: 'published',
});
const step = (flowId: string, stepId: string, type: string): StepNode => ({
  kind: 'step',
  id: `${flowId}:${stepId}`,
  flowId,
  stepId,
  name: stepId,
  type,
  state: 'unknown',
});

/**
 * A small org: two inbound flows call the common module `module`, which calls a data action;
 * `loop-a` and `loop-b` transfer to each other; `main` has steps with a retry loop.
 */
export function fixtureGraph(): FlowGraph {
  const nodes: GraphNode[] = [
    flow('main', 'INBOUNDCALL'),
    flow('other', 'INBOUNDCALL'),
    flow('module', 'COMMONMODULE', 'unpublished'),
    flow('loop-a', 'INBOUNDCALL'),
    flow('loop-b', 'INBOUNDCALL'),
    resource('action', 'DATAACTION'),
    step('main', 'menu', 'menu'),
    step('main', 'retry', 'task'),
    step('main', 'call', 'callCommonModule'),
  ];
  const edges: GraphEdge[] = [
    { source: 'main', target: 'main:menu', kind: 'contains' },
    { source: 'main', target: 'main:retry', kind: 'contains' },
    { source: 'main', target: 'main:call', kind: 'contains' },
    { source: 'main:menu', target: 'main:retry', kind: 'transition', label: 'digit_1' },
    { source: 'main:retry', target: 'main:menu', kind: 'transition', label: 'failure' },
    { source: 'main:menu', target: 'main:call', kind: 'transition', label: 'digit_2' },
    { source: 'main:call', target: 'module', kind: 'uses', via: 'callCommonModule' },
    { source: 'other', target: 'module', kind: 'uses', via: 'callCommonModule' },
    { source: 'module', target: 'action', kind: 'uses', via: 'callData' },
    { source: 'loop-a', target: 'loop-b', kind: 'uses', via: 'transferToFlow' },
    { source: 'loop-b', target: 'loop-a', kind: 'uses', via: 'transferToFlow' },
  ];
  return { nodes: new Map(nodes.map((node) => [node.id, node])), edges };
}

/** A GraphSource whose crawl the test drives by hand. */
export class FakeSource implements GraphSource {
  readonly info = { kind: 'demo' as const };
  readonly state = new CrawlState();
  loaded: LoadedOrg | undefined;
  partialLoaded: LoadedOrg | undefined;
  stepFetches = 0;
  closed = false;

  progress(): CrawlProgress {
    return this.state.progress;
  }

  /** Subscriptions not yet released: a progress stream must release its own when it closes. */
  activeListeners = 0;

  subscribe(listener: (progress: CrawlProgress) => void): () => void {
    const unsubscribe = this.state.subscribe(listener);
    this.activeListeners++;
    return () => {
      this.activeListeners--;
      unsubscribe();
    };
  }

  refresh(): boolean {
    return this.state.start();
  }

  /** Runs a whole crawl: progress events, then the fixture graph. */
  completeCrawl(graph: FlowGraph = fixtureGraph()): void {
    if (!this.state.running) this.state.start();
    this.state.update({ phase: 'listing', pagesDone: 1, pagesTotal: 1, requests: 2, flowsTotal: 5 });
    this.state.update({ phase: 'dependencies', flowsDone: 5, requests: 7 });
    this.state.update({ phase: 'analyzing' });
    const fetchedAt = '2026-01-01T00:00:00.000Z';
    this.loaded = { graph, issues: [], fetchedAt, generation: (this.loaded?.generation ?? 0) + 1, staleFlows: [] };
    this.state.finish(undefined, { graphFetchedAt: fetchedAt });
  }

  current(): LoadedOrg {
    if (this.loaded) return this.loaded;
    if (this.state.progress.phase === 'failed') throw new CrawlFailedError(this.state.progress.message ?? '');
    throw new CrawlPendingError();
  }

  partial(): LoadedOrg {
    if (this.partialLoaded) return this.partialLoaded;
    throw new NotFoundError('No partial result.');
  }

  async flowSteps(flowId: string): Promise<StepGraph> {
    this.stepFetches++;
    return { graph: flowStepGraph(this.current().graph, flowId), issues: [] };
  }

  metrics(): ClientMetrics {
    return {
      requests: 7,
      retries: 0,
      rateLimitWaits: 0,
      rateLimitWaitMs: 0,
      rateLimitWaitSummedMs: 0,
      errors: 0,
      cacheHits: 0,
      tokenRefreshes: 0,
      endpoints: [],
    };
  }

  async close(): Promise<void> {
    this.closed = true;
  }
}

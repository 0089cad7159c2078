import {
  type AnalysisResult,
  type AnalyzeOptions,
  analyze,
  buildGraphIndex,
  type Cycle,
  type ExportFormat,
  type ExportGraph,
  type ExportNode,
  exporters,
  type FlowGraph,
  findCycles,
  type GraphIndex,
  type Impact,
  type ImportIssue,
  impact,
  type Layout,
  layeredLayout,
  projectToOrg,
  toExportGraph,
} from '@flowgraph/core';
import { NotFoundError } from '../errors.js';
import { BoundedCache } from './bounded-cache.js';
import type { GraphSource, LoadedOrg, SourceInfo, StaleFlow } from './graph-source.js';

export interface GraphResponse {
  source: SourceInfo & {
    fetchedAt: string;
    /** Flows showing the dependencies of an earlier crawl (beyond docs/http-api.md v1: added). */
    staleFlows?: StaleFlow[];
    /** Only with `?partial=true`: this crawl was refused as too partial to replace the graph. */
    partial?: { reason: string };
  };
  graph: ExportGraph;
  analysis: AnalysisResult;
  layout: Layout;
}

export interface StepsResponse {
  flow: ExportNode;
  graph: ExportGraph;
  cycles: Cycle[];
  layout: Layout;
  /** Problems reading the flow's configuration (beyond docs/http-api.md: added, not changed). */
  issues: ImportIssue[];
}

/** What one finished crawl yields regardless of query options, computed once per crawl. */
interface Derived {
  generation: number;
  org: FlowGraph;
  /** Built once per crawl: every impact query reuses it. */
  orgIndex: GraphIndex;
  orgExport: ExportGraph;
  orgLayout: Layout;
  analyses: BoundedCache<AnalysisResult>;
  steps: Map<string, Promise<StepsResponse>>;
}

/**
 * The views the API serves, computed by core from the source's current graph and cached
 * until the next crawl finishes. No graph logic here: only which core function, on what, cached how.
 */
export class OrgViews {
  /** Per crawl generation: the served graph and, when asked for, a refused partial one. */
  readonly #derived = new BoundedCache<Derived>(2);

  constructor(private readonly source: GraphSource) {}

  /** The served graph, or with `partial` the last crawl refused as too partial to replace it. */
  graph(options: AnalyzeOptions, which: 'current' | 'partial' = 'current'): GraphResponse {
    const loaded = which === 'partial' ? this.source.partial() : this.source.current();
    const derived = this.#derive(loaded);
    return {
      source: {
        ...this.source.info,
        fetchedAt: loaded.fetchedAt,
        ...(loaded.staleFlows.length > 0 ? { staleFlows: loaded.staleFlows } : {}),
        ...(loaded.partial ? { partial: loaded.partial } : {}),
      },
      graph: derived.orgExport,
      analysis: this.#analysis(loaded, derived, options),
      layout: derived.orgLayout,
    };
  }

  impact(nodeId: string, direction: 'down' | 'up' | 'both'): Impact {
    const derived = this.#derive(this.source.current());
    if (!derived.org.nodes.has(nodeId)) throw unknownNode(nodeId);
    return impact(derived.org, nodeId, { direction, index: derived.orgIndex });
  }

  export(format: ExportFormat, scope: 'org' | 'full'): string {
    const loaded = this.source.current();
    const derived = this.#derive(loaded);
    const result = this.#analysis(loaded, derived, {});
    return exporters[format](scope === 'org' ? derived.org : loaded.graph, result);
  }

  /** Cached per crawl as a promise, so two clicks on one flow fetch its configuration once. */
  steps(flowId: string): Promise<StepsResponse> {
    const derived = this.#derive(this.source.current());
    const node = derived.org.nodes.get(flowId);
    if (node === undefined || node.kind !== 'flow') return Promise.reject(unknownFlow(flowId));
    const cached = derived.steps.get(flowId);
    if (cached) return cached;
    const pending = this.source.flowSteps(flowId).then(({ graph, issues }) => {
      const exported = toExportGraph(graph);
      const flow = exported.nodes.find((candidate) => candidate.id === flowId);
      if (flow === undefined) throw unknownFlow(flowId);
      return { flow, graph: exported, cycles: findCycles(graph), layout: layeredLayout(exported), issues };
    });
    derived.steps.set(flowId, pending);
    // A failed fetch is not cached: the next click tries again.
    pending.catch(() => derived.steps.delete(flowId));
    return pending;
  }

  #analysis(loaded: LoadedOrg, derived: Derived, options: AnalyzeOptions): AnalysisResult {
    const statuses = options.allowedStatus?.length ? [...options.allowedStatus].sort() : null;
    const key = JSON.stringify([options.strict ?? false, options.targetVersion ?? null, statuses]);
    const cached = derived.analyses.get(key);
    if (cached) return cached;
    const result = analyze(loaded.graph, options, loaded.issues);
    derived.analyses.set(key, result);
    return result;
  }

  #derive(loaded: LoadedOrg): Derived {
    const key = String(loaded.generation);
    const cached = this.#derived.get(key);
    if (cached) return cached;
    const org = projectToOrg(loaded.graph);
    const orgExport = toExportGraph(org);
    const derived: Derived = {
      generation: loaded.generation,
      org,
      orgIndex: buildGraphIndex(org),
      orgExport,
      orgLayout: layeredLayout(orgExport),
      analyses: new BoundedCache(16),
      steps: new Map(),
    };
    this.#derived.set(key, derived);
    return derived;
  }
}

function unknownNode(nodeId: string): NotFoundError {
  return new NotFoundError(`No node "${nodeId}" in the org graph; take ids from /api/graph.`);
}

function unknownFlow(flowId: string): NotFoundError {
  return new NotFoundError(`No flow "${flowId}" in the org; take flow ids from /api/graph.`);
}

import {
  AnalysisContext,
  type AnalysisResult,
  type AnalyzeOptions,
  analyze,
  type CycleFocus,
  cycleFocus,
  cycleOf,
  findPaths,
  type Focus,
  type FocusOptions,
  focus,
  encodeGraphResponse,
  type GraphResponse,
  type PathOptions,
  type Paths,
  type ExportFormat,
  type ExportGraph,
  exporters,
  type FlowGraph,
  type Impact,
  impact,
  type Layout,
  layeredLayout,
  type StepsResponse,
  toExportGraph,
} from '@flowgraph/core';
import { NotFoundError } from '../errors.js';
import { SerializedBody } from '../http/serialized-body.js';
import { BoundedCache } from './bounded-cache.js';
import type { GraphSource, LoadedOrg, StepGraph } from './graph-source.js';

/** What one finished crawl yields regardless of query options, computed once per crawl. */
interface Derived {
  generation: number;
  /**
   * The full graph's context: its index, org projection (`context.org`) and cycles are built once
   * per crawl, so every analysis (one per policy) and every impact, focus and path query reuses them.
   */
  context: AnalysisContext;
  /** The org projection: `context.org.graph`. */
  org: FlowGraph;
  orgExport: ExportGraph;
  orgLayout: Layout;
  analyses: BoundedCache<AnalysisResult>;
  /** `/api/graph` answers in their wire form, serialized once per crawl and policy (same keys as `analyses`). */
  bodies: BoundedCache<SerializedBody>;
  steps: Map<string, Promise<StepsResponse>>;
  /** Each flow's step graph, fetched once per crawl; shared by the step view, step focus and loop focus. */
  stepGraphs: Map<string, Promise<StepGraph>>;
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
        ...(loaded.snapshotId !== undefined ? { snapshotId: loaded.snapshotId } : {}),
        ...(loaded.restored ? { restored: true } : {}),
      },
      graph: derived.orgExport,
      analysis: this.#analysis(loaded, derived, options),
      layout: derived.orgLayout,
    };
  }

  /** `graph()` in its compact wire form, serialized once per crawl and policy: what `/api/graph` sends. */
  graphBody(options: AnalyzeOptions, which: 'current' | 'partial' = 'current'): SerializedBody {
    const loaded = which === 'partial' ? this.source.partial() : this.source.current();
    const derived = this.#derive(loaded);
    const key = analysisKey(options);
    const cached = derived.bodies.get(key);
    if (cached) return cached;
    const body = new SerializedBody(encodeGraphResponse(this.graph(options, which)));
    derived.bodies.set(key, body);
    return body;
  }

  impact(nodeId: string, direction: 'down' | 'up' | 'both'): Impact {
    const derived = this.#derive(this.source.current());
    if (!derived.org.nodes.has(nodeId)) throw unknownNode(nodeId);
    return impact(derived.context.org, nodeId, { direction });
  }

  export(format: ExportFormat, scope: 'org' | 'full'): string {
    const loaded = this.source.current();
    const derived = this.#derive(loaded);
    const result = this.#analysis(loaded, derived, {});
    return exporters[format](scope === 'org' ? derived.org : loaded.graph, result);
  }

  /**
   * A node's neighbourhood (core `focus`). A flow or resource is focused on the org projection; a
   * step in its flow's step graph, fetched like the step view's when the org graph has no steps
   * (`flowId` names the flow, else it is read off the step id `flowId:stepId`).
   */
  async focus(nodeId: string, options: FocusOptions, flowId?: string): Promise<Focus> {
    const loaded = this.source.current();
    const derived = this.#derive(loaded);
    if (loaded.graph.nodes.has(nodeId)) return focus(derived.context, nodeId, options);
    const flow = flowId ?? flowOfStepId(derived.org, nodeId);
    if (flow === undefined) throw unknownNode(nodeId);
    const { graph } = await this.#stepGraph(derived, flow);
    if (!graph.nodes.has(nodeId)) throw new NotFoundError(`No step "${nodeId}" in flow "${flow}"; take ids from /api/flows/${flow}/steps.`);
    return focus(new AnalysisContext(graph), nodeId, options);
  }

  /** Paths between two nodes of the org graph (core `findPaths`). */
  paths(from: string, to: string, options: PathOptions): Paths {
    const loaded = this.source.current();
    const derived = this.#derive(loaded);
    for (const id of [from, to]) if (!loaded.graph.nodes.has(id)) throw unknownNode(id);
    return findPaths(derived.context, from, to, options);
  }

  /**
   * The cycle a node is in, drawn with its callers and callees (core `cycleFocus`): an org cycle of
   * the analysis, or a loop inside a flow, found in that flow's step graph.
   */
  async cycleFocus(member: string, options: { group: boolean }, flowId?: string): Promise<CycleFocus> {
    const loaded = this.source.current();
    const derived = this.#derive(loaded);
    const analysis = this.#analysis(loaded, derived, {});
    const cycle = cycleOf(analysis.cycles, member);
    if (cycle !== undefined) return cycleFocus(derived.context, cycle, options);
    const flow = flowId ?? flowOfStepId(derived.org, member) ?? (derived.org.nodes.get(member)?.kind === 'flow' ? member : undefined);
    if (flow === undefined) throw noCycle(member);
    const { graph } = await this.#stepGraph(derived, flow);
    const steps = new AnalysisContext(graph);
    const loop = cycleOf(steps.cycles, member);
    if (loop === undefined) throw noCycle(member);
    return cycleFocus(steps, loop, options);
  }

  /** Cached per crawl as a promise, so two clicks on one flow fetch its configuration once. */
  steps(flowId: string): Promise<StepsResponse> {
    const derived = this.#derive(this.source.current());
    const node = derived.org.nodes.get(flowId);
    if (node === undefined || node.kind !== 'flow') return Promise.reject(unknownFlow(flowId));
    const cached = derived.steps.get(flowId);
    if (cached) return cached;
    const pending = this.#stepGraph(derived, flowId).then(({ graph, issues }) => {
      const exported = toExportGraph(graph);
      const flow = exported.nodes.find((candidate) => candidate.id === flowId);
      if (flow === undefined) throw unknownFlow(flowId);
      return { flow, graph: exported, cycles: [...new AnalysisContext(graph).cycles], layout: layeredLayout(exported), issues };
    });
    derived.steps.set(flowId, pending);
    // A failed fetch is not cached: the next click tries again.
    pending.catch(() => derived.steps.delete(flowId));
    return pending;
  }

  /** One flow's step graph, fetched once per crawl; a failed fetch is not kept, so the next ask tries again. */
  #stepGraph(derived: Derived, flowId: string): Promise<StepGraph> {
    const node = derived.org.nodes.get(flowId);
    if (node === undefined || node.kind !== 'flow') return Promise.reject(unknownFlow(flowId));
    const cached = derived.stepGraphs.get(flowId);
    if (cached) return cached;
    const pending = this.source.flowSteps(flowId);
    derived.stepGraphs.set(flowId, pending);
    pending.catch(() => derived.stepGraphs.delete(flowId));
    return pending;
  }

  #analysis(loaded: LoadedOrg, derived: Derived, options: AnalyzeOptions): AnalysisResult {
    const key = analysisKey(options);
    const cached = derived.analyses.get(key);
    if (cached) return cached;
    const result = analyze(derived.context, options, loaded.issues);
    derived.analyses.set(key, result);
    return result;
  }

  #derive(loaded: LoadedOrg): Derived {
    const key = String(loaded.generation);
    const cached = this.#derived.get(key);
    if (cached) return cached;
    const context = new AnalysisContext(loaded.graph);
    const org = context.org.graph;
    const orgExport = toExportGraph(org);
    const derived: Derived = {
      generation: loaded.generation,
      context,
      org,
      orgExport,
      orgLayout: layeredLayout(orgExport),
      analyses: new BoundedCache(16),
      bodies: new BoundedCache(16),
      steps: new Map(),
      stepGraphs: new Map(),
    };
    this.#derived.set(key, derived);
    return derived;
  }
}

/** One key per distinct policy: the order of allowed statuses does not matter. */
function analysisKey(options: AnalyzeOptions): string {
  const statuses = options.allowedStatus?.length ? [...options.allowedStatus].sort() : null;
  return JSON.stringify([options.strict ?? false, options.targetVersion ?? null, statuses]);
}

function unknownNode(nodeId: string): NotFoundError {
  return new NotFoundError(`No node "${nodeId}" in the org graph; take ids from /api/graph.`);
}

function noCycle(nodeId: string): NotFoundError {
  return new NotFoundError(`"${nodeId}" is in no cycle; take member ids from the cycles of /api/graph or /api/flows/:id/steps.`);
}

/** The flow a step id `flowId:stepId` belongs to, when one of its prefixes is a flow of the org. */
function flowOfStepId(org: FlowGraph, nodeId: string): string | undefined {
  for (let colon = nodeId.indexOf(':'); colon > 0; colon = nodeId.indexOf(':', colon + 1)) {
    const prefix = nodeId.slice(0, colon);
    if (org.nodes.get(prefix)?.kind === 'flow') return prefix;
  }
  return undefined;
}

function unknownFlow(flowId: string): NotFoundError {
  return new NotFoundError(`No flow "${flowId}" in the org; take flow ids from /api/graph.`);
}

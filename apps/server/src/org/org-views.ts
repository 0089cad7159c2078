import {
  AnalysisContext,
  type AnalyzeOptions,
  analysisKey,
  type CycleFocus,
  encodeGraphResponse,
  type ExportFormat,
  type Focus,
  type FocusOptions,
  focus,
  type GraphResponse,
  type Impact,
  OrgQueries,
  type PathOptions,
  type Paths,
  type StepsResponse,
  stepLoopFocus,
  stepsResponse,
} from '@flowgraph/core';
import { NotFoundError } from '../errors.js';
import { SerializedBody } from '../http/serialized-body.js';
import { BoundedCache } from './bounded-cache.js';
import type { GraphSource, LoadedOrg, StepGraph } from './graph-source.js';

/** What one finished crawl yields regardless of query options, computed once per crawl. */
interface Derived {
  generation: number;
  /**
   * Core's answers on the crawl's graph: its index, org projection and cycles are built once, so
   * every analysis (one per policy) and every impact, focus and path query reuses them.
   */
  queries: OrgQueries;
  /** `/api/graph` answers in their wire form, serialized once per crawl and policy. */
  bodies: BoundedCache<SerializedBody>;
  steps: Map<string, Promise<StepsResponse>>;
  /** Each flow's step graph, fetched once per crawl; shared by the step view, step focus and loop focus. */
  stepGraphs: Map<string, Promise<StepGraph>>;
}

/**
 * The views the API serves, computed by core (`OrgQueries`) from the source's current graph and
 * cached until the next crawl finishes. No graph logic here: which graph, and the step graphs
 * fetched per flow.
 */
export class OrgViews {
  /** Per crawl generation: the served graph and, when asked for, a refused partial one. */
  readonly #derived = new BoundedCache<Derived>(2);

  constructor(private readonly source: GraphSource) {}

  /** The served graph, or with `partial` the last crawl refused as too partial to replace it. */
  graph(options: AnalyzeOptions, which: 'current' | 'partial' = 'current'): GraphResponse {
    const loaded = which === 'partial' ? this.source.partial() : this.source.current();
    return this.#derive(loaded).queries.graphResponse(
      {
        ...this.source.info,
        fetchedAt: loaded.fetchedAt,
        ...(loaded.staleFlows.length > 0 ? { staleFlows: loaded.staleFlows } : {}),
        ...(loaded.partial ? { partial: loaded.partial } : {}),
        ...(loaded.snapshotId !== undefined ? { snapshotId: loaded.snapshotId } : {}),
        ...(loaded.restored ? { restored: true } : {}),
      },
      options,
    );
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
    return this.#derive(this.source.current()).queries.impact(nodeId, direction);
  }

  export(format: ExportFormat, scope: 'org' | 'full'): string {
    return this.#derive(this.source.current()).queries.export(format, scope);
  }

  /**
   * A node's neighbourhood (core `focus`). A flow or resource is focused on the org projection; a
   * step in its flow's step graph, fetched like the step view's when the org graph has no steps
   * (`flowId` names the flow, else it is read off the step id `flowId:stepId`).
   */
  async focus(nodeId: string, options: FocusOptions, flowId?: string): Promise<Focus> {
    const derived = this.#derive(this.source.current());
    const { queries } = derived;
    if (queries.graph.nodes.has(nodeId)) return queries.focus(nodeId, options);
    const flow = flowId ?? queries.flowOfStepId(nodeId);
    if (flow === undefined) throw unknownNode(nodeId);
    const { graph } = await this.#stepGraph(derived, flow);
    if (!graph.nodes.has(nodeId)) throw new NotFoundError(`No step "${nodeId}" in flow "${flow}"; take ids from /api/flows/${flow}/steps.`);
    return focus(new AnalysisContext(graph), nodeId, options);
  }

  /** Paths between two nodes of the org graph (core `findPaths`). */
  paths(from: string, to: string, options: PathOptions): Paths {
    return this.#derive(this.source.current()).queries.paths(from, to, options);
  }

  /**
   * The cycle a node is in, drawn with its callers and callees (core `cycleFocus`): an org cycle of
   * the analysis, or a loop inside a flow, found in that flow's step graph.
   */
  async cycleFocus(member: string, options: { group: boolean }, flowId?: string): Promise<CycleFocus> {
    const derived = this.#derive(this.source.current());
    const { queries } = derived;
    const orgCycle = queries.cycleFocus(member, options);
    if (orgCycle !== undefined) return orgCycle;
    const flow = flowId ?? queries.flowOfStepId(member) ?? (queries.org.nodes.get(member)?.kind === 'flow' ? member : undefined);
    if (flow === undefined) throw noCycle(member);
    const { graph } = await this.#stepGraph(derived, flow);
    const loop = stepLoopFocus(graph, member, options);
    if (loop === undefined) throw noCycle(member);
    return loop;
  }

  /** Cached per crawl as a promise, so two clicks on one flow fetch its configuration once. */
  steps(flowId: string): Promise<StepsResponse> {
    const derived = this.#derive(this.source.current());
    const cached = derived.steps.get(flowId);
    if (cached) return cached;
    const pending = this.#stepGraph(derived, flowId).then(({ graph, issues }) => {
      const answer = stepsResponse(graph, flowId, issues);
      if (answer === undefined) throw unknownFlow(flowId);
      return answer;
    });
    derived.steps.set(flowId, pending);
    // A failed fetch is not cached: the next click tries again.
    pending.catch(() => derived.steps.delete(flowId));
    return pending;
  }

  /** One flow's step graph, fetched once per crawl; a failed fetch is not kept, so the next ask tries again. */
  #stepGraph(derived: Derived, flowId: string): Promise<StepGraph> {
    const node = derived.queries.org.nodes.get(flowId);
    if (node === undefined || node.kind !== 'flow') return Promise.reject(unknownFlow(flowId));
    const cached = derived.stepGraphs.get(flowId);
    if (cached) return cached;
    const pending = this.source.flowSteps(flowId);
    derived.stepGraphs.set(flowId, pending);
    pending.catch(() => derived.stepGraphs.delete(flowId));
    return pending;
  }

  #derive(loaded: LoadedOrg): Derived {
    const key = String(loaded.generation);
    const cached = this.#derived.get(key);
    if (cached) return cached;
    const derived: Derived = {
      generation: loaded.generation,
      queries: new OrgQueries(loaded.graph, loaded.issues),
      bodies: new BoundedCache(16),
      steps: new Map(),
      stepGraphs: new Map(),
    };
    this.#derived.set(key, derived);
    return derived;
  }
}

function unknownNode(nodeId: string): NotFoundError {
  return new NotFoundError(`No node "${nodeId}" in the org graph; take ids from /api/graph.`);
}

function noCycle(nodeId: string): NotFoundError {
  return new NotFoundError(`"${nodeId}" is in no cycle; take member ids from the cycles of /api/graph or /api/flows/:id/steps.`);
}

function unknownFlow(flowId: string): NotFoundError {
  return new NotFoundError(`No flow "${flowId}" in the org; take flow ids from /api/graph.`);
}

import type { FlowGraph, GraphEdge, GraphNode } from '../model/graph.js';
import { UnknownNodeError } from './errors/unknown-node.js';
import type { AnalysisContext } from './context.js';
import { EDGE_KIND, NODE_KIND } from './graph-index.js';

/**
 * The org-level view: flows and resources only. A `uses` edge from or to a step is lifted to the
 * flow that owns the step (its `via` kept), transitions and contains are dropped, and parallel edges are
 * merged into one whose `via` lists the distinct actions (`callData, transferToFlow`).
 * A flow whose step calls the flow itself (a restart, a recursive module) gets no self-loop:
 * it deploys in one piece. An explicit flow -> itself `uses` edge is kept. O(V + E).
 * Read through `AnalysisContext.org`, which builds it once.
 */
export function projectToOrg(context: AnalysisContext): FlowGraph {
  const { index } = context;
  const nodes = new Map<string, GraphNode>();
  // The index knows every kind and endpoint: no step, no transition and no id is read here.
  for (let i = 0; i < index.kinds.length; i++) {
    if (index.kinds[i] !== NODE_KIND.step) nodes.set(index.id(i), index.node(i));
  }

  // Parallel edges are found per source: a source's first edge is kept as is and only a second
  // one to another target builds a per-source map, so no (source, target) key string is made.
  const bySource = new Map<string, GraphEdge | Map<string, GraphEdge>>();
  const edges: GraphEdge[] = [];
  for (let e = 0; e < index.edgeKinds.length; e++) {
    if (index.edgeKinds[e] !== EDGE_KIND.uses) continue;
    const sourceAt = index.edgeSources[e] as number;
    const targetAt = index.edgeTargets[e] as number;
    if (sourceAt < 0 || targetAt < 0) continue;
    const edge = index.edge(e);
    // A step stands for its flow; `flowOf` is -1 when that flow is not a node (or not a flow).
    const sourceIsStep = index.kinds[sourceAt] === NODE_KIND.step;
    let source = edge.source;
    if (sourceIsStep) {
      const flow = index.flowOf[sourceAt] as number;
      if (flow < 0) continue;
      source = index.id(flow);
    }
    // A use of another flow's step (a tutorial transition to `otherFlowId:nodeId`) depends on
    // that flow: lifted like the source, so it can close an org cycle.
    const targetIsStep = index.kinds[targetAt] === NODE_KIND.step;
    let target = edge.target;
    if (targetIsStep) {
      const flow = index.flowOf[targetAt] as number;
      if (flow < 0) continue;
      target = index.id(flow);
    }
    if (source === target && (sourceIsStep || targetIsStep)) continue;

    const seen = bySource.get(source);
    const existing = seen instanceof Map ? seen.get(target) : seen?.target === target ? seen : undefined;
    if (existing !== undefined) {
      mergeInto(existing, edge);
      continue;
    }
    const projected = projectedEdge(source, target, edge);
    edges.push(projected);
    if (seen === undefined) bySource.set(source, projected);
    else if (seen instanceof Map) seen.set(target, projected);
    else
      bySource.set(
        source,
        new Map([
          [seen.target, seen],
          [target, projected],
        ]),
      );
  }
  return { nodes, edges };
}

function projectedEdge(source: string, target: string, edge: GraphEdge): GraphEdge {
  const projected: GraphEdge = { source, target, kind: 'uses' };
  if (edge.via !== undefined) projected.via = edge.via;
  if (edge.ambiguous === true) projected.ambiguous = true;
  return projected;
}

function mergeInto(existing: GraphEdge, edge: GraphEdge): void {
  if (edge.via !== undefined && !(existing.via ?? '').split(', ').includes(edge.via)) {
    existing.via = existing.via === undefined ? edge.via : `${existing.via}, ${edge.via}`;
  }
  if (edge.ambiguous === true) existing.ambiguous = true;
}

/**
 * One flow's inside: the flow node, its steps, their transitions and contains edges, and the
 * flows and resources their `uses` edges (and the flow's own) point at, with those edges. O(V + E).
 */
export function flowStepGraph(graph: FlowGraph, flowId: string): FlowGraph {
  const flow = graph.nodes.get(flowId);
  if (flow === undefined || flow.kind !== 'flow') throw new UnknownNodeError(flowId, 'flowStepGraph');

  const nodes = new Map<string, GraphNode>([[flowId, flow]]);
  for (const [id, node] of graph.nodes) if (node.kind === 'step' && node.flowId === flowId) nodes.set(id, node);

  const edges: GraphEdge[] = [];
  for (const edge of graph.edges) {
    if (!nodes.has(edge.source)) continue;
    const target = graph.nodes.get(edge.target);
    if (target === undefined) continue;
    if (edge.kind === 'uses') {
      if (!nodes.has(edge.target)) nodes.set(edge.target, target);
      edges.push(edge);
    } else if (nodes.has(edge.target)) {
      edges.push(edge);
    }
  }
  return { nodes, edges };
}

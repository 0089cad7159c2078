import type { FlowGraph, GraphEdge, GraphNode } from '../model/graph.js';
import { UnknownNodeError } from './errors/unknown-node.js';
import type { AnalysisContext } from './context.js';
import { EDGE_KIND, type GraphIndex, NODE_KIND } from './graph-index.js';

/**
 * The org-level view: flows and resources only. A `uses` edge from or to a step is lifted to the
 * flow that owns the step (its `via` kept), transitions and contains are dropped, and parallel edges are
 * merged into one whose `via` lists the distinct actions (`callData, transferToFlow`).
 * A flow whose step calls the flow itself (a restart, a recursive module) gets no self-loop:
 * it deploys in one piece. An explicit flow -> itself `uses` edge is kept. O(V + E).
 * Read through `AnalysisContext.org`, which builds it once.
 */
export function projectToOrg(context: AnalysisContext): FlowGraph {
  const { graph, index } = context;
  const nodes = new Map<string, GraphNode>();
  // The index knows every kind and endpoint: no step, no transition and no id is read here.
  for (let i = 0; i < index.ids.length; i++) {
    if (index.kinds[i] !== NODE_KIND.step) nodes.set(index.ids[i] as string, index.nodes[i] as GraphNode);
  }

  // Parallel edges are found per source: a source's first edge is kept as is and only a second
  // one to another target builds a per-source map, so no (source, target) key string is made.
  const bySource = new Map<string, GraphEdge | Map<string, GraphEdge>>();
  const edges: GraphEdge[] = [];
  for (let e = 0; e < graph.edges.length; e++) {
    if (index.edgeKinds[e] !== EDGE_KIND.uses) continue;
    const edge = graph.edges[e] as GraphEdge;
    const sourceNode = indexedNode(index, index.edgeSources[e] as number);
    const targetNode = indexedNode(index, index.edgeTargets[e] as number);
    if (sourceNode === undefined || targetNode === undefined) continue;
    let source = edge.source;
    if (sourceNode.kind === 'step') {
      source = sourceNode.flowId;
      if (graph.nodes.get(source)?.kind !== 'flow') continue;
    }
    // A use of another flow's step (a tutorial transition to `otherFlowId:nodeId`) depends on
    // that flow: lifted like the source, so it can close an org cycle.
    let target = edge.target;
    if (targetNode.kind === 'step') {
      target = targetNode.flowId;
      if (graph.nodes.get(target)?.kind !== 'flow') continue;
    }
    if (source === target && (sourceNode.kind === 'step' || targetNode.kind === 'step')) continue;

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

/** The node at an edge end the index resolved; undefined for an edge it skipped (-1). */
function indexedNode(index: GraphIndex, node: number): GraphNode | undefined {
  return node < 0 ? undefined : index.nodes[node];
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

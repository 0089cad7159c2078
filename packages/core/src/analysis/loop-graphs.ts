import type { FlowSteps } from '../model/flow-steps.js';
import type { StepNode } from '../model/graph.js';
import { type CompressedRows, countRows, emptyRows, fillRows } from './compressed-rows.js';
import { type ColumnarFlow, EDGE_KIND, type GraphIndex, NODE_KIND } from './graph-index.js';

/**
 * A graph the cycle search runs in: nodes `0 .. size - 1` in compressed rows, node `v` standing
 * for index node `at[v]`, with `outEdges` giving each slot's edge in the index. Nodes are numbered
 * in index order and each node's rows list its edges in index edge order, so a search here meets
 * components, and walks them, exactly as the same search over those edges of the whole index
 * would. The arrays may be longer than `size`: they are reused from flow to flow.
 */
export interface CycleGraph extends CompressedRows {
  size: number;
  at: Int32Array;
  /** When the graph is one columnar flow's steps, node `v` being its step at position `v`: its columns. */
  steps: FlowSteps | undefined;
}

/** The whole index as a cycle graph (the org projection's: a few thousand nodes). */
export function wholeGraph(index: GraphIndex): CycleGraph {
  const size = index.kinds.length;
  const at = new Int32Array(size);
  for (let node = 0; node < size; node++) at[node] = node;
  const { outOffsets, outTargets, outEdges, inOffsets, inSources } = index;
  return { size, at, steps: undefined, outOffsets, outTargets, outEdges, inOffsets, inSources, inEdges: undefined };
}

/**
 * A transition between two steps of the same flow: the edges a flow loop is made of. Told apart by
 * `flowOf` without reading the nodes, unless the steps' flow is not a node.
 */
function isStepTransition(index: GraphIndex, edge: number): boolean {
  if (index.edgeKinds[edge] !== EDGE_KIND.transition) return false;
  const { kinds, flowOf } = index;
  const source = index.edgeSources[edge] as number;
  const target = index.edgeTargets[edge] as number;
  if (source < 0 || kinds[source] !== NODE_KIND.step || kinds[target] !== NODE_KIND.step) return false;
  const flow = flowOf[source] as number;
  return flow >= 0 ? flowOf[target] === flow : (index.node(source) as StepNode).flowId === (index.node(target) as StepNode).flowId;
}

/**
 * One columnar flow's step transitions as a cycle graph, read from its columns (their positions
 * are already local node numbers), in buffers sized to the largest flow and reused for each: a
 * flow loop lies inside one flow, so no array over the whole index is needed for it.
 */
export class FlowStepGraphs {
  readonly capacity: number;
  readonly #graph: CycleGraph;
  readonly #outFill: Int32Array;
  readonly #inFill: Int32Array;

  constructor(flows: readonly ColumnarFlow[]) {
    let nodes = 0;
    let edges = 0;
    for (const { steps } of flows) {
      nodes = Math.max(nodes, steps.size);
      edges = Math.max(edges, steps.transitionCount);
    }
    this.capacity = nodes;
    this.#graph = emptyGraph(nodes, edges);
    this.#outFill = new Int32Array(nodes);
    this.#inFill = new Int32Array(nodes);
  }

  /** The flow's graph, valid until the next call. */
  of(flow: ColumnarFlow): CycleGraph {
    const graph = this.#graph;
    const { steps } = flow;
    graph.size = steps.size;
    graph.steps = steps;
    for (let node = 0; node < steps.size; node++) graph.at[node] = flow.flow + 1 + node;
    countRows(graph, steps.size, steps.transitionCount, steps.from, steps.to);
    fillRows(graph, steps.size, steps.transitionCount, steps.from, steps.to, undefined, flow.firstEdge, this.#outFill, this.#inFill);
    return graph;
  }
}

/** The flow loops' edges that columnar flows do not hold alone, and the columnar flows they touch. */
export interface OtherStepTransitions {
  /** Those edges' graph, over the steps they touch; undefined when there are none. */
  graph: CycleGraph | undefined;
  /** Index of each columnar flow that is in `graph` (a transition held as an object joins two of its steps). */
  flows: ReadonlySet<number>;
}

/**
 * The step transitions held as objects (other importers' flows, and a tutorial transition to its
 * own flow named by full id, which linking resolves), with every transition of a columnar flow
 * one of them joins two steps of: those flows' loops may run through both kinds of edge, so they
 * are searched here, over the whole index's edges, not from their columns alone.
 */
export function otherStepTransitions(index: GraphIndex): OtherStepTransitions {
  const objectEdges: number[] = [];
  const flows = new Set<number>();
  for (let e = index.objectEdgesFrom; e < index.edgeKinds.length; e++) {
    if (!isStepTransition(index, e)) continue;
    objectEdges.push(e);
    const flow = index.flowOf[index.edgeSources[e] as number] as number;
    if (flow >= 0) flows.add(flow);
  }
  if (objectEdges.length === 0) return { graph: undefined, flows };

  // In index edge order: the columnar flows' transitions come before every edge held as an object.
  const edges: number[] = [];
  for (const { flow, steps, firstEdge } of index.columnarFlows) {
    if (!flows.has(flow)) continue;
    for (let t = 0; t < steps.transitionCount; t++) edges.push(firstEdge + t);
  }
  for (const e of objectEdges) edges.push(e);

  // The steps these edges touch, numbered in index order.
  const localOf = new Int32Array(index.kinds.length).fill(-1);
  for (const e of edges) {
    localOf[index.edgeSources[e] as number] = 0;
    localOf[index.edgeTargets[e] as number] = 0;
  }
  const at: number[] = [];
  for (let node = 0; node < localOf.length; node++) {
    if (localOf[node] !== 0) continue;
    localOf[node] = at.length;
    at.push(node);
  }
  const sources = new Int32Array(edges.length);
  const targets = new Int32Array(edges.length);
  for (let i = 0; i < edges.length; i++) {
    sources[i] = localOf[index.edgeSources[edges[i] as number] as number] as number;
    targets[i] = localOf[index.edgeTargets[edges[i] as number] as number] as number;
  }
  const graph = emptyGraph(at.length, edges.length);
  graph.at.set(at);
  countRows(graph, at.length, edges.length, sources, targets);
  const scratch = (): Int32Array => new Int32Array(at.length);
  fillRows(graph, at.length, edges.length, sources, targets, Int32Array.from(edges), 0, scratch(), scratch());
  return { graph, flows };
}

function emptyGraph(nodes: number, edges: number): CycleGraph {
  return { size: nodes, at: new Int32Array(nodes), steps: undefined, ...emptyRows(nodes, edges) };
}

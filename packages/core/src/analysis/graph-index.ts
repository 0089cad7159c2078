import { columnsOf } from '../model/columnar-graph.js';
import type { FlowSteps } from '../model/flow-steps.js';
import type { EdgeKind, FlowGraph, GraphEdge, GraphNode, NodeKind } from '../model/graph.js';
import { buildColumnarIndex } from './columnar-index.js';
import { fillRows } from './compressed-rows.js';
import { NodePositions } from './node-positions.js';

/**
 * Integer adjacency for the hot loops (graphology `indices/neighborhood` style): node ids map to
 * `0..n-1` once, and out / in edges sit in compressed sparse rows. Node `i`'s out-neighbours are
 * `outTargets[outOffsets[i] .. outOffsets[i + 1])`, and `outEdges` holds, slot for slot, the index
 * into `graph.edges` so an algorithm can read an edge's kind, `via` or label.
 */
export interface GraphIndex {
  /**
   * Index -> node id. Every id at once: on a graph whose steps are columns this makes a string per
   * step, so loops over many nodes read `id(i)` for the ones they need.
   */
  readonly ids: readonly string[];
  /** Index -> node. Every node at once, like `ids`: loops over many nodes read `node(i)`. */
  readonly nodes: readonly GraphNode[];
  /** Node id -> index; built on first read (the index itself is built without it). Prefer `position`. */
  readonly indexOf: ReadonlyMap<string, number>;
  /** The id of node `i`. */
  id(i: number): string;
  /** Node `i` (a column-held step is made an object, the same one each time). */
  node(i: number): GraphNode;
  /** Node `i`'s name, read without making a column-held step an object. */
  name(i: number): string;
  /** Edge `e`, indexed like `graph.edges` (a column-held transition is made an object). */
  edge(e: number): GraphEdge;
  /** The index of a node id, -1 when it is not a node; without an id map of every node. */
  position(id: string): number;
  /** The columns node `i` is held in when it is a column-held step (see `GraphColumns`), else undefined. */
  columnsHolding(i: number): FlowSteps | undefined;
  /** Index -> NODE_KIND code. */
  readonly kinds: Uint8Array;
  /**
   * Index -> the index of the flow a step belongs to; -1 for flows and resources, and for a step
   * whose flow is not a node (compare `flowId`s then). Lets a loop over edges tell whether both
   * ends sit in the same flow without reading either node.
   */
  readonly flowOf: Int32Array;
  readonly outOffsets: Int32Array;
  readonly outTargets: Int32Array;
  readonly outEdges: Int32Array;
  readonly inOffsets: Int32Array;
  readonly inSources: Int32Array;
  readonly inEdges: Int32Array;
  /** Index into `graph.edges` -> EDGE_KIND code, for every edge (skipped ones included). */
  readonly edgeKinds: Uint8Array;
  /**
   * Index into `graph.edges` -> source / target node index, -1 (both) for a skipped edge, so a
   * later stage reads an edge's endpoints without looking their ids up again.
   */
  readonly edgeSources: Int32Array;
  readonly edgeTargets: Int32Array;
  /** Edges left out because an endpoint is not a node (linking reports those). */
  readonly skippedEdges: number;
  /**
   * The flows whose steps are held as columns, in index order; empty for a graph of objects.
   * Their edges come first, flow by flow; edges from `objectEdgesFrom` on are held as objects.
   */
  readonly columnarFlows: readonly ColumnarFlow[];
  readonly objectEdgesFrom: number;
}

/** A flow whose steps are held as columns, where the index put it. */
export interface ColumnarFlow {
  /** The flow's index; step at position `p` has index `flow + 1 + p`. */
  flow: number;
  steps: FlowSteps;
  /** Transition `t` is edge `firstEdge + t`; the `contains` edge to the entry step follows them. */
  firstEdge: number;
}

export const NODE_KIND: Readonly<Record<NodeKind, number>> = { flow: 0, resource: 1, step: 2 };
export const EDGE_KIND: Readonly<Record<EdgeKind, number>> = { uses: 0, transition: 1, contains: 2 };

/**
 * Builds the index in O(V + E): two counting passes, no per-node arrays. A linked graph whose
 * steps are columns is indexed from its columns (`columnar-index.ts`), in the same order, without
 * making its steps objects.
 */
export function buildGraphIndex(graph: FlowGraph): GraphIndex {
  const columns = columnsOf(graph);
  if (columns !== undefined) return buildColumnarIndex(columns);
  const n = graph.nodes.size;
  const ids = [...graph.nodes.keys()];
  const nodes = [...graph.nodes.values()];
  const kinds = new Uint8Array(n);
  for (let i = 0; i < n; i++) kinds[i] = NODE_KIND[(nodes[i] as GraphNode).kind];
  const positions = new NodePositions(graph, ids, nodes, (i) => kinds[i] === NODE_KIND.step);
  const flowOf = new Int32Array(n).fill(-1);
  // A flow's steps usually come together, so the flow is looked up once per run of its steps.
  let lastFlowId: string | undefined;
  let lastFlow = -1;
  for (let i = 0; i < n; i++) {
    const node = nodes[i] as GraphNode;
    if (node.kind !== 'step') continue;
    if (node.flowId !== lastFlowId) {
      lastFlowId = node.flowId;
      const flow = positions.find(lastFlowId, -1);
      lastFlow = flow >= 0 && kinds[flow] === NODE_KIND.flow ? flow : -1;
    }
    flowOf[i] = lastFlow;
  }

  const edges = graph.edges;
  const m = edges.length;
  // Endpoints resolved once; -1 marks an edge to skip.
  const sources = new Int32Array(m);
  const targets = new Int32Array(m);
  const edgeKinds = new Uint8Array(m);
  const outOffsets = new Int32Array(n + 1);
  const inOffsets = new Int32Array(n + 1);
  let kept = 0;
  // Importers emit a flow's edges step by step, in the order they add its nodes, so an endpoint
  // is first looked for right next to the previous edge's (see NodePositions).
  let lastSource = -1;
  let lastTarget = -1;
  for (let e = 0; e < m; e++) {
    const edge = edges[e] as (typeof edges)[number];
    edgeKinds[e] = EDGE_KIND[edge.kind];
    const sourceId = edge.source;
    const targetId = edge.target;
    let source: number;
    if (positions.isAt(sourceId, lastSource + 1)) source = lastSource + 1;
    else if (positions.isAt(sourceId, lastTarget + 1)) source = lastTarget + 1;
    else source = positions.find(sourceId, lastSource + 1);
    let target: number;
    if (positions.isAt(targetId, source + 1)) target = source + 1;
    else if (positions.isAt(targetId, lastSource)) target = lastSource;
    else target = positions.find(targetId, source);
    if (source < 0 || target < 0) {
      sources[e] = -1;
      targets[e] = -1;
      continue;
    }
    lastSource = source;
    lastTarget = target;
    sources[e] = source;
    targets[e] = target;
    outOffsets[source + 1] = (outOffsets[source + 1] as number) + 1;
    inOffsets[target + 1] = (inOffsets[target + 1] as number) + 1;
    kept++;
  }
  const { outTargets, outEdges, inSources, inEdges } = fillAdjacency(n, sources, targets, outOffsets, inOffsets, kept);
  return {
    ids,
    nodes,
    get indexOf() {
      return positions.all();
    },
    id: (i) => ids[i] as string,
    node: (i) => nodes[i] as GraphNode,
    name: (i) => (nodes[i] as GraphNode).name,
    edge: (e) => edges[e] as GraphEdge,
    position: (id) => positions.find(id, -1),
    columnsHolding: () => undefined,
    kinds,
    flowOf,
    outOffsets,
    outTargets,
    outEdges,
    inOffsets,
    inSources,
    inEdges,
    edgeKinds,
    edgeSources: sources,
    edgeTargets: targets,
    skippedEdges: m - kept,
    columnarFlows: [],
    objectEdgesFrom: 0,
  };
}

/**
 * The compressed rows from each edge's endpoints (-1: skipped). `outOffsets[i + 1]` and
 * `inOffsets[i + 1]` come in as node i's counts and leave as offsets.
 */
export function fillAdjacency(
  n: number,
  sources: Int32Array,
  targets: Int32Array,
  outOffsets: Int32Array,
  inOffsets: Int32Array,
  kept: number,
): Pick<GraphIndex, 'outTargets' | 'outEdges' | 'inSources' | 'inEdges'> {
  const rows = {
    outOffsets,
    outTargets: new Int32Array(kept),
    outEdges: new Int32Array(kept),
    inOffsets,
    inSources: new Int32Array(kept),
    inEdges: new Int32Array(kept),
  };
  fillRows(rows, n, sources.length, sources, targets, undefined, 0, new Int32Array(n), new Int32Array(n));
  return rows;
}

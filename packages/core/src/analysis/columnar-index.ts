import type { GraphColumns } from '../model/columnar-graph.js';
import type { FlowSteps } from '../model/flow-steps.js';
import { transitionEdge } from '../model/flow-steps.js';
import type { GraphEdge, GraphNode } from '../model/graph.js';
import { type ColumnarFlow, EDGE_KIND, fillAdjacency, type GraphIndex, NODE_KIND } from './graph-index.js';

/**
 * The index of a graph whose steps are partly columns, in the graph's order (each columnar flow's
 * steps right after it), built without making a step or transition an object or hashing a step
 * id: a columnar flow's steps take the indices after the flow's, and its transitions are already
 * pairs of positions. Ids and nodes of steps are made when asked for, one at a time.
 */
export function buildColumnarIndex(columns: GraphColumns): GraphIndex {
  const n = columns.objects.size + columns.stepCount;
  const kinds = new Uint8Array(n);
  const flowOf = new Int32Array(n).fill(-1);
  /** Index -> the node held as an object (holes at column-held steps). */
  const objectAt: Array<GraphNode | undefined> = new Array(n);
  /** Object ids -> index: flows and resources, a few thousand, not one per step. */
  const objectPosition = new Map<string, number>();
  /** Index of a columnar flow -> its steps, which take the indices right after it (holes elsewhere). */
  const stepsAt: Array<FlowSteps | undefined> = new Array(n);
  const columnar: FlowSteps[] = [];
  const columnarAt: number[] = [];
  const columnarFlows: ColumnarFlow[] = [];
  let i = 0;
  for (const [id, node] of columns.objects) {
    objectAt[i] = node;
    objectPosition.set(id, i);
    kinds[i] = NODE_KIND[node.kind];
    const steps = node.kind === 'flow' ? columns.steps.get(id) : undefined;
    if (steps === undefined) {
      i++;
      continue;
    }
    const flow = i;
    stepsAt[flow] = steps;
    columnar.push(steps);
    columnarAt.push(flow);
    const end = flow + 1 + steps.size;
    kinds.fill(NODE_KIND.step, flow + 1, end);
    flowOf.fill(flow, flow + 1, end);
    i = end;
  }
  // Steps held as objects (other importers') belong to the flow their `flowId` names, when it is one.
  for (let at = 0; at < n; at++) {
    const node = objectAt[at];
    if (node?.kind !== 'step') continue;
    const flow = objectPosition.get(node.flowId) ?? -1;
    flowOf[at] = flow >= 0 && kinds[flow] === NODE_KIND.flow ? flow : -1;
  }

  const id = (node: number): string => {
    const object = objectAt[node];
    if (object !== undefined) return object.id;
    const flow = flowOf[node] as number;
    return (stepsAt[flow] as FlowSteps).nodeId(node - flow - 1);
  };
  const nodeAt = (node: number): GraphNode => {
    const object = objectAt[node];
    if (object !== undefined) return object;
    const flow = flowOf[node] as number;
    return columns.stepNode(stepsAt[flow] as FlowSteps, node - flow - 1);
  };
  const name = (node: number): string => {
    const object = objectAt[node];
    if (object !== undefined) return object.name;
    const flow = flowOf[node] as number;
    return (stepsAt[flow] as FlowSteps).name(node - flow - 1);
  };
  const position = (nodeId: string): number => {
    const object = objectPosition.get(nodeId);
    if (object !== undefined) return object;
    const step = columns.findStep(nodeId);
    if (step === undefined) return -1;
    return (objectPosition.get(step.steps.flowId) as number) + 1 + step.position;
  };

  // Edges: every columnar flow's transitions and `contains` edge, then the edges held as objects.
  const objectEdges = columns.objectEdges;
  const stepEdges = columns.stepEdgeCount;
  const m = stepEdges + objectEdges.length;
  const sources = new Int32Array(m);
  const targets = new Int32Array(m);
  const edgeKinds = new Uint8Array(m);
  const outOffsets = new Int32Array(n + 1);
  const inOffsets = new Int32Array(n + 1);
  /** Per columnar flow, the index of its first edge, for `edge(e)`. */
  const firstEdge = new Int32Array(columnar.length + 1);
  let e = 0;
  for (let c = 0; c < columnar.length; c++) {
    firstEdge[c] = e;
    const steps = columnar[c] as FlowSteps;
    const first = (columnarAt[c] as number) + 1;
    columnarFlows.push({ flow: first - 1, steps, firstEdge: e });
    const { from, to, transitionCount } = steps;
    for (let t = 0; t < transitionCount; t++, e++) {
      const source = first + (from[t] as number);
      const target = first + (to[t] as number);
      edgeKinds[e] = EDGE_KIND.transition;
      sources[e] = source;
      targets[e] = target;
      outOffsets[source + 1] = (outOffsets[source + 1] as number) + 1;
      inOffsets[target + 1] = (inOffsets[target + 1] as number) + 1;
    }
    if (steps.entry >= 0) {
      const source = first - 1;
      const target = first + steps.entry;
      edgeKinds[e] = EDGE_KIND.contains;
      sources[e] = source;
      targets[e] = target;
      outOffsets[source + 1] = (outOffsets[source + 1] as number) + 1;
      inOffsets[target + 1] = (inOffsets[target + 1] as number) + 1;
      e++;
    }
  }
  firstEdge[columnar.length] = e;
  let kept = stepEdges;
  for (let o = 0; o < objectEdges.length; o++, e++) {
    const edge = objectEdges[o] as GraphEdge;
    edgeKinds[e] = EDGE_KIND[edge.kind];
    const source = position(edge.source);
    const target = source < 0 ? -1 : position(edge.target);
    if (source < 0 || target < 0) {
      sources[e] = -1;
      targets[e] = -1;
      continue;
    }
    sources[e] = source;
    targets[e] = target;
    outOffsets[source + 1] = (outOffsets[source + 1] as number) + 1;
    inOffsets[target + 1] = (inOffsets[target + 1] as number) + 1;
    kept++;
  }
  const adjacency = fillAdjacency(n, sources, targets, outOffsets, inOffsets, kept);

  const edgeAt = (edge: number): GraphEdge => {
    if (edge >= stepEdges) return objectEdges[edge - stepEdges] as GraphEdge;
    const c = columnHolding(firstEdge, edge);
    const steps = columnar[c] as FlowSteps;
    const t = edge - (firstEdge[c] as number);
    const ids = (stepPosition: number) => steps.nodeId(stepPosition);
    if (t < steps.transitionCount) return transitionEdge(steps, t, ids);
    return { source: steps.flowId, target: ids(steps.entry), kind: 'contains' };
  };

  let ids: string[] | undefined;
  let nodes: GraphNode[] | undefined;
  let indexOf: Map<string, number> | undefined;
  const allIds = (): string[] => {
    ids ??= Array.from({ length: n }, (_, node) => id(node));
    return ids;
  };
  return {
    get ids() {
      return allIds();
    },
    get nodes() {
      nodes ??= Array.from({ length: n }, (_, node) => nodeAt(node));
      return nodes;
    },
    get indexOf() {
      indexOf ??= new Map(allIds().map((nodeId, node) => [nodeId, node]));
      return indexOf;
    },
    id,
    node: nodeAt,
    name,
    edge: edgeAt,
    position,
    columnsHolding: (node) => (objectAt[node] === undefined ? stepsAt[flowOf[node] as number] : undefined),
    kinds,
    flowOf,
    outOffsets,
    ...adjacency,
    inOffsets,
    edgeKinds,
    edgeSources: sources,
    edgeTargets: targets,
    skippedEdges: m - kept,
    columnarFlows,
    objectEdgesFrom: stepEdges,
  };
}

/** The columnar flow whose edges include `edge` (binary search over the first edges). */
function columnHolding(firstEdge: Int32Array, edge: number): number {
  let low = 0;
  let high = firstEdge.length - 2;
  while (low < high) {
    const middle = (low + high + 1) >> 1;
    if ((firstEdge[middle] as number) <= edge) low = middle;
    else high = middle - 1;
  }
  return low;
}

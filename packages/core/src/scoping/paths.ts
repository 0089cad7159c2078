import { compareStrings } from '../util/compare.js';
import type { GraphIndex } from '../analysis/graph-index.js';
import type { AnalysisContext } from '../analysis/context.js';
import { breadthFirst } from '../analysis/traversal.js';
import type { EdgeKind, FlowGraph, GraphEdge, GraphNode } from '../model/graph.js';
import { buildDiagram, type Placement } from './diagram.js';
import { nodeSlug } from './file-name.js';
import { type LevelGraph, levelGraphOf, nodeOf, positionOf } from './level.js';
import type { ScopeDiagram } from './scope.js';

/** Paths listed when no limit is given. */
export const DEFAULT_PATH_LIMIT = 20;

export interface PathOptions {
  /** Up to `limit` simple paths ordered by length (Yen's algorithm), not only the shortest ones. */
  all?: boolean;
  /** Most paths listed (default 20). Shortest paths are counted in full either way. */
  limit?: number;
}

/** One hop of a path: the edge's kind and what makes it (`via`: callCommonModule, callData, ...). */
export interface PathHop {
  source: string;
  target: string;
  kind: EdgeKind;
  via?: string;
  /** For a transition: its output path (success, yes, digit_1). */
  label?: string;
}

export interface FoundPath {
  /** Node ids, `from` first, `to` last. */
  nodes: string[];
  hops: PathHop[];
}

export interface Paths extends ScopeDiagram {
  kind: 'path';
  /** The path's ends as traced: a step is traced from its flow unless both ends are steps of one flow. */
  from: string;
  to: string;
  /** `shortest`: every shortest path (up to the limit); `simple`: simple paths by length. */
  mode: 'shortest' | 'simple';
  /** Hops of a shortest path; null when `to` cannot be reached from `from`. */
  shortest: number | null;
  /** How many shortest paths there are, counted without listing them (may exceed 2^53 as a float). */
  shortestCount: number;
  /** Ordered by length, then by their node ids. */
  paths: FoundPath[];
  /** More paths exist than listed. */
  truncated: boolean;
}

/**
 * Why does A depend on B: the paths from A to B. Shortest paths come from two BFS (distance from A,
 * distance to B): an edge u -> v is on a shortest path exactly when d(A,u) + 1 + d(v,B) = d(A,B),
 * so they are counted by a pass over that DAG and listed in id order, each in O(length), never by
 * enumerating all simple paths. With `all`, Yen's algorithm lists up to `limit` simple paths by
 * length: O(limit x length x (V + E)). Hops count in the org projection, or in one flow's step graph
 * when both ends are its steps.
 */
export function findPaths(context: AnalysisContext, fromId: string, toId: string, options: PathOptions = {}): Paths {
  const { graph } = context;
  const limit = options.limit ?? DEFAULT_PATH_LIMIT;
  if (!(Number.isInteger(limit) && limit >= 1))
    throw new RangeError(`flowgraph/scoping/paths: limit must be a whole number from 1, got ${limit}`);
  const ends = liftedEnds(graph, nodeOf(graph, fromId, 'paths'), nodeOf(graph, toId, 'paths'));
  const level = levelGraphOf(context, ends.from);
  const { index } = level;
  const source = positionOf(level, ends.from.id, 'paths');
  const target = positionOf(level, ends.to.id, 'paths');
  const rank = idRanks(index);
  const blocked = new Uint8Array(index.ids.length);

  const fromSource = distances(index, source, 'out', blocked);
  const toTarget = distances(index, target, 'in', blocked);
  const shortest = fromSource[target] as number;
  let nodePaths: number[][] = [];
  let shortestCount = 0;
  let truncated = false;
  if (shortest >= 0) {
    shortestCount = countShortest(index, source, target, fromSource, toTarget);
    if (options.all === true) {
      // One path more than asked says whether there are more, for one more round of deviations.
      nodePaths = yen(index, source, target, limit + 1, rank, toTarget);
      truncated = nodePaths.length > limit;
      nodePaths = nodePaths.slice(0, limit);
    } else {
      nodePaths = listShortest(index, source, target, toTarget, rank, limit);
      truncated = shortestCount > nodePaths.length;
    }
  }

  const shown = new Map<number, Placement>();
  const edges = new Set<number>();
  for (const path of nodePaths) {
    path.forEach((at, position) => {
      const side = at === source || at === target ? 'self' : 'path';
      const seen = shown.get(at);
      if (seen === undefined || position < seen.depth) shown.set(at, { side, depth: position });
    });
    for (let i = 0; i + 1 < path.length; i++) for (const e of edgesBetween(index, path[i] as number, path[i + 1] as number)) edges.add(e);
  }
  if (shown.size === 0) {
    shown.set(source, { side: 'self', depth: 0 });
    shown.set(target, { side: 'self', depth: 0 });
  }
  const fromName = ends.from.name || ends.from.id;
  const toName = ends.to.name || ends.to.id;
  const flowName = ends.from.kind === 'step' ? graph.nodes.get(ends.from.flowId)?.name : undefined;
  const diagram = buildDiagram({
    kind: 'path',
    title: `Paths from ${fromName} to ${toName}`,
    fileStem: `path.${nodeSlug(ends.from, flowName)}.to.${nodeSlug(ends.to, flowName)}`,
    level,
    shown,
    edges,
  });
  return {
    ...diagram,
    kind: 'path',
    from: ends.from.id,
    to: ends.to.id,
    mode: options.all === true ? 'simple' : 'shortest',
    shortest: shortest >= 0 ? shortest : null,
    shortestCount,
    paths: nodePaths.map((path) => toFoundPath(level, path)),
    truncated,
  };
}

/** Both steps of one flow stay steps; otherwise a step stands for its flow (the org view's hop). */
function liftedEnds(graph: FlowGraph, from: GraphNode, to: GraphNode): { from: GraphNode; to: GraphNode } {
  if (from.kind === 'step' && to.kind === 'step' && from.flowId === to.flowId) return { from, to };
  const lift = (node: GraphNode): GraphNode => (node.kind === 'step' ? nodeOf(graph, node.flowId, 'paths') : node);
  return { from: lift(from), to: lift(to) };
}

/** Node index -> its position in id order, so comparing paths by ids compares integers. */
function idRanks(index: GraphIndex): Int32Array {
  const order = index.ids.map((_, i) => i).sort((a, b) => compareStrings(index.ids[a] as string, index.ids[b] as string));
  const rank = new Int32Array(order.length);
  order.forEach((node, position) => {
    rank[node] = position;
  });
  return rank;
}

/** BFS distances from `start` along (`out`) or against (`in`) edges, never through blocked nodes; -1 unreached. */
function distances(index: GraphIndex, start: number, direction: 'out' | 'in', blocked: Uint8Array): Int32Array {
  return breadthFirst(index, start, direction, Number.POSITIVE_INFINITY, blocked).depth;
}

/**
 * Distinct next nodes of `u` on a shortest path to the node `toTarget` measures, in id order.
 * Sorted, then repeats (parallel edges) dropped: O(d log d) even for a hub with thousands of edges.
 */
function nextOnShortest(index: GraphIndex, u: number, toTarget: Int32Array, rank: Int32Array, blocked?: Uint8Array): number[] {
  const want = (toTarget[u] as number) - 1;
  const next: number[] = [];
  for (let slot = index.outOffsets[u] as number; slot < (index.outOffsets[u + 1] as number); slot++) {
    const v = index.outTargets[slot] as number;
    if (toTarget[v] === want && blocked?.[v] !== 1) next.push(v);
  }
  next.sort((a, b) => (rank[a] as number) - (rank[b] as number));
  return next.filter((v, i) => i === 0 || next[i - 1] !== v);
}

/** Shortest paths counted over the shortest-path DAG in BFS order. */
function countShortest(index: GraphIndex, source: number, target: number, fromSource: Int32Array, toTarget: Int32Array): number {
  const total = fromSource[target] as number;
  const onDag: number[] = [];
  for (let v = 0; v < index.ids.length; v++) {
    const d = fromSource[v] as number;
    if (d >= 0 && (toTarget[v] as number) >= 0 && d + (toTarget[v] as number) === total) onDag.push(v);
  }
  onDag.sort((a, b) => (fromSource[a] as number) - (fromSource[b] as number));
  const ways = new Float64Array(index.ids.length);
  ways[source] = 1;
  for (const u of onDag) {
    const seen = new Set<number>();
    for (let slot = index.outOffsets[u] as number; slot < (index.outOffsets[u + 1] as number); slot++) {
      const v = index.outTargets[slot] as number;
      if (seen.has(v) || fromSource[v] !== (fromSource[u] as number) + 1 || toTarget[v] !== (toTarget[u] as number) - 1) continue;
      seen.add(v);
      ways[v] = (ways[v] as number) + (ways[u] as number);
    }
  }
  return ways[target] as number;
}

/** Up to `limit` shortest paths in id order: a depth-first walk of the shortest-path DAG with an explicit stack. */
function listShortest(
  index: GraphIndex,
  source: number,
  target: number,
  toTarget: Int32Array,
  rank: Int32Array,
  limit: number,
): number[][] {
  const paths: number[][] = [];
  const path: number[] = [source];
  const choices: number[][] = [nextOnShortest(index, source, toTarget, rank)];
  if (source === target) return [[source]];
  while (path.length > 0 && paths.length < limit) {
    const options = choices[choices.length - 1] as number[];
    const next = options.shift();
    if (next === undefined) {
      path.pop();
      choices.pop();
      continue;
    }
    if (next === target) {
      paths.push([...path, next]);
      continue;
    }
    path.push(next);
    choices.push(nextOnShortest(index, next, toTarget, rank));
  }
  return paths;
}

/**
 * The id-order-first shortest path from `spur` to `target` that avoids the blocked nodes, does not
 * come back to `spur`, and does not start with a blocked first hop: distances to `target` with
 * `spur` blocked, the best allowed first hop, then the id-order-first way on.
 */
function spurPath(
  index: GraphIndex,
  spur: number,
  target: number,
  rank: Int32Array,
  blocked: Uint8Array,
  blockedFirstHops: ReadonlySet<number>,
): number[] | undefined {
  blocked[spur] = 1;
  try {
    const toTarget = distances(index, target, 'in', blocked);
    let first: number | undefined;
    for (let slot = index.outOffsets[spur] as number; slot < (index.outOffsets[spur + 1] as number); slot++) {
      const v = index.outTargets[slot] as number;
      if (blockedFirstHops.has(v) || (toTarget[v] as number) < 0) continue;
      if (first === undefined || comparePlaces(v, first, toTarget, rank) < 0) first = v;
    }
    if (first === undefined) return undefined;
    const path = [spur, first];
    for (let at = first; at !== target; ) {
      at = nextOnShortest(index, at, toTarget, rank, blocked)[0] as number;
      path.push(at);
    }
    return path;
  } finally {
    blocked[spur] = 0;
  }
}

/** Closer to the target first, then id order. */
function comparePlaces(a: number, b: number, toTarget: Int32Array, rank: Int32Array): number {
  return (toTarget[a] as number) - (toTarget[b] as number) || (rank[a] as number) - (rank[b] as number);
}

/**
 * Yen's k shortest simple paths (Yen 1971) on unit lengths. Each new path deviates from a listed one
 * at a spur node: the root before it is kept, its nodes are blocked (so the path stays simple), and
 * the next hops the listed paths with that root take are blocked; the rest is the id-order-first
 * shortest path from the spur. The best candidate (length, then ids) is listed next.
 */
function yen(index: GraphIndex, source: number, target: number, limit: number, rank: Int32Array, toTarget: Int32Array): number[][] {
  if (source === target) return [[source]];
  const first = listShortest(index, source, target, toTarget, rank, 1)[0];
  if (first === undefined) return [];
  const listed: number[][] = [first];
  const listedKeys = new Set([first.join(',')]);
  const candidates = new Map<string, number[]>();
  const blocked = new Uint8Array(index.ids.length);
  while (listed.length < limit) {
    const last = listed[listed.length - 1] as number[];
    for (let i = 0; i + 1 < last.length; i++) {
      const spur = last[i] as number;
      const root = last.slice(0, i + 1);
      const blockedFirstHops = new Set<number>();
      for (const path of listed) if (path.length > i + 1 && samePrefix(path, root)) blockedFirstHops.add(path[i + 1] as number);
      for (let r = 0; r < i; r++) blocked[root[r] as number] = 1;
      const deviation = spurPath(index, spur, target, rank, blocked, blockedFirstHops);
      for (let r = 0; r < i; r++) blocked[root[r] as number] = 0;
      if (deviation === undefined) continue;
      const path = [...root.slice(0, -1), ...deviation];
      const key = path.join(',');
      if (!listedKeys.has(key)) candidates.set(key, path);
    }
    let best: [string, number[]] | undefined;
    for (const entry of candidates) if (best === undefined || comparePaths(entry[1], best[1], rank) < 0) best = entry;
    if (best === undefined) break;
    candidates.delete(best[0]);
    listedKeys.add(best[0]);
    listed.push(best[1]);
  }
  return listed;
}

function samePrefix(path: readonly number[], root: readonly number[]): boolean {
  for (let i = 0; i < root.length; i++) if (path[i] !== root[i]) return false;
  return true;
}

function comparePaths(a: readonly number[], b: readonly number[], rank: Int32Array): number {
  if (a.length !== b.length) return a.length - b.length;
  for (let i = 0; i < a.length; i++) {
    const order = (rank[a[i] as number] as number) - (rank[b[i] as number] as number);
    if (order !== 0) return order;
  }
  return 0;
}

/** Every edge u -> v (a step graph may have several: two outputs to one step). */
function edgesBetween(index: GraphIndex, u: number, v: number): number[] {
  const found: number[] = [];
  for (let slot = index.outOffsets[u] as number; slot < (index.outOffsets[u + 1] as number); slot++) {
    if (index.outTargets[slot] === v) found.push(index.outEdges[slot] as number);
  }
  return found;
}

function toFoundPath(level: LevelGraph, path: readonly number[]): FoundPath {
  const { index } = level;
  const hops: PathHop[] = [];
  for (let i = 0; i + 1 < path.length; i++) {
    const u = path[i] as number;
    const v = path[i + 1] as number;
    const edges = edgesBetween(index, u, v).map((e) => level.graph.edges[e] as GraphEdge);
    const hop: PathHop = { source: index.ids[u] as string, target: index.ids[v] as string, kind: (edges[0] as GraphEdge).kind };
    const via = distinctJoined(edges.map((edge) => edge.via));
    const label = distinctJoined(edges.map((edge) => edge.label));
    if (via !== undefined) hop.via = via;
    if (label !== undefined) hop.label = label;
    hops.push(hop);
  }
  return { nodes: path.map((at) => index.ids[at] as string), hops };
}

function distinctJoined(values: readonly (string | undefined)[]): string | undefined {
  const distinct = [...new Set(values.filter((value): value is string => value !== undefined && value !== ''))];
  return distinct.length === 0 ? undefined : distinct.join(', ');
}

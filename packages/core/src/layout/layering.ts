import { stronglyConnectedComponents } from '../analysis/strongly-connected.js';
import type { IndexedGraph } from './indexed-graph.js';

/** Cycles up to this many members share one layer, side by side; larger ones span layers. */
const SIDE_BY_SIDE_LIMIT = 12;

export interface Layering {
  layer: Int32Array;
  /** Users before what they use (back edges aside). */
  topoOrder: Int32Array;
  /** Node -> its cycle's number when the cycle is drawn side by side in one layer, else -1. */
  blockOf: Int32Array;
}

/**
 * Layers, left to right, so that every edge that is not a back edge points right and the members
 * of one strongly connected component (a cycle) stay together: a plain longest-path layering
 * lets an outside user drag one member far right and the cycle then spans the page.
 *
 * A small component shares one layer (its members are then kept adjacent by the ordering, see
 * `blockOf`); a large one is laid out on its own first (longest path over its inner, non-back
 * edges: `local`). Then the components are layered as one node each, in Tarjan's order
 * (everything a component reaches has a smaller number): a dependency starts right of the
 * deepest member that uses it. Then each pure source (a node nobody uses) is pulled right next to
 * its nearest dependency, so entry flows don't all pile up in layer 0 with long edges behind
 * them. O(V + E).
 */
export function assignLayers(graph: IndexedGraph, back: Uint8Array): Layering {
  const n = graph.ids.length;
  const { to, outOffsets, outEdges } = graph;
  const topoOrder = topologicalOrder(graph, back);
  const { componentOf, count, offsets, members } = stronglyConnectedComponents(graph);

  const blockOf = new Int32Array(n).fill(-1);
  for (let c = 0; c < count; c++) {
    const size = offsets[c + 1]! - offsets[c]!;
    if (size < 2 || size > SIDE_BY_SIDE_LIMIT) continue;
    for (let m = offsets[c]!; m < offsets[c + 1]!; m++) blockOf[members[m]!] = c;
  }
  const local = new Int32Array(n);
  for (const v of topoOrder) {
    if (blockOf[v] !== -1) continue;
    for (let slot = outOffsets[v]!; slot < outOffsets[v + 1]!; slot++) {
      const e = outEdges[slot]!;
      const w = to[e]!;
      if (!back[e] && componentOf[w] === componentOf[v] && local[v]! + 1 > local[w]!) local[w] = local[v]! + 1;
    }
  }

  const start = new Int32Array(count);
  for (let c = count - 1; c >= 0; c--) {
    for (let m = offsets[c]!; m < offsets[c + 1]!; m++) {
      const v = members[m]!;
      for (let slot = outOffsets[v]!; slot < outOffsets[v + 1]!; slot++) {
        const w = to[outEdges[slot]!]!;
        const d = componentOf[w]!;
        if (d === c) continue;
        const needed = start[c]! + local[v]! + 1 - local[w]!;
        if (needed > start[d]!) start[d] = needed;
      }
    }
  }

  const layer = new Int32Array(n);
  for (let v = 0; v < n; v++) layer[v] = start[componentOf[v]!]! + local[v]!;
  pullSourcesRight(graph, back, layer);
  return { layer, topoOrder, blockOf };
}

/** Kahn's algorithm over the edges that are not back edges: users before what they use. */
function topologicalOrder(graph: IndexedGraph, back: Uint8Array): Int32Array {
  const n = graph.ids.length;
  const { from, to, outOffsets, outEdges } = graph;
  const indegree = new Int32Array(n);
  for (let e = 0; e < from.length; e++) if (!back[e]) indegree[to[e]!]! += 1;
  const order = new Int32Array(n);
  let head = 0;
  let tail = 0;
  for (let v = 0; v < n; v++) if (indegree[v] === 0) order[tail++] = v;
  while (head < tail) {
    const v = order[head++]!;
    for (let slot = outOffsets[v]!; slot < outOffsets[v + 1]!; slot++) {
      const e = outEdges[slot]!;
      if (back[e]) continue;
      const w = to[e]!;
      indegree[w]! -= 1;
      if (indegree[w] === 0) order[tail++] = w;
    }
  }
  return order;
}

function pullSourcesRight(graph: IndexedGraph, back: Uint8Array, layer: Int32Array): void {
  const { from, to, outOffsets, outEdges } = graph;
  const hasUser = new Uint8Array(graph.ids.length);
  for (let e = 0; e < from.length; e++) hasUser[to[e]!] = 1;
  for (let v = 0; v < graph.ids.length; v++) {
    if (hasUser[v]) continue;
    let nearest = Number.POSITIVE_INFINITY;
    for (let slot = outOffsets[v]!; slot < outOffsets[v + 1]!; slot++) {
      const e = outEdges[slot]!;
      if (!back[e]) nearest = Math.min(nearest, layer[to[e]!]!);
    }
    if (Number.isFinite(nearest)) layer[v] = nearest - 1;
  }
}

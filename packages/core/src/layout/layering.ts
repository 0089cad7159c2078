import type { IndexedGraph } from './indexed-graph.js';

/**
 * Longest-path layering over the edges that are not back edges: a node sits one layer right of
 * its deepest user, so every kept edge points left to right. Kahn's algorithm, linear time.
 * Then each pure source (a node nobody uses) is pulled right next to its nearest dependency,
 * so entry flows don't all pile up in layer 0 with long edges behind them.
 */
export function assignLayers(graph: IndexedGraph, back: Uint8Array): { layer: Int32Array; topoOrder: Int32Array } {
  const n = graph.ids.length;
  const { from, to, outStart, outEdges } = graph;
  const indegree = new Int32Array(n);
  for (let e = 0; e < from.length; e++) if (!back[e]) indegree[to[e]!]! += 1;
  const layer = new Int32Array(n);
  const topoOrder = new Int32Array(n);
  let head = 0;
  let tail = 0;
  for (let v = 0; v < n; v++) if (indegree[v] === 0) topoOrder[tail++] = v;
  while (head < tail) {
    const v = topoOrder[head++]!;
    for (let i = outStart[v]!; i < outStart[v + 1]!; i++) {
      const e = outEdges[i]!;
      if (back[e]) continue;
      const w = to[e]!;
      if (layer[v]! + 1 > layer[w]!) layer[w] = layer[v]! + 1;
      indegree[w]! -= 1;
      if (indegree[w] === 0) topoOrder[tail++] = w;
    }
  }
  pullSourcesRight(graph, back, layer);
  return { layer, topoOrder };
}

function pullSourcesRight(graph: IndexedGraph, back: Uint8Array, layer: Int32Array): void {
  const { from, to, outStart, outEdges } = graph;
  const hasUser = new Uint8Array(graph.ids.length);
  for (let e = 0; e < from.length; e++) hasUser[to[e]!] = 1;
  for (let v = 0; v < graph.ids.length; v++) {
    if (hasUser[v]) continue;
    let nearest = Number.POSITIVE_INFINITY;
    for (let i = outStart[v]!; i < outStart[v + 1]!; i++) {
      const e = outEdges[i]!;
      if (!back[e]) nearest = Math.min(nearest, layer[to[e]!]!);
    }
    if (Number.isFinite(nearest)) layer[v] = nearest - 1;
  }
}

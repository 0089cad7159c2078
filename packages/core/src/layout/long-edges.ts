import type { IndexedGraph } from './indexed-graph.js';

/**
 * Long edges split into chains of dummy nodes, one per layer they cross (Sugiyama's classic
 * step): the dummies take part in ordering and get coordinates like nodes, so a long edge is drawn
 * through a free slot of every layer it crosses instead of straight through the nodes there.
 *
 * Dummies are numbered after the real nodes (n, n + 1, ...). Their number can grow with
 * edges x layers, so a budget caps it: the shortest long edges are split first, and edges too long
 * for what is left stay straight. That keeps the layout near linear at 50k nodes.
 */
export interface LongEdges {
  /** Real nodes plus dummies. */
  total: number;
  /** Layer of every node, dummies included. */
  layer: Int32Array;
  /** Undirected neighbours for ordering: a split edge links its chain, not its two ends. */
  neighbours(v: number): readonly number[];
  /** Edge index -> its dummies from source to target: `chain[chainStart[e] .. chainStart[e + 1])`. */
  chainStart: Int32Array;
  chain: Int32Array;
  /** Dummy -> the real node whose edge it belongs to (to know its component). */
  ownerOf(dummy: number): number;
}

export function splitLongEdges(graph: IndexedGraph, back: Uint8Array, layer: Int32Array, budget: number): LongEdges {
  const n = graph.ids.length;
  const { from, to } = graph;
  const m = from.length;
  const maxSpan = longestSplitSpan(graph, back, layer, budget);
  const chainStart = new Int32Array(m + 1);
  for (let e = 0; e < m; e++) {
    const span = spanOf(e, graph, back, layer);
    chainStart[e + 1] = chainStart[e]! + (span > 1 && span <= maxSpan ? span - 1 : 0);
  }
  const dummies = chainStart[m]!;
  const total = n + dummies;
  const allLayers = new Int32Array(total);
  allLayers.set(layer);
  const chain = new Int32Array(dummies);
  const owner = new Int32Array(dummies);
  const lists: number[][] = Array.from({ length: total }, () => []);
  const link = (a: number, b: number) => {
    lists[a]!.push(b);
    lists[b]!.push(a);
  };
  for (let e = 0; e < m; e++) {
    const s = from[e]!;
    const t = to[e]!;
    const first = chainStart[e]!;
    const last = chainStart[e + 1]!;
    if (first === last) {
      link(s, t);
      continue;
    }
    let previous = s;
    for (let k = first; k < last; k++) {
      const dummy = n + k;
      chain[k] = dummy;
      owner[k] = s;
      allLayers[dummy] = layer[s]! + (k - first) + 1;
      link(previous, dummy);
      previous = dummy;
    }
    link(previous, t);
  }
  return {
    total,
    layer: allLayers,
    neighbours: (v) => lists[v]!,
    chainStart,
    chain,
    ownerOf: (dummy) => owner[dummy - n]!,
  };
}

/** Layers an edge crosses; back edges (inside a cycle, drawn right to left) are never split. */
function spanOf(e: number, graph: IndexedGraph, back: Uint8Array, layer: Int32Array): number {
  return back[e] ? 0 : layer[graph.to[e]!]! - layer[graph.from[e]!]!;
}

/** The longest span whose edges, with all shorter ones, fit the dummy budget. */
function longestSplitSpan(graph: IndexedGraph, back: Uint8Array, layer: Int32Array, budget: number): number {
  const edgesBySpan: number[] = [];
  for (let e = 0; e < graph.from.length; e++) {
    const span = spanOf(e, graph, back, layer);
    if (span > 1) edgesBySpan[span] = (edgesBySpan[span] ?? 0) + 1;
  }
  let used = 0;
  for (let span = 2; span < edgesBySpan.length; span++) {
    used += (edgesBySpan[span] ?? 0) * (span - 1);
    if (used > budget) return span - 1;
  }
  return edgesBySpan.length;
}

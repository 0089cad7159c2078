import type { LayoutGraph } from './types.js';

/**
 * The graph over integers 0..n-1 in compressed adjacency (CSR) form, built once per layout.
 * Duplicate edges, self loops and edges naming unknown nodes are dropped: none of them change a layout.
 */
export interface IndexedGraph {
  ids: string[];
  /** Edge list as parallel arrays, in input order. */
  from: Int32Array;
  to: Int32Array;
  /** Outgoing edge indices of node v: outEdges[outStart[v] .. outStart[v + 1]). */
  outStart: Int32Array;
  outEdges: Int32Array;
}

export function indexGraph(graph: LayoutGraph): IndexedGraph {
  const ids: string[] = [];
  const index = new Map<string, number>();
  for (const node of graph.nodes) {
    if (!index.has(node.id)) {
      index.set(node.id, ids.length);
      ids.push(node.id);
    }
  }
  const seen = new Set<string>();
  const fromList: number[] = [];
  const toList: number[] = [];
  for (const edge of graph.edges) {
    const s = index.get(edge.source);
    const t = index.get(edge.target);
    if (s === undefined || t === undefined || s === t) continue;
    const key = `${s} ${t}`;
    if (seen.has(key)) continue;
    seen.add(key);
    fromList.push(s);
    toList.push(t);
  }
  const from = Int32Array.from(fromList);
  const to = Int32Array.from(toList);
  const n = ids.length;
  const outStart = new Int32Array(n + 1);
  for (const s of from) outStart[s + 1]! += 1;
  for (let v = 0; v < n; v++) outStart[v + 1]! += outStart[v]!;
  const fill = outStart.slice(0, n);
  const outEdges = new Int32Array(from.length);
  for (let e = 0; e < from.length; e++) outEdges[fill[from[e]!]!++] = e;
  return { ids, from, to, outStart, outEdges };
}

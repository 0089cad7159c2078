import { countRows, emptyRows, fillRows } from '../analysis/compressed-rows.js';
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
  /**
   * Out-edges of node v sit in slots outOffsets[v] .. outOffsets[v + 1]: `outEdges[slot]` is the
   * edge index, `outTargets[slot]` its target (the shape analysis reads, see GraphIndex).
   */
  outOffsets: Int32Array;
  outEdges: Int32Array;
  outTargets: Int32Array;
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
  const m = from.length;
  // The analysis index's fill; the in-rows it also fills are left unread (a layout graph is small).
  const rows = emptyRows(n, m);
  countRows(rows, n, m, from, to);
  fillRows(rows, n, m, from, to, undefined, 0, new Int32Array(n), new Int32Array(n));
  return { ids, from, to, outOffsets: rows.outOffsets, outEdges: rows.outEdges, outTargets: rows.outTargets };
}

import type { IndexedGraph } from './indexed-graph.js';

/**
 * Marks DFS back edges (an edge to a node still on the DFS stack) so the rest is acyclic.
 * A back edge always lies inside a strongly connected component, so every edge between two
 * components keeps its direction. Iterative DFS in node order: deterministic, no stack overflow.
 */
export function findBackEdges(graph: IndexedGraph): Uint8Array {
  const n = graph.ids.length;
  const { outOffsets, outEdges, to } = graph;
  const back = new Uint8Array(graph.from.length);
  // 0 = unvisited, 1 = on the stack, 2 = finished
  const state = new Uint8Array(n);
  const stack = new Int32Array(n);
  const cursor = new Int32Array(n);
  for (let root = 0; root < n; root++) {
    if (state[root] !== 0) continue;
    let top = 0;
    stack[0] = root;
    state[root] = 1;
    cursor[root] = outOffsets[root]!;
    while (top >= 0) {
      const v = stack[top]!;
      if (cursor[v]! < outOffsets[v + 1]!) {
        const e = outEdges[cursor[v]!]!;
        cursor[v]! += 1;
        const w = to[e]!;
        if (state[w] === 1) back[e] = 1;
        else if (state[w] === 0) {
          state[w] = 1;
          cursor[w] = outOffsets[w]!;
          stack[++top] = w;
        }
      } else {
        state[v] = 2;
        top--;
      }
    }
  }
  return back;
}

import type { IndexedGraph } from './indexed-graph.js';

/**
 * Weakly connected components with union-find (path halving, union by size).
 * Components come back largest first, ties broken by their first node, each listing its nodes in
 * `order` (a topological order), so the layout is the same for the same input.
 */
export function weakComponents(graph: IndexedGraph, order: Int32Array): number[][] {
  const n = graph.ids.length;
  const parent = new Int32Array(n);
  const size = new Int32Array(n).fill(1);
  for (let v = 0; v < n; v++) parent[v] = v;
  const find = (v: number): number => {
    let x = v;
    while (parent[x] !== x) {
      parent[x] = parent[parent[x]!]!;
      x = parent[x]!;
    }
    return x;
  };
  for (let e = 0; e < graph.from.length; e++) {
    let a = find(graph.from[e]!);
    let b = find(graph.to[e]!);
    if (a === b) continue;
    if (size[a]! < size[b]! || (size[a] === size[b] && b < a)) [a, b] = [b, a];
    parent[b] = a;
    size[a]! += size[b]!;
  }
  const byRoot = new Map<number, number[]>();
  for (const v of order) {
    const root = find(v);
    const members = byRoot.get(root);
    if (members) members.push(v);
    else byRoot.set(root, [v]);
  }
  const firstIndex = (members: number[]) => members.reduce((min, v) => Math.min(min, v), n);
  return [...byRoot.values()].sort((a, b) => b.length - a.length || firstIndex(a) - firstIndex(b));
}

/**
 * layeredLayout (core) on org-shaped random graphs: the SPA gets its positions from it, and
 * Cytoscape's own layered layouts take seconds at 1k nodes (../shared/docs/toolchain.md).
 */
import { layeredLayout } from '@flowgraph/core';
import { createRandom } from '@flowgraph/simulator';

const LAYOUT_SIZES = [1_000, 5_000, 20_000, 50_000];

export interface LayoutRun {
  nodes: number;
  edges: number;
  ms: number;
}

/** Mostly "lower index uses higher index", with a few edges back to make cycles, 1.5 edges per node. */
function orgLikeGraph(n: number, seed: number) {
  const { next } = createRandom(seed);
  const nodes = Array.from({ length: n }, (_, i) => ({ id: `n${i}` }));
  const edges: { source: string; target: string }[] = [];
  for (let i = 0; i < n * 1.5; i++) {
    const a = Math.floor(next() * n);
    const b = next() < 0.97 ? a + 1 + Math.floor(next() * Math.min(50, n)) : Math.floor(next() * n);
    if (b < n) edges.push({ source: `n${a}`, target: `n${b}` });
  }
  return { nodes, edges };
}

export function runLayoutBench(sizes = LAYOUT_SIZES): LayoutRun[] {
  return sizes.map((n) => {
    const graph = orgLikeGraph(n, 1);
    layeredLayout(graph); // warm-up, so the JIT is not measured
    const runs = 3;
    const start = performance.now();
    for (let i = 0; i < runs; i++) layeredLayout(graph);
    return { nodes: n, edges: graph.edges.length, ms: (performance.now() - start) / runs };
  });
}

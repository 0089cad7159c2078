/**
 * Benchmark (prints figures, asserts nothing): layeredLayout on org-shaped random graphs.
 * Run: node --conditions=@flowgraph/source --import tsx packages/core/test/layout/layout-bench.ts
 */
import { layeredLayout } from '../../src/layout/index.js';

/** Deterministic pseudo-random numbers (mulberry32), so every run measures the same graphs. */
function random(seed: number): () => number {
  let a = seed;
  return () => {
    a = (a + 0x6d2b79f5) | 0;
    let t = Math.imul(a ^ (a >>> 15), 1 | a);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

export function orgLikeGraph(n: number, seed = 1) {
  const next = random(seed);
  const nodes = Array.from({ length: n }, (_, i) => ({ id: `n${i}` }));
  const edges: { source: string; target: string }[] = [];
  for (let i = 0; i < n * 1.5; i++) {
    const a = Math.floor(next() * n);
    // Mostly "lower index uses higher index", with a few edges back to make cycles.
    const b = next() < 0.97 ? a + 1 + Math.floor(next() * Math.min(50, n)) : Math.floor(next() * n);
    if (b < n) edges.push({ source: `n${a}`, target: `n${b}` });
  }
  return { nodes, edges };
}

export function benchLayout(sizes = [1_000, 5_000, 20_000, 50_000]): string[] {
  const lines: string[] = [];
  for (const n of sizes) {
    const graph = orgLikeGraph(n);
    layeredLayout(graph); // warm-up: JIT
    const runs = 3;
    const start = performance.now();
    for (let i = 0; i < runs; i++) layeredLayout(graph);
    const ms = (performance.now() - start) / runs;
    lines.push(`layeredLayout ${n} nodes, ${graph.edges.length} edges: ${ms.toFixed(1)} ms`);
  }
  return lines;
}

if (import.meta.url === `file://${process.argv[1]}`) for (const line of benchLayout()) console.log(line);

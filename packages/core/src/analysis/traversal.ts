import type { GraphIndex } from './graph-index.js';

export type TraversalDirection = 'out' | 'in';

export interface BfsResult {
  /** Reached nodes in visiting order (start first), so depths never decrease along it. */
  order: Int32Array;
  /** Node -> distance from start, -1 when not reached. */
  depth: Int32Array;
  /** Node -> the neighbour one hop closer to start, -1 for start and unreached nodes. */
  parent: Int32Array;
}

/**
 * Breadth-first search from one node along out-edges (`out`) or against them (`in`), stopping
 * descent at `maxDepth` (graphology `traversal/bfs` with `mode` and depth), never entering a node
 * `blocked` marks with 1. Iterative, O(V + E).
 */
export function breadthFirst(
  index: GraphIndex,
  start: number,
  direction: TraversalDirection,
  maxDepth = Number.POSITIVE_INFINITY,
  blocked?: Uint8Array,
): BfsResult {
  const n = index.kinds.length;
  const offsets = direction === 'out' ? index.outOffsets : index.inOffsets;
  const neighbours = direction === 'out' ? index.outTargets : index.inSources;
  const depth = new Int32Array(n).fill(-1);
  const parent = new Int32Array(n).fill(-1);
  const queue = new Int32Array(n);
  depth[start] = 0;
  queue[0] = start;
  let head = 0;
  let tail = 1;
  while (head < tail) {
    const u = queue[head++] as number;
    const du = depth[u] as number;
    if (du >= maxDepth) continue;
    for (let slot = offsets[u] as number; slot < (offsets[u + 1] as number); slot++) {
      const w = neighbours[slot] as number;
      if (depth[w] !== -1 || blocked?.[w] === 1) continue;
      depth[w] = du + 1;
      parent[w] = u;
      queue[tail++] = w;
    }
  }
  return { order: queue.subarray(0, tail), depth, parent };
}

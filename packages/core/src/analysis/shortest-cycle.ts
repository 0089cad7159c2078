import type { GraphIndex } from './graph-index.js';

/** What the cycle path search reads of a graph: its out- and in-rows (a GraphIndex has them). */
export type Rows = Pick<GraphIndex, 'outOffsets' | 'outTargets' | 'inOffsets' | 'inSources'>;

/** A closed walk: `nodes[0] === nodes[nodes.length - 1]`, each hop `nodes[i] -> nodes[i + 1]` an edge; `nodes.length - 1` hops long. */
export interface CycleWalk {
  nodes: number[];
}

/** Reusable BFS buffers, one set per analysis run instead of one per component. */
export interface BfsScratch {
  stamp: Int32Array;
  dist: Int32Array;
  parentNode: Int32Array;
  queue: Int32Array;
  run: number;
}

export function createBfsScratch(nodeCount: number): BfsScratch {
  return {
    stamp: new Int32Array(nodeCount),
    dist: new Int32Array(nodeCount),
    parentNode: new Int32Array(nodeCount),
    queue: new Int32Array(nodeCount),
    run: 0,
  };
}

/** One component of a graph: the nodes with `componentOf[node] === component`, and the edges between them. */
export interface ComponentScope {
  componentOf: Int32Array;
  component: number;
}

/**
 * The shortest cycle through `start` inside one component, or undefined when it is longer than
 * `bound - 1`. A BFS from `start` over the component's edges: the first edge found back into
 * `start` closes a shortest cycle, because BFS meets nodes in order of distance. O(V_c + E_c).
 */
export function shortestCycleThrough(
  graph: Rows,
  scope: ComponentScope,
  start: number,
  bound: number,
  scratch: BfsScratch,
): CycleWalk | undefined {
  const { outOffsets, outTargets } = graph;
  const { componentOf, component } = scope;
  const { stamp, dist, parentNode, queue } = scratch;
  const run = ++scratch.run;
  stamp[start] = run;
  dist[start] = 0;
  queue[0] = start;
  let head = 0;
  let tail = 1;
  while (head < tail) {
    const u = queue[head++] as number;
    const du = dist[u] as number;
    // Every cycle closed from here on is at least du + 1 long: no better than what we have.
    if (du + 1 >= bound) return undefined;
    for (let slot = outOffsets[u] as number; slot < (outOffsets[u + 1] as number); slot++) {
      const w = outTargets[slot] as number;
      if (componentOf[w] !== component) continue;
      if (w === start) return walkBack(start, u, scratch);
      if (stamp[w] === run) continue;
      stamp[w] = run;
      dist[w] = du + 1;
      parentNode[w] = u;
      queue[tail++] = w;
    }
  }
  return undefined;
}

/** Rebuilds start -> ... -> last -> start from the BFS parent pointers. */
function walkBack(start: number, last: number, scratch: BfsScratch): CycleWalk {
  const nodes: number[] = [start];
  for (let node = last; node !== start; node = scratch.parentNode[node] as number) nodes.push(node);
  nodes.push(start);
  nodes.reverse();
  return { nodes };
}

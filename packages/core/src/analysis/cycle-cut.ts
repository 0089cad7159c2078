import type { ComponentScope, CycleWalk, Rows } from './shortest-cycle.js';

/**
 * Which hop of a cycle path to suggest cutting. A hop u -> v where u has only one way on inside
 * the component (or v only one way in) lies on every cycle through u (or v), so removing it breaks
 * all of them; the fewer alternatives, the more it breaks. So the hop with the smallest
 * min(out-degree of u, in-degree of v) inside the component wins; ties go to the hop latest on
 * the path, which for a path starting at its smallest-id member is the edge back into it.
 * Returns the position of the hop (hop `i` goes from `walk.nodes[i]`). O(sum of the path nodes' degrees).
 */
export function chooseCut(graph: Rows, scope: ComponentScope, walk: CycleWalk): number {
  let best = -1;
  let bestScore = Number.POSITIVE_INFINITY;
  for (let hop = walk.nodes.length - 2; hop >= 0; hop--) {
    const source = walk.nodes[hop] as number;
    const target = walk.nodes[hop + 1] as number;
    const score = Math.min(degreeInside(graph, scope, source, 'out'), degreeInside(graph, scope, target, 'in'));
    if (score < bestScore) {
      bestScore = score;
      best = hop;
    }
  }
  return best;
}

function degreeInside(graph: Rows, scope: ComponentScope, node: number, direction: 'out' | 'in'): number {
  const offsets = direction === 'out' ? graph.outOffsets : graph.inOffsets;
  const neighbours = direction === 'out' ? graph.outTargets : graph.inSources;
  let degree = 0;
  for (let slot = offsets[node] as number; slot < (offsets[node + 1] as number); slot++) {
    if (scope.componentOf[neighbours[slot] as number] === scope.component) degree++;
  }
  return degree;
}

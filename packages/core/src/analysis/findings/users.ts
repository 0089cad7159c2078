import type { NodeLookup, GraphEdge } from '../../model/graph.js';
import { compareStrings } from '../../util/compare.js';

/**
 * Who uses each node, read at the org level: a step's `uses` counts for its flow, because a
 * person fixes references flow by flow. Sorted ids, duplicates removed. O(E log E) at worst.
 */
export function usersByTarget(nodes: NodeLookup, usesEdges: readonly GraphEdge[]): Map<string, string[]> {
  const users = new Map<string, Set<string>>();
  for (const edge of usesEdges) {
    const user = orgLevelId(nodes, edge.source);
    if (user === undefined) continue;
    let set = users.get(edge.target);
    if (set === undefined) {
      set = new Set();
      users.set(edge.target, set);
    }
    set.add(user);
  }
  return new Map([...users].map(([target, set]) => [target, [...set].sort(compareStrings)]));
}

/** The node as the org graph shows it: a step stands for its flow; flows and resources for themselves. */
export function orgLevelId(nodes: NodeLookup, id: string): string | undefined {
  const node = nodes.get(id);
  if (node === undefined) return undefined;
  return node.kind === 'step' ? node.flowId : id;
}

import { compareStrings } from '../util/compare.js';
import type { GraphIndex } from '../analysis/graph-index.js';
import type { GraphNode } from '../model/graph.js';
import { countDrawn, type GroupTarget, type Placement } from './diagram.js';
import { READABLE_NODE_LIMIT, type ScopeGrouping } from './scope.js';

export interface Grouped {
  /** The given groups plus the new ones, member node index -> group node. */
  groups: Map<number, GroupTarget>;
  /** Nodes drawn once grouped. */
  nodeCount: number;
}

/**
 * Folds nodes of one kind and type at one side and depth (`12 × COMMONMODULE` two hops
 * downstream) into one counted node, largest bucket first, until at most `limit` nodes are drawn:
 * the biggest crowds go first, so as many single nodes as possible keep their own label. Nodes
 * `keep` names (the focus, a cycle's members) and nodes already grouped stay as they are. O(V log V) of the shown nodes.
 */
export function groupLargestBuckets(
  index: GraphIndex,
  shown: ReadonlyMap<number, Placement>,
  existing: ReadonlyMap<number, GroupTarget>,
  keep: (node: number) => boolean,
  limit: number,
): Grouped {
  const buckets = new Map<string, { target: GroupTarget; members: number[] }>();
  for (const [at, placement] of shown) {
    if (keep(at) || existing.has(at)) continue;
    const node = index.nodes[at] as GraphNode;
    const key = `${placement.side}:${placement.depth}:${node.kind}:${node.type}`;
    const bucket = buckets.get(key);
    if (bucket === undefined)
      buckets.set(key, { target: { id: `group:${key}`, kind: node.kind, type: node.type, name: '' }, members: [at] });
    else bucket.members.push(at);
  }
  const groups = new Map(existing);
  let nodeCount = countDrawn(shown, existing);
  const largestFirst = [...buckets.values()].sort(
    (a, b) => b.members.length - a.members.length || compareStrings(a.target.id, b.target.id),
  );
  for (const { target, members } of largestFirst) {
    if (nodeCount <= limit || members.length < 2) break;
    target.name = `${members.length} × ${target.type}`;
    for (const member of members) groups.set(member, target);
    nodeCount -= members.length - 1;
  }
  return { groups, nodeCount };
}

/**
 * The groups a scope is drawn with and what it tells about grouping: above 150 nodes grouping is
 * offered (with the node count it would give) and applied when `wanted`.
 */
export function offerGrouping(
  index: GraphIndex,
  shown: ReadonlyMap<number, Placement>,
  groups: ReadonlyMap<number, GroupTarget>,
  keep: (node: number) => boolean,
  wanted: boolean,
): { groups: ReadonlyMap<number, GroupTarget>; grouping: ScopeGrouping } {
  const drawn = countDrawn(shown, groups);
  if (drawn <= READABLE_NODE_LIMIT) {
    return { groups, grouping: { offered: false, applied: false, nodeLimit: READABLE_NODE_LIMIT, groupedNodeCount: drawn } };
  }
  const grouped = groupLargestBuckets(index, shown, groups, keep, READABLE_NODE_LIMIT);
  return {
    groups: wanted ? grouped.groups : groups,
    grouping: { offered: true, applied: wanted, nodeLimit: READABLE_NODE_LIMIT, groupedNodeCount: grouped.nodeCount },
  };
}

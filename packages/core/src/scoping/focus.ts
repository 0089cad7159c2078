import { compareStrings } from '../util/compare.js';
import type { AnalysisContext } from '../analysis/context.js';
import { breadthFirst } from '../analysis/traversal.js';
import type { GraphNode, NodeKind } from '../model/graph.js';
import { buildDiagram, type GroupTarget, type Placement } from './diagram.js';
import { nodeSlug } from './file-name.js';
import { offerGrouping } from './grouping.js';
import { levelGraphOf, nodeOf, positionOf } from './level.js';
import type { ScopeDiagram, ScopeGrouping } from './scope.js';

export type FocusDirection = 'up' | 'down' | 'both';

export interface FocusOptions {
  /** Hops each side, 1 or more; unlimited when absent. */
  depth?: number;
  /** `down`: what the node reaches; `up`: what reaches it; default `both`. */
  direction?: FocusDirection;
  /** Node kinds shown (default all). The focused node is always shown. */
  kinds?: readonly NodeKind[];
  /** Resource types shown (default all). */
  resourceTypes?: readonly string[];
  /** Flows only: the same as `kinds: ['flow']` (steps of a step focus stay). */
  flowsOnly?: boolean;
  /** Resource types drawn as one counted node each (`QUEUE` -> "12 queues"). */
  collapse?: readonly string[];
  /** Fold the largest groups of one type at one depth until at most 150 nodes remain. */
  group?: boolean;
}

/** How many nodes of one kind and type a scope leaves out or folds. */
export interface KindTypeCount {
  kind: NodeKind;
  type: string;
  count: number;
}

export interface Focus extends ScopeDiagram {
  kind: 'focus';
  /** The focused node's id. */
  node: string;
  depth: number | 'all';
  direction: FocusDirection;
  /** Nodes reached each side before filters (the focus not counted). */
  reached: { up: number; down: number };
  /** Reached but filtered out by kind, type or flows-only. */
  hidden: KindTypeCount[];
  /** Folded into a collapsed-type node. */
  collapsed: KindTypeCount[];
  grouping: ScopeGrouping;
}

/**
 * A node's neighbourhood: everything within `depth` hops upstream and downstream, filtered, with
 * every edge among what is shown. Hops count in the org projection (flows and resources, a step's
 * uses lifted to its flow), or for a step in its flow's step graph. Filters hide nodes but do not
 * stop the traversal, so depth means the same with or without them. One BFS per side: O(V + E)
 * of the level graph, plus the components that mark cycle edges.
 */
export function focus(context: AnalysisContext, nodeId: string, options: FocusOptions = {}): Focus {
  const { graph } = context;
  const node = nodeOf(graph, nodeId, 'focus');
  const depth = options.depth ?? Number.POSITIVE_INFINITY;
  if (!(depth >= 1)) throw new RangeError(`flowgraph/scoping/focus: depth must be 1 or more, got ${depth}`);
  const direction = options.direction ?? 'both';
  const level = levelGraphOf(context, node);
  const start = positionOf(level, nodeId, 'focus');
  const { index } = level;

  const down = direction === 'up' ? undefined : breadthFirst(index, start, 'out', depth);
  const up = direction === 'down' ? undefined : breadthFirst(index, start, 'in', depth);
  const reached = new Map<number, Placement>([[start, { side: 'self', depth: 0 }]]);
  for (const [bfs, side] of [
    [down, 'down'],
    [up, 'up'],
  ] as const) {
    if (bfs === undefined) continue;
    for (let i = 1; i < bfs.order.length; i++) {
      const at = bfs.order[i] as number;
      const hops = bfs.depth[at] as number;
      const seen = reached.get(at);
      if (seen === undefined) reached.set(at, { side, depth: hops });
      else reached.set(at, { side: 'both', depth: Math.min(seen.depth, hops) });
    }
  }

  const isShown = shownFilter(options);
  const shown = new Map<number, Placement>();
  const hidden = new Counter();
  for (const [at, placement] of reached) {
    const reachedNode = index.nodes[at] as GraphNode;
    if (at === start || isShown(reachedNode)) shown.set(at, placement);
    else hidden.add(reachedNode);
  }

  const groups = new Map<number, GroupTarget>();
  const collapsed = new Counter();
  const collapse = new Set(options.collapse ?? []);
  for (const at of shown.keys()) {
    const shownNode = index.nodes[at] as GraphNode;
    if (at === start || shownNode.kind !== 'resource' || !collapse.has(shownNode.type)) continue;
    groups.set(at, { id: `collapsed:${shownNode.type}`, kind: 'resource', type: shownNode.type, name: `${shownNode.type} (collapsed)` });
    collapsed.add(shownNode);
  }
  nameGroups(groups, collapsed);

  const drawn = offerGrouping(index, shown, groups, (at) => at === start, options.group === true);

  const depthText = depth === Number.POSITIVE_INFINITY ? 'all' : String(depth);
  const hops = depth === 1 ? 'hop' : 'hops';
  const flowName = node.kind === 'step' ? graph.nodes.get(node.flowId)?.name : undefined;
  const diagram = buildDiagram({
    kind: 'focus',
    title: `${node.name || node.id}: ${DIRECTION_TITLE[direction]}, ${depthText === 'all' ? 'all hops' : `${depthText} ${hops}`}`,
    fileStem: `${nodeSlug(node, flowName)}.${direction}-${depthText}`,
    level,
    shown,
    groups: drawn.groups,
    edges: 'induced',
  });
  return {
    ...diagram,
    kind: 'focus',
    node: nodeId,
    depth: depth === Number.POSITIVE_INFINITY ? 'all' : depth,
    direction,
    reached: { up: up === undefined ? 0 : up.order.length - 1, down: down === undefined ? 0 : down.order.length - 1 },
    hidden: hidden.list(),
    collapsed: collapsed.list(),
    grouping: drawn.grouping,
  };
}

const DIRECTION_TITLE: Readonly<Record<FocusDirection, string>> = {
  down: 'downstream',
  up: 'upstream',
  both: 'upstream and downstream',
};

function shownFilter(options: FocusOptions): (node: GraphNode) => boolean {
  const kinds = options.flowsOnly === true ? new Set<NodeKind>(['flow', 'step']) : options.kinds && new Set(options.kinds);
  const types = options.resourceTypes && new Set(options.resourceTypes);
  return (node) =>
    (kinds === undefined || kinds.has(node.kind)) && (types === undefined || node.kind !== 'resource' || types.has(node.type));
}

/** Collapsed-type nodes named by what they hold: `12 × QUEUE`. */
function nameGroups(groups: Map<number, GroupTarget>, counts: Counter): void {
  for (const group of groups.values()) group.name = `${counts.of('resource', group.type)} × ${group.type}`;
}

class Counter {
  readonly #counts = new Map<string, KindTypeCount>();

  add(node: GraphNode): void {
    const key = `${node.kind}\u0000${node.type}`;
    const existing = this.#counts.get(key);
    if (existing === undefined) this.#counts.set(key, { kind: node.kind, type: node.type, count: 1 });
    else existing.count++;
  }

  of(kind: NodeKind, type: string): number {
    return this.#counts.get(`${kind}\u0000${type}`)?.count ?? 0;
  }

  list(): KindTypeCount[] {
    return [...this.#counts.values()].sort((a, b) => compareStrings(a.kind, b.kind) || compareStrings(a.type, b.type));
  }
}

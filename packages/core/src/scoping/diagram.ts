import { compareStrings } from '../util/compare.js';
import type { EdgeRef } from '../contract/analysis.js';
import { stronglyConnectedComponents } from '../analysis/strongly-connected.js';
import { toExportNode } from '../exporters/json.js';
import type { GraphEdge, GraphNode, NodeKind } from '../model/graph.js';
import type { LevelGraph } from './level.js';
import type { ScopeDiagram, ScopeEdge, ScopeKind, ScopeNode, ScopeSide } from './scope.js';

export interface Placement {
  side: ScopeSide;
  depth: number;
}

/** The node a set of nodes is drawn as (a collapsed resource type, a group of one type at one depth). */
export interface GroupTarget {
  id: string;
  kind: NodeKind;
  type: string;
  name: string;
}

export interface DiagramInput {
  kind: ScopeKind;
  title: string;
  fileStem: string;
  level: LevelGraph;
  /** Node index in `level.index` -> where it sits; every node drawn, group members included. */
  shown: ReadonlyMap<number, Placement>;
  /** Member node index -> the group node drawing it. */
  groups?: ReadonlyMap<number, GroupTarget>;
  /** Which edges: every edge among shown nodes (`induced`), or only these indices into `level.graph.edges`. */
  edges: 'induced' | ReadonlySet<number>;
  /** A cycle path (first id repeated last): its hops get `cycleHop`. */
  cyclePath?: readonly string[];
  cut?: EdgeRef;
}

/**
 * The drawable scope: nodes with their placement, edges among them with cycle and cut marks,
 * group members folded into their group node (edges merged, counted; edges inside a group
 * dropped). An edge is `inCycle` when both ends lie in one strongly connected component of the
 * level graph, so a diagram marks every cycle it shows, not only the reported path.
 * O(V + E) of the level graph for the components, plus the shown nodes' edges.
 */
export function buildDiagram(input: DiagramInput): ScopeDiagram {
  const { level, shown, groups } = input;
  const { index } = level;
  const { componentOf } = stronglyConnectedComponents(index);

  const nodes = new Map<string, ScopeNode>();
  const drawnAs = (node: number): string => groups?.get(node)?.id ?? (index.ids[node] as string);
  for (const [node, placement] of shown) {
    const group = groups?.get(node);
    if (group === undefined) {
      nodes.set(index.ids[node] as string, { ...toExportNode(index.nodes[node] as GraphNode), ...placement });
      continue;
    }
    const existing = nodes.get(group.id);
    if (existing === undefined) {
      const members = [index.ids[node] as string];
      nodes.set(group.id, {
        id: group.id,
        kind: group.kind,
        type: group.type,
        name: group.name,
        state: 'unknown',
        ...placement,
        group: { count: 1, members },
      });
    } else {
      existing.group?.members.push(index.ids[node] as string);
      existing.side = mergeSides(existing.side, placement.side);
      existing.depth = Math.min(existing.depth, placement.depth);
    }
  }
  for (const node of nodes.values()) {
    if (node.group === undefined) continue;
    node.group.members.sort(compareStrings);
    node.group.count = node.group.members.length;
  }

  const hops = new Map<string, number>();
  const path = input.cyclePath ?? [];
  for (let i = 0; i + 1 < path.length; i++) hops.set(hopKey(path[i] as string, path[i + 1] as string), i);

  const edges = new Map<string, ScopeEdge>();
  const addEdge = (e: number): void => {
    const u = index.edgeSources[e] as number;
    const v = index.edgeTargets[e] as number;
    if (u < 0 || !shown.has(u) || !shown.has(v)) return;
    const source = drawnAs(u);
    const target = drawnAs(v);
    const grouped = source !== index.ids[u] || target !== index.ids[v];
    if (grouped && source === target) return;
    const edge = level.graph.edges[e] as GraphEdge;
    const key = `${hopKey(source, target)}\u0000${edge.kind}`;
    const existing = edges.get(key);
    if (existing !== undefined) {
      existing.count = (existing.count ?? 1) + 1;
      if (edge.via !== undefined) existing.via = joinVia(existing.via, edge.via);
      if (edge.label !== undefined && edge.label !== '') existing.label = joinVia(existing.label, edge.label);
      return;
    }
    const scoped: ScopeEdge = { source, target, kind: edge.kind };
    if (edge.via !== undefined) scoped.via = edge.via;
    if (edge.label !== undefined) scoped.label = edge.label;
    if (edge.ambiguous === true) scoped.ambiguous = true;
    // Two nodes of one component lie on a common cycle; an edge to itself is one.
    if (componentOf[u] === componentOf[v]) scoped.inCycle = true;
    const hop = grouped ? undefined : hops.get(hopKey(source, target));
    if (hop !== undefined) scoped.cycleHop = hop;
    if (input.cut !== undefined && !grouped && input.cut.source === source && input.cut.target === target) scoped.cut = true;
    edges.set(key, scoped);
  };

  if (input.edges === 'induced') {
    for (const u of shown.keys()) {
      for (let slot = index.outOffsets[u] as number; slot < (index.outOffsets[u + 1] as number); slot++)
        addEdge(index.outEdges[slot] as number);
    }
  } else {
    for (const e of input.edges) addEdge(e);
  }

  const scope: ScopeDiagram = {
    kind: input.kind,
    level: level.level,
    title: input.title,
    fileStem: input.fileStem,
    nodes: [...nodes.values()].sort((a, b) => compareStrings(a.id, b.id)),
    edges: [...edges.values()].sort(
      (a, b) => compareStrings(a.source, b.source) || compareStrings(a.target, b.target) || compareStrings(a.kind, b.kind),
    ),
  };
  if (level.flowId !== undefined) scope.flowId = level.flowId;
  return scope;
}

/** Nodes drawn: the ungrouped ones plus one per group. */
export function countDrawn(shown: ReadonlyMap<number, Placement>, groups: ReadonlyMap<number, GroupTarget>): number {
  const groupIds = new Set<string>();
  let count = 0;
  for (const at of shown.keys()) {
    const group = groups.get(at);
    if (group === undefined) count++;
    else groupIds.add(group.id);
  }
  return count + groupIds.size;
}

function mergeSides(a: ScopeSide, b: ScopeSide): ScopeSide {
  if (a === b) return a;
  if (a === 'self' || b === 'self') return 'self';
  return 'both';
}

/** `a, b` + `b, c` -> `a, b, c`: the distinct actions (or outputs) of merged edges. */
function joinVia(existing: string | undefined, via: string): string {
  if (existing === undefined) return via;
  const parts = existing.split(', ');
  for (const part of via.split(', ')) if (!parts.includes(part)) parts.push(part);
  return parts.join(', ');
}

function hopKey(source: string, target: string): string {
  return `${source}\u0000${target}`;
}

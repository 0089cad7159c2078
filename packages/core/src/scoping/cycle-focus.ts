import { EDGE_KIND, type GraphIndex } from '../analysis/graph-index.js';
import type { AnalysisContext } from '../analysis/context.js';
import type { Cycle, EdgeRef } from '../contract/analysis.js';
import type { GraphEdge, GraphNode } from '../model/graph.js';
import { buildDiagram, type Placement } from './diagram.js';
import { nodeSlug } from './file-name.js';
import { offerGrouping } from './grouping.js';
import { type LevelGraph, levelGraph, positionOf } from './level.js';
import type { ScopeDiagram, ScopeGrouping } from './scope.js';

export interface CycleFocusOptions {
  /** Fold the largest groups of callers or callees of one type until at most 150 nodes remain. */
  group?: boolean;
}

/** The suggested cut with what makes the reference and why this hop. */
export interface CycleCut extends EdgeRef {
  via?: string;
  /** Why this hop, for a person. */
  reason: string;
}

export interface CycleFocus extends ScopeDiagram {
  kind: 'cycle';
  /** The cycle as the analysis reported it. */
  cycle: Cycle;
  cut: CycleCut;
  /** Direct callers and callees outside the cycle. */
  callers: number;
  callees: number;
  grouping: ScopeGrouping;
}

/**
 * One cycle for a review: its members, their direct callers (side `up`) and callees (`down`), every
 * edge among them, the cycle path's hops numbered (`cycleHop`) so the direction can be drawn, and the
 * suggested cut with the reason the analysis chose it. An org cycle is drawn on the org projection,
 * a flow loop on its flow's step graph. O(V + E) of that graph.
 */
export function cycleFocus(context: AnalysisContext, cycle: Cycle, options: CycleFocusOptions = {}): CycleFocus {
  const { graph } = context;
  const level = levelGraph(context, cycle.scope === 'flow' ? cycle.flowId : undefined);
  const { index } = level;
  const members = new Set(cycle.members.map((id) => positionOf(level, id, 'cycleFocus')));
  const shown = new Map<number, Placement>();
  for (const member of members) shown.set(member, { side: 'self', depth: 0 });
  let callers = 0;
  let callees = 0;
  for (const member of members) {
    for (let slot = index.inOffsets[member] as number; slot < (index.inOffsets[member + 1] as number); slot++) {
      const caller = index.inSources[slot] as number;
      if (shown.has(caller)) continue;
      shown.set(caller, { side: 'up', depth: 1 });
      callers++;
    }
  }
  for (const member of members) {
    for (let slot = index.outOffsets[member] as number; slot < (index.outOffsets[member + 1] as number); slot++) {
      const callee = index.outTargets[slot] as number;
      if (shown.has(callee)) continue;
      shown.set(callee, { side: 'down', depth: 1 });
      callees++;
    }
  }

  const drawn = offerGrouping(index, shown, new Map(), (at) => members.has(at), options.group === true);
  const first = graph.nodes.get(cycle.path[0] ?? '') ?? (index.nodes[[...members][0] as number] as GraphNode);
  const flowName = cycle.flowId === undefined ? undefined : graph.nodes.get(cycle.flowId)?.name;
  const nameOf = (id: string): string => {
    const node = graph.nodes.get(id);
    return node === undefined || node.name === '' ? id : node.name;
  };
  const diagram = buildDiagram({
    kind: 'cycle',
    title: `${cycle.scope === 'flow' ? `Loop in ${flowName ?? cycle.flowId}` : 'Cycle'}: ${cycle.path.map(nameOf).join(' → ')}`,
    fileStem: `cycle.${nodeSlug(first, flowName)}`,
    level,
    shown,
    groups: drawn.groups,
    edges: 'induced',
    cyclePath: cycle.path,
    cut: cycle.cut,
  });
  return {
    ...diagram,
    kind: 'cycle',
    cycle,
    cut: explainCut(level, cycle, members, nameOf),
    callers,
    callees,
    grouping: drawn.grouping,
  };
}

/**
 * The analysis cuts the hop with the fewest alternatives inside the cycle (docs/analysis.md): a hop
 * out of a member with no other way on, or into a member with no other way in, lies on every cycle
 * through that member. The reason says which case it is, with the counts.
 */
function explainCut(level: LevelGraph, cycle: Cycle, members: ReadonlySet<number>, nameOf: (id: string) => string): CycleCut {
  const { index } = level;
  const source = positionOf(level, cycle.cut.source, 'cycleFocus');
  const target = positionOf(level, cycle.cut.target, 'cycleFocus');
  // Flow loops are made of transitions only (the analysis' mask); org cycles of uses.
  const kind = level.level === 'steps' ? EDGE_KIND.transition : undefined;
  const waysOn = degreeAmong(index, source, members, 'out', kind);
  const waysIn = degreeAmong(index, target, members, 'in', kind);
  const edges: GraphEdge[] = [];
  for (let slot = index.outOffsets[source] as number; slot < (index.outOffsets[source + 1] as number); slot++) {
    if (index.outTargets[slot] === target) edges.push(level.graph.edges[index.outEdges[slot] as number] as GraphEdge);
  }
  const via = [
    ...new Set(edges.map((edge) => edge.via ?? edge.label).filter((text): text is string => text !== undefined && text !== '')),
  ].join(', ');
  const from = nameOf(cycle.cut.source);
  const to = nameOf(cycle.cut.target);
  const hop = `${from} → ${to}${via === '' ? '' : ` (${via})`}`;
  let reason: string;
  if (cycle.cut.source === cycle.cut.target) reason = `${from} refers to itself: removing ${hop} breaks this cycle.`;
  else if (waysOn === 1) reason = `${from} has no other way on inside the cycle, so removing ${hop} breaks every cycle through ${from}.`;
  else if (waysIn === 1) reason = `Nothing else in the cycle leads to ${to}, so removing ${hop} breaks every cycle through ${to}.`;
  else {
    reason =
      `No hop of the cycle path is the only way on or in; ${hop} has the fewest alternatives ` +
      `(${from}: ${waysOn} ways on inside the cycle, ${to}: ${waysIn} ways in), so removing it breaks the most ` +
      'cycles through them. Other cycles may remain: run the analysis again after the change.';
  }
  const cut: CycleCut = { ...cycle.cut, reason };
  if (via !== '') cut.via = via;
  return cut;
}

/**
 * The cycle a node names: the cycle it is a member of (an org cycle, or the loop a step is in),
 * else, for a flow, the first loop inside it. Undefined when it is in none.
 */
export function cycleOf(cycles: readonly Cycle[], nodeId: string): Cycle | undefined {
  return cycles.find((cycle) => cycle.members.includes(nodeId)) ?? cycles.find((cycle) => cycle.flowId === nodeId);
}

function degreeAmong(
  index: GraphIndex,
  node: number,
  members: ReadonlySet<number>,
  direction: 'out' | 'in',
  kind: number | undefined,
): number {
  const offsets = direction === 'out' ? index.outOffsets : index.inOffsets;
  const neighbours = direction === 'out' ? index.outTargets : index.inSources;
  const edges = direction === 'out' ? index.outEdges : index.inEdges;
  const distinct = new Set<number>();
  for (let slot = offsets[node] as number; slot < (offsets[node + 1] as number); slot++) {
    if (kind !== undefined && index.edgeKinds[edges[slot] as number] !== kind) continue;
    const other = neighbours[slot] as number;
    if (members.has(other)) distinct.add(other);
  }
  return distinct.size;
}

import type { FlowGraph, GraphNode } from '../model/graph.js';
import { compareStrings } from './compare.js';
import { chooseCut } from './cycle-cut.js';
import { buildGraphIndex, EDGE_KIND, type GraphIndex } from './graph-index.js';
import { type OrgView, orgView } from './org-projection.js';
import type { Cycle } from './result.js';
import { type BfsScratch, type ComponentScope, type CycleWalk, createBfsScratch, shortestCycleThrough } from './shortest-cycle.js';
import { type EdgeMask, hasSelfLoop, stronglyConnectedComponents } from './strongly-connected.js';

/**
 * A component's path is exact (a shortest cycle of the whole component: one BFS from each member,
 * smallest id first) when it has at most this many members and the BFS runs fit the work budget.
 */
export const EXACT_CYCLE_MEMBER_LIMIT = 2_000;
/**
 * Edge visits the exact searches of one analysis may spend, counted as members x (members + edges)
 * per component; past it a component gets the shortest cycle through its smallest-id member
 * (one BFS). Keeps the whole run linear plus a constant on 500k-node graphs.
 */
export const EXACT_CYCLE_WORK_BUDGET = 20_000_000;

/**
 * Circular references at two levels, so one never hides the other:
 * - org cycles: strongly connected components of the org projection (flows and resources, step
 *   `uses` lifted to their flow), the same components deployment must ship together;
 * - flow loops: components of each flow's step transitions (menu repeats, retry loops).
 * Every component with more than one member or a self-loop is a cycle. Org cycles first, then
 * flow loops, each ordered by first member. O(V + E) plus the bounded exact-path work.
 */
export function findCycles(graph: FlowGraph, index?: GraphIndex, org?: OrgView): Cycle[] {
  return [...findOrgCycles(graph, org), ...findFlowLoops(graph, index)];
}

export function findOrgCycles(graph: FlowGraph, org: OrgView = orgView(graph)): Cycle[] {
  return cyclesOf(org.index, undefined);
}

export function findFlowLoops(graph: FlowGraph, index?: GraphIndex): Cycle[] {
  // An org-level graph has no transitions: skip indexing it.
  if (!graph.edges.some((edge) => edge.kind === 'transition')) return [];
  const stepIndex = index ?? buildGraphIndex(graph);
  return cyclesOf(stepIndex, stepTransitionMask(graph, stepIndex));
}

/** Transitions between two steps of the same flow: the edges a flow loop is made of. */
function stepTransitionMask(graph: FlowGraph, index: GraphIndex): Uint8Array {
  const { nodes, outOffsets, outTargets, outEdges, edgeKinds } = index;
  const mask = new Uint8Array(graph.edges.length);
  for (let u = 0; u < nodes.length; u++) {
    const source = nodes[u] as GraphNode;
    if (source.kind !== 'step') continue;
    for (let slot = outOffsets[u] as number; slot < (outOffsets[u + 1] as number); slot++) {
      const e = outEdges[slot] as number;
      const target = nodes[outTargets[slot] as number] as GraphNode;
      if (edgeKinds[e] === EDGE_KIND.transition && target.kind === 'step' && target.flowId === source.flowId) mask[e] = 1;
    }
  }
  return mask;
}

function cyclesOf(index: GraphIndex, mask: EdgeMask): Cycle[] {
  const { ids } = index;
  const components = stronglyConnectedComponents(index, mask);
  let scratch: BfsScratch | undefined;
  const byId = (a: number, b: number) => compareStrings(ids[a] as string, ids[b] as string);
  let budget = EXACT_CYCLE_WORK_BUDGET;
  const cycles: Cycle[] = [];

  for (let c = 0; c < components.count; c++) {
    const start = components.offsets[c] as number;
    const end = components.offsets[c + 1] as number;
    if (end - start === 1 && !hasSelfLoop(index, components.members[start] as number, mask)) continue;
    const members = Array.from(components.members.subarray(start, end)).sort(byId);
    const scope: ComponentScope = { componentOf: components.componentOf, component: c, mask };

    const cost = members.length * (members.length + edgesInside(index, scope, members));
    const exact = members.length <= EXACT_CYCLE_MEMBER_LIMIT && cost <= budget;
    if (exact) budget -= cost;
    scratch ??= createBfsScratch(ids.length);
    const walk = shortestWalk(index, scope, exact ? members : members.slice(0, 1), scratch);
    cycles.push(toCycle(index, scope, members, walk));
  }
  return cycles.sort((a, b) => compareScope(a, b) || compareStrings(a.members[0] ?? '', b.members[0] ?? ''));
}

/** The shortest of the cycles through each start, earliest start winning ties. */
function shortestWalk(
  index: GraphIndex,
  scope: ComponentScope,
  starts: readonly number[],
  scratch: BfsScratch,
): CycleWalk {
  let best: CycleWalk | undefined;
  for (const start of starts) {
    const bound = best === undefined ? Number.POSITIVE_INFINITY : best.edges.length;
    best = shortestCycleThrough(index, scope, start, bound, scratch) ?? best;
    if (best?.edges.length === 1) break;
  }
  // A component with two or more members or a self-loop always has a cycle through every member.
  return best as CycleWalk;
}

function edgesInside(index: GraphIndex, scope: ComponentScope, members: readonly number[]): number {
  let count = 0;
  for (const node of members) {
    for (let slot = index.outOffsets[node] as number; slot < (index.outOffsets[node + 1] as number); slot++) {
      if (scope.mask !== undefined && scope.mask[index.outEdges[slot] as number] !== 1) continue;
      if (scope.componentOf[index.outTargets[slot] as number] === scope.component) count++;
    }
  }
  return count;
}

function toCycle(
  index: GraphIndex,
  scope: ComponentScope,
  members: readonly number[],
  walk: CycleWalk,
): Cycle {
  const ids = index.ids;
  const memberIds = members.map((member) => ids[member] as string);
  const hop = chooseCut(index, scope, walk);
  const cycle: Cycle = {
    scope: 'org',
    members: memberIds,
    path: walk.nodes.map((node) => ids[node] as string),
    cut: { source: ids[walk.nodes[hop] as number] as string, target: ids[walk.nodes[hop + 1] as number] as string },
  };
  const flowId = commonFlow(members.map((member) => index.nodes[member] as GraphNode));
  if (flowId !== undefined) {
    cycle.scope = 'flow';
    cycle.flowId = flowId;
  }
  return cycle;
}

/** The flow every member is a step of, or undefined. */
function commonFlow(members: readonly GraphNode[]): string | undefined {
  let flowId: string | undefined;
  for (const node of members) {
    if (node.kind !== 'step' || (flowId !== undefined && node.flowId !== flowId)) return undefined;
    flowId = node.flowId;
  }
  return flowId;
}

function compareScope(a: Cycle, b: Cycle): number {
  return a.scope === b.scope ? 0 : a.scope === 'org' ? -1 : 1;
}

import type { FlowSteps } from '../model/flow-steps.js';
import type { StepNode } from '../model/graph.js';
import { compareStrings } from '../util/compare.js';
import { chooseCut } from './cycle-cut.js';
import type { AnalysisContext } from './context.js';
import { EDGE_KIND, type GraphIndex, NODE_KIND } from './graph-index.js';
import type { Cycle } from './result.js';
import { type BfsScratch, type ComponentScope, type CycleWalk, createBfsScratch, shortestCycleThrough } from './shortest-cycle.js';
import { type EdgeMask, hasSelfLoop, stronglyConnectedComponents } from './strongly-connected.js';

/**
 * A component's path is exact (a shortest cycle of the whole component: one BFS from each member,
 * smallest id first) when it has at most this many members and the BFS runs fit the work budget.
 */
const EXACT_CYCLE_MEMBER_LIMIT = 2_000;
/**
 * Edge visits the exact searches of one analysis may spend, counted as members x (members + edges)
 * per component; past it a component gets the shortest cycle through its smallest-id member
 * (one BFS). Keeps the whole run linear plus a constant on 500k-node graphs.
 */
const EXACT_CYCLE_WORK_BUDGET = 20_000_000;

/** The cycles of a graph, and per flow loop the index positions of its path (see `AnalysisContext.cyclePath`). */
export interface FoundCycles {
  cycles: Cycle[];
  flowLoopPaths: Map<Cycle, readonly number[]>;
}

/**
 * Circular references at two levels, so one never hides the other:
 * - org cycles: strongly connected components of the org projection (flows and resources, step
 *   `uses` lifted to their flow), the same components deployment must ship together;
 * - flow loops: components of each flow's step transitions (menu repeats, retry loops).
 * Every component with more than one member or a self-loop is a cycle. Org cycles first, then
 * flow loops, each ordered by first member. O(V + E) plus the bounded exact-path work.
 * Read through `AnalysisContext.cycles`, which runs this once.
 */
export function findCycles(context: AnalysisContext): FoundCycles {
  const flowLoopPaths = new Map<Cycle, readonly number[]>();
  const orgCycles = cyclesOf(context.org.index);
  const { index } = context;
  const flowLoops = cyclesOf(index, { mask: stepTransitionMask(index), paths: flowLoopPaths });
  return { cycles: [...orgCycles, ...flowLoops], flowLoopPaths };
}

/** Transitions between two steps of the same flow: the edges a flow loop is made of. */
function stepTransitionMask(index: GraphIndex): Uint8Array {
  const { kinds, flowOf, edgeKinds, edgeSources, edgeTargets } = index;
  const mask = new Uint8Array(edgeKinds.length);
  const step = NODE_KIND.step;
  for (let e = 0; e < mask.length; e++) {
    if (edgeKinds[e] !== EDGE_KIND.transition) continue;
    const source = edgeSources[e] as number;
    const target = edgeTargets[e] as number;
    if (source < 0 || kinds[source] !== step || kinds[target] !== step) continue;
    const flow = flowOf[source] as number;
    if (flow >= 0 ? flowOf[target] === flow : (index.node(source) as StepNode).flowId === (index.node(target) as StepNode).flowId) {
      mask[e] = 1;
    }
  }
  return mask;
}

/** Which edges to follow, and where to record each cycle's path positions. */
interface CycleSearch {
  mask: EdgeMask;
  paths: Map<Cycle, readonly number[]>;
}

/**
 * The cycles of the index (every edge, or those `search.mask` keeps, recording the paths). A
 * component whose members are all steps of one flow is a flow loop, any other an org cycle.
 */
function cyclesOf(index: GraphIndex, search?: CycleSearch): Cycle[] {
  const mask = search?.mask;
  const components = stronglyConnectedComponents(index, mask);
  const { componentOf, offsets } = components;
  let scratch: BfsScratch | undefined;
  let budget = EXACT_CYCLE_WORK_BUDGET;
  const cycles: Cycle[] = [];
  // One scope for the whole run, pointed at each component in turn.
  const scope: ComponentScope = { componentOf, component: -1, mask };

  for (let c = 0; c < components.count; c++) {
    const start = offsets[c] as number;
    const end = offsets[c + 1] as number;
    if (end - start === 1 && !hasSelfLoop(index, components.members[start] as number, mask)) continue;
    scope.component = c;
    const members = membersById(index, components.members, start, end);

    const inside = edgesInside(index, scope, members);
    const cost = members.length * (members.length + inside);
    const exact = members.length <= EXACT_CYCLE_MEMBER_LIMIT && cost <= budget;
    if (exact) budget -= cost;
    scratch ??= createBfsScratch(index.kinds.length);
    // A strongly connected component with as many edges as members is one simple ring: every
    // cycle in it is the whole ring, so the BFS from its smallest id already is a shortest one.
    const starts = exact && inside !== members.length ? members : members.slice(0, 1);
    const walk = shortestWalk(index, scope, starts, scratch);
    const cycle = toCycle(index, scope, members, walk);
    cycles.push(cycle);
    search?.paths.set(cycle, walk.nodes);
  }
  return cycles.sort((a, b) => compareScope(a, b) || compareStrings(a.members[0] ?? '', b.members[0] ?? ''));
}

/**
 * The component's node indices sorted by id; Tarjan lists them by index, which is often already id
 * order. Steps of one flow held as columns share the id's `flowId:` prefix, so their local step
 * ids are compared instead, without making the graph ids.
 */
function membersById(index: GraphIndex, all: Int32Array, start: number, end: number): number[] {
  const members: number[] = new Array(end - start);
  const columns = index.columnsHolding(all[start] as number);
  let oneFlow = columns !== undefined;
  for (let i = start; i < end; i++) {
    const node = all[i] as number;
    members[i - start] = node;
    if (oneFlow && index.columnsHolding(node) !== columns) oneFlow = false;
  }
  const key: (node: number) => string = oneFlow
    ? (node) => (columns as FlowSteps).stepIds[node - (index.flowOf[node] as number) - 1] as string
    : (node) => index.id(node);
  for (let i = 1; i < members.length; i++) {
    if (key(members[i - 1] as number) > key(members[i] as number)) {
      members.sort((a, b) => compareStrings(key(a), key(b)));
      break;
    }
  }
  return members;
}

/** The shortest of the cycles through each start, earliest start winning ties. */
function shortestWalk(index: GraphIndex, scope: ComponentScope, starts: readonly number[], scratch: BfsScratch): CycleWalk {
  let best: CycleWalk | undefined;
  for (const start of starts) {
    const bound = best === undefined ? Number.POSITIVE_INFINITY : best.nodes.length - 1;
    best = shortestCycleThrough(index, scope, start, bound, scratch) ?? best;
    if (best !== undefined && best.nodes.length === 2) break;
  }
  // A component with two or more members or a self-loop always has a cycle through every member.
  return best as CycleWalk;
}

function edgesInside(index: GraphIndex, scope: ComponentScope, members: readonly number[]): number {
  const { outOffsets, outTargets, outEdges } = index;
  const { componentOf, component, mask } = scope;
  let count = 0;
  for (const node of members) {
    for (let slot = outOffsets[node] as number; slot < (outOffsets[node + 1] as number); slot++) {
      if (mask !== undefined && mask[outEdges[slot] as number] !== 1) continue;
      if (componentOf[outTargets[slot] as number] === component) count++;
    }
  }
  return count;
}

function toCycle(index: GraphIndex, scope: ComponentScope, members: readonly number[], walk: CycleWalk): Cycle {
  const memberIds: string[] = new Array(members.length);
  for (let i = 0; i < members.length; i++) memberIds[i] = index.id(members[i] as number);
  const path: string[] = new Array(walk.nodes.length);
  for (let i = 0; i < walk.nodes.length; i++) path[i] = index.id(walk.nodes[i] as number);
  const hop = chooseCut(index, scope, walk);
  const cycle: Cycle = {
    scope: 'org',
    members: memberIds,
    path,
    cut: { source: path[hop] as string, target: path[hop + 1] as string },
  };
  const flowId = commonFlow(index, members);
  if (flowId !== undefined) {
    cycle.scope = 'flow';
    cycle.flowId = flowId;
  }
  return cycle;
}

/** The flow every member is a step of, or undefined. Read from the index's flow of each step where it has one. */
function commonFlow(index: GraphIndex, members: readonly number[]): string | undefined {
  let flowId: string | undefined;
  for (const member of members) {
    if (index.kinds[member] !== NODE_KIND.step) return undefined;
    const flow = index.flowOf[member] as number;
    const memberFlow = flow >= 0 ? index.id(flow) : (index.node(member) as StepNode).flowId;
    if (flowId !== undefined && memberFlow !== flowId) return undefined;
    flowId = memberFlow;
  }
  return flowId;
}

function compareScope(a: Cycle, b: Cycle): number {
  return a.scope === b.scope ? 0 : a.scope === 'org' ? -1 : 1;
}

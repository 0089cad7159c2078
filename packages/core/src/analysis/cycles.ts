import type { FlowSteps } from '../model/flow-steps.js';
import type { StepNode } from '../model/graph.js';
import { compareStrings } from '../util/compare.js';
import { chooseCut } from './cycle-cut.js';
import type { AnalysisContext } from './context.js';
import { type GraphIndex, NODE_KIND } from './graph-index.js';
import { type CycleGraph, FlowStepGraphs, otherStepTransitions, wholeGraph } from './loop-graphs.js';
import type { Cycle } from './result.js';
import { type BfsScratch, type ComponentScope, type CycleWalk, createBfsScratch, shortestCycleThrough } from './shortest-cycle.js';
import { type Components, createComponentBuffers, hasSelfLoop, stronglyConnectedComponents } from './strongly-connected.js';

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
export const EXACT_CYCLE_WORK_BUDGET = 20_000_000;

/**
 * Each cycle's path as positions in an index, all in one typed array (outside the collected heap,
 * where 50,000 small arrays would be copied by each young-generation collection): cycle `i`'s are
 * `positions[offsets[i] .. offsets[i + 1])`, an empty range when it has none.
 */
export interface CyclePaths {
  positions: Int32Array;
  offsets: Int32Array;
}

/**
 * The cycles of a graph, and the positions in the context's index of each flow loop's path (see
 * `AnalysisContext.cyclePaths`); none for an org cycle, found on the org projection's index.
 */
export interface FoundCycles {
  cycles: Cycle[];
  paths: CyclePaths;
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
  const orgIndex = context.org.index;
  const org = new CycleSearch(orgIndex, EXACT_CYCLE_WORK_BUDGET);
  const graph = wholeGraph(orgIndex);
  org.add(graph, stronglyConnectedComponents(graph), 0, Number.POSITIVE_INFINITY);
  const orgCycles = org.ordered().cycles;
  const flowLoops = findFlowLoops(context.index, EXACT_CYCLE_WORK_BUDGET);
  // The org cycles' paths are not kept: empty ranges before the flow loops'.
  const offsets = new Int32Array(orgCycles.length + flowLoops.cycles.length + 1);
  offsets.set(flowLoops.paths.offsets, orgCycles.length);
  return { cycles: [...orgCycles, ...flowLoops.cycles], paths: { positions: flowLoops.paths.positions, offsets } };
}

/**
 * The flow loops of an index, ordered by first member, with their paths' positions: the
 * components of the transitions between steps of one flow, as one Tarjan search over all of them,
 * root by root in index order, would find them and spend the exact-path budget on them. A
 * columnar flow whose loops are made of its own columns is searched alone, in a graph read from
 * them (no array over the whole index); the other step transitions (held as objects, and the
 * columnar flows they touch) in one graph of their own, whose components are taken in turn with
 * the flows' by where their search started.
 */
export function findFlowLoops(index: GraphIndex, budget: number): { cycles: Cycle[]; paths: CyclePaths } {
  const search = new CycleSearch(index, budget);
  const others = otherStepTransitions(index);
  const otherComponents = others.graph === undefined ? undefined : stronglyConnectedComponents(others.graph);
  let nextOther = 0;
  const flowGraphs = new FlowStepGraphs(index.columnarFlows);
  const buffers = createComponentBuffers(flowGraphs.capacity);
  for (const flow of index.columnarFlows) {
    if (others.flows.has(flow.flow)) continue;
    if (others.graph !== undefined) nextOther = search.add(others.graph, otherComponents as Components, nextOther, flow.flow + 1);
    const graph = flowGraphs.of(flow);
    search.add(graph, stronglyConnectedComponents(graph, undefined, graph.size, buffers), 0, Number.POSITIVE_INFINITY);
  }
  if (others.graph !== undefined) search.add(others.graph, otherComponents as Components, nextOther, Number.POSITIVE_INFINITY);
  return search.ordered();
}

/**
 * Makes the cycles of components, spending one exact-path budget; ids and paths are read from
 * `index`. Keeps, per columnar flow searched alone, its loops together and their first members'
 * local step ids, so that ordering 50,000 loops by first member mostly orders 2,000 flows by id.
 */
class CycleSearch {
  readonly #index: GraphIndex;
  readonly #cycles: Cycle[] = [];
  /** Cycle `i`'s path positions are `#positions[#pathStarts[i] ..]`, as many as its path has nodes. */
  #positions = new Int32Array(1024);
  #positionCount = 0;
  readonly #pathStarts: number[] = [];
  /** Slot for slot with `#cycles`: a columnar flow's loop's first member's local step id, else undefined. */
  readonly #localKeys: Array<string | undefined> = [];
  /** Each columnar flow's loops: `#cycles[start .. end)`, with its id followed by `:`. */
  readonly #flows: Array<{ prefix: string; start: number; end: number }> = [];
  #budget: number;
  #scratch: BfsScratch | undefined;
  /** A ring's walk, written here instead of into a new array each time. */
  #ring = new Int32Array(64);

  constructor(index: GraphIndex, budget: number) {
    this.#index = index;
    this.#budget = budget;
  }

  /**
   * Adds the cycles of `components` of `graph` from component `first` on, up to the first whose
   * search started at index node `before` or later; returns that component's number.
   */
  add(graph: CycleGraph, components: Components, first: number, before: number): number {
    const { offsets, rootOf } = components;
    const start = this.#cycles.length;
    // One scope for the whole run, pointed at each component in turn.
    const scope: ComponentScope = { componentOf: components.componentOf, component: -1 };
    let c = first;
    for (; c < components.count; c++) {
      if ((graph.at[rootOf[c] as number] as number) >= before) break;
      const from = offsets[c] as number;
      const to = offsets[c + 1] as number;
      if (to - from === 1 && !hasSelfLoop(graph, components.members[from] as number)) continue;
      scope.component = c;
      this.#addCycle(graph, scope, membersById(this.#index, graph, components.members, from, to));
    }
    if (graph.steps !== undefined && this.#cycles.length > start) {
      this.#flows.push({ prefix: `${graph.steps.flowId}:`, start, end: this.#cycles.length });
    }
    return c;
  }

  /**
   * The cycles by first member id, and their paths. Every member of a columnar flow's loop has
   * the id `flowId:stepId`, so when every cycle is such a loop and no flow's `flowId:` begins
   * another's, the order is the flows' by `flowId:`, and inside each flow its loops' by local
   * step id; otherwise every cycle is sorted by its first member's id.
   */
  ordered(): { cycles: Cycle[]; paths: CyclePaths } {
    const flows = this.#flows;
    flows.sort((a, b) => compareStrings(a.prefix, b.prefix));
    let grouped = flows.reduce((count, flow) => count + flow.end - flow.start, 0) === this.#cycles.length;
    for (let i = 1; grouped && i < flows.length; i++) {
      if ((flows[i] as { prefix: string }).prefix.startsWith((flows[i - 1] as { prefix: string }).prefix)) grouped = false;
    }
    const order: number[] = [];
    if (grouped) {
      const localKeys = this.#localKeys as string[];
      for (const { start, end } of flows) {
        const from = order.length;
        for (let i = start; i < end; i++) order.push(i);
        if (!ascending(localKeys, order, from)) {
          const sorted = order.slice(from).sort((a, b) => compareStrings(localKeys[a] as string, localKeys[b] as string));
          for (let i = 0; i < sorted.length; i++) order[from + i] = sorted[i] as number;
        }
      }
    } else {
      const first = this.#cycles.map((cycle) => cycle.members[0] as string);
      for (let i = 0; i < first.length; i++) order.push(i);
      order.sort((a, b) => compareStrings(first[a] as string, first[b] as string));
    }
    const cycles = order.map((i) => this.#cycles[i] as Cycle);
    const found = this.#positions;
    const positions = new Int32Array(this.#positionCount);
    const offsets = new Int32Array(order.length + 1);
    let end = 0;
    for (let i = 0; i < order.length; i++) {
      const start = this.#pathStarts[order[i] as number] as number;
      const length = (cycles[i] as Cycle).path.length;
      for (let k = 0; k < length; k++) positions[end++] = found[start + k] as number;
      offsets[i + 1] = end;
    }
    return { cycles, paths: { positions, offsets } };
  }

  #addCycle(graph: CycleGraph, scope: ComponentScope, members: readonly number[]): void {
    const inside = edgesInside(graph, scope, members);
    const cost = members.length * (members.length + inside);
    const exact = members.length <= EXACT_CYCLE_MEMBER_LIMIT && cost <= this.#budget;
    if (exact) this.#budget -= cost;
    // A strongly connected component with as many edges as members is one simple ring (every
    // member has one way on inside it): every cycle in it is the whole ring, so the walk round it
    // from its smallest id is the exact answer (menu repeats are such rings), and every hop ties
    // for the cut (one way on, one way in), which goes to the last.
    let walk: ArrayLike<number>;
    let length: number;
    let hop: number;
    if (inside === members.length) {
      length = this.#walkRing(graph, scope, members[0] as number);
      walk = this.#ring;
      hop = length - 2;
    } else {
      if (this.#scratch === undefined || this.#scratch.stamp.length < graph.size) this.#scratch = createBfsScratch(graph.size);
      const shortest = shortestWalk(graph, scope, exact ? members : members.slice(0, 1), this.#scratch);
      walk = shortest.nodes;
      length = shortest.nodes.length;
      hop = chooseCut(graph, scope, shortest);
    }
    const { at, steps } = graph;
    let count = this.#positionCount;
    if (count + length > this.#positions.length) {
      const grown = new Int32Array(Math.max(this.#positions.length * 2, count + length));
      grown.set(this.#positions);
      this.#positions = grown;
    }
    const positions = this.#positions;
    this.#pathStarts.push(count);
    for (let i = 0; i < length; i++) positions[count++] = at[walk[i] as number] as number;
    this.#positionCount = count;
    this.#cycles.push(
      steps === undefined ? toCycle(this.#index, graph, members, walk, length, hop) : flowLoopOf(steps, members, walk, length, hop),
    );
    this.#localKeys.push(steps?.stepIds[members[0] as number]);
  }

  /** Writes the one cycle of a ring component, from `start`, into `#ring`; returns its length. */
  #walkRing(graph: CycleGraph, scope: ComponentScope, start: number): number {
    const { outOffsets, outTargets } = graph;
    let length = 0;
    let node = start;
    do {
      if (length + 1 >= this.#ring.length) {
        const grown = new Int32Array(this.#ring.length * 2);
        grown.set(this.#ring);
        this.#ring = grown;
      }
      this.#ring[length++] = node;
      let slot = outOffsets[node] as number;
      while (scope.componentOf[outTargets[slot] as number] !== scope.component) slot++;
      node = outTargets[slot] as number;
    } while (node !== start);
    this.#ring[length++] = start;
    return length;
  }
}

/** Whether `keys` at `order[from ..]` ascend. */
function ascending(keys: readonly string[], order: readonly number[], from: number): boolean {
  for (let i = from + 1; i < order.length; i++) {
    if ((keys[order[i - 1] as number] as string) > (keys[order[i] as number] as string)) return false;
  }
  return true;
}

/**
 * The component's nodes sorted by the id of what they stand for; Tarjan lists them in index
 * order, which is often already id order. Steps of one flow held as columns share the id's
 * `flowId:` prefix, so their local step ids are compared instead, without making the graph ids.
 */
function membersById(index: GraphIndex, graph: CycleGraph, all: Int32Array, start: number, end: number): number[] {
  const { at, steps } = graph;
  const members: number[] = new Array(end - start);
  const columns = steps ?? index.columnsHolding(at[all[start] as number] as number);
  let oneFlow = columns !== undefined;
  for (let i = start; i < end; i++) {
    const node = all[i] as number;
    members[i - start] = node;
    if (oneFlow && steps === undefined && index.columnsHolding(at[node] as number) !== columns) oneFlow = false;
  }
  const key: (node: number) => string = steps
    ? (node) => steps.stepIds[node] as string
    : oneFlow
      ? (node) => {
          const position = at[node] as number;
          return (columns as FlowSteps).stepIds[position - (index.flowOf[position] as number) - 1] as string;
        }
      : (node) => index.id(at[node] as number);
  for (let i = 1; i < members.length; i++) {
    if (key(members[i - 1] as number) > key(members[i] as number)) {
      members.sort((a, b) => compareStrings(key(a), key(b)));
      break;
    }
  }
  return members;
}

/** The shortest of the cycles through each start, earliest start winning ties. */
function shortestWalk(graph: CycleGraph, scope: ComponentScope, starts: readonly number[], scratch: BfsScratch): CycleWalk {
  let best: CycleWalk | undefined;
  for (const start of starts) {
    const bound = best === undefined ? Number.POSITIVE_INFINITY : best.nodes.length - 1;
    best = shortestCycleThrough(graph, scope, start, bound, scratch) ?? best;
    if (best !== undefined && best.nodes.length === 2) break;
  }
  // A component with two or more members or a self-loop always has a cycle through every member.
  return best as CycleWalk;
}

function edgesInside(graph: CycleGraph, scope: ComponentScope, members: readonly number[]): number {
  const { outOffsets, outTargets } = graph;
  const { componentOf, component } = scope;
  let count = 0;
  for (const node of members) {
    for (let slot = outOffsets[node] as number; slot < (outOffsets[node + 1] as number); slot++) {
      if (componentOf[outTargets[slot] as number] === component) count++;
    }
  }
  return count;
}

/** The cycle of these members and walk (`length` nodes) of `graph`, cut at hop `hop` of the walk. */
function toCycle(
  index: GraphIndex,
  graph: CycleGraph,
  members: readonly number[],
  walk: ArrayLike<number>,
  length: number,
  hop: number,
): Cycle {
  const { at } = graph;
  const positions: number[] = new Array(members.length);
  const memberIds: string[] = new Array(members.length);
  for (let i = 0; i < members.length; i++) {
    positions[i] = at[members[i] as number] as number;
    memberIds[i] = index.id(positions[i] as number);
  }
  const path: string[] = new Array(length);
  for (let i = 0; i < length; i++) path[i] = index.id(at[walk[i] as number] as number);
  const cycle: Cycle = {
    scope: 'org',
    members: memberIds,
    path,
    cut: { source: path[hop] as string, target: path[hop + 1] as string },
  };
  const flowId = commonFlow(index, positions);
  if (flowId !== undefined) {
    cycle.scope = 'flow';
    cycle.flowId = flowId;
  }
  return cycle;
}

/** `toCycle` for a loop of one columnar flow's graph, whose nodes are its step positions: ids read from its columns. */
function flowLoopOf(steps: FlowSteps, members: readonly number[], walk: ArrayLike<number>, length: number, hop: number): Cycle {
  const memberIds: string[] = new Array(members.length);
  for (let i = 0; i < members.length; i++) memberIds[i] = steps.nodeId(members[i] as number);
  const path: string[] = new Array(length);
  for (let i = 0; i < length; i++) path[i] = steps.nodeId(walk[i] as number);
  return {
    scope: 'flow',
    members: memberIds,
    path,
    cut: { source: path[hop] as string, target: path[hop + 1] as string },
    flowId: steps.flowId,
  };
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

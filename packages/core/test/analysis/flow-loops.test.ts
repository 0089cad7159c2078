import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { AnalysisContext } from '../../src/analysis/context.js';
import { type CyclePaths, EXACT_CYCLE_WORK_BUDGET, findFlowLoops } from '../../src/analysis/cycles.js';
import { buildGraphIndex, EDGE_KIND, type GraphIndex, NODE_KIND } from '../../src/analysis/graph-index.js';
import type { Cycle } from '../../src/analysis/result.js';
import { stronglyConnectedComponents } from '../../src/analysis/strongly-connected.js';
import { columnarGraph, GraphColumns } from '../../src/model/columnar-graph.js';
import { FlowSteps } from '../../src/model/flow-steps.js';
import type { FlowGraph, GraphEdge, GraphNode, StepNode } from '../../src/model/graph.js';
import { compareStrings } from '../../src/util/compare.js';
import { flow, step } from './builders.js';

/**
 * Flow loops are searched per columnar flow in a graph read from its columns, and the rest in a
 * graph of their own (cycles.ts). The oracle is the search they replace, written plainly: one
 * Tarjan run over the whole index with a mask of the transitions between two steps of one flow,
 * then per component the exact shortest cycle (one BFS per member, smallest id first) while the
 * budget lasts, the cut with the fewest alternatives, and every cycle sorted by first member.
 */
function globalFlowLoops(index: GraphIndex, budget: number): { cycles: Cycle[]; paths: number[][]; inexact: number } {
  const sameFlow = (source: number, target: number): boolean => {
    const flowOf = index.flowOf[source] as number;
    if (flowOf >= 0) return index.flowOf[target] === flowOf;
    return (index.node(source) as StepNode).flowId === (index.node(target) as StepNode).flowId;
  };
  const mask = new Uint8Array(index.edgeKinds.length);
  for (let e = 0; e < mask.length; e++) {
    const source = index.edgeSources[e] as number;
    const target = index.edgeTargets[e] as number;
    if (index.edgeKinds[e] !== EDGE_KIND.transition || source < 0) continue;
    if (index.kinds[source] === NODE_KIND.step && index.kinds[target] === NODE_KIND.step && sameFlow(source, target)) mask[e] = 1;
  }
  const { componentOf, count, offsets, members } = stronglyConnectedComponents(index, mask);
  const neighbours = (node: number, c: number, direction: 'out' | 'in'): number[] => {
    const rowOffsets = direction === 'out' ? index.outOffsets : index.inOffsets;
    const ends = direction === 'out' ? index.outTargets : index.inSources;
    const edges = direction === 'out' ? index.outEdges : index.inEdges;
    const found: number[] = [];
    for (let slot = rowOffsets[node] as number; slot < (rowOffsets[node + 1] as number); slot++) {
      if (mask[edges[slot] as number] === 1 && componentOf[ends[slot] as number] === c) found.push(ends[slot] as number);
    }
    return found;
  };
  const found: Array<{ cycle: Cycle; path: number[] }> = [];
  let inexact = 0;
  for (let c = 0; c < count; c++) {
    const nodes = [...members.subarray(offsets[c], offsets[c + 1])];
    const [only] = nodes;
    if (nodes.length === 1 && !neighbours(only as number, c, 'out').includes(only as number)) continue;
    nodes.sort((a, b) => compareStrings(index.id(a), index.id(b)));
    const inside = nodes.reduce((sum, node) => sum + neighbours(node, c, 'out').length, 0);
    const cost = nodes.length * (nodes.length + inside);
    const exact = nodes.length <= 2_000 && cost <= budget;
    if (exact) budget -= cost;
    else if (inside !== nodes.length) inexact++;
    let best: number[] | undefined;
    for (const start of exact ? nodes : nodes.slice(0, 1)) {
      const walk = bfsCycle(start, (node) => neighbours(node, c, 'out'));
      if (best === undefined || walk.length < best.length) best = walk;
    }
    const path = best as number[];
    let hop = -1;
    let bestScore = Number.POSITIVE_INFINITY;
    for (let i = path.length - 2; i >= 0; i--) {
      const score = Math.min(neighbours(path[i] as number, c, 'out').length, neighbours(path[i + 1] as number, c, 'in').length);
      if (score < bestScore) {
        bestScore = score;
        hop = i;
      }
    }
    const ids = path.map((node) => index.id(node));
    const flowOf = index.flowOf[nodes[0] as number] as number;
    const cycle: Cycle = {
      scope: 'flow',
      members: nodes.map((node) => index.id(node)),
      path: ids,
      cut: { source: ids[hop] as string, target: ids[hop + 1] as string },
      flowId: flowOf >= 0 ? index.id(flowOf) : (index.node(nodes[0] as number) as StepNode).flowId,
    };
    found.push({ cycle, path });
  }
  found.sort((a, b) => compareStrings(a.cycle.members[0] as string, b.cycle.members[0] as string));
  return { cycles: found.map((f) => f.cycle), paths: found.map((f) => f.path), inexact };
}

function pathsOf({ positions, offsets }: CyclePaths): number[][] {
  return Array.from({ length: offsets.length - 1 }, (_, i) => [...positions.subarray(offsets[i], offsets[i + 1])]);
}

/** The first cycle a BFS from `start` closes: a shortest one through it. */
function bfsCycle(start: number, next: (node: number) => number[]): number[] {
  const parent = new Map<number, number>([[start, -1]]);
  const queue = [start];
  for (let head = 0; head < queue.length; head++) {
    const u = queue[head] as number;
    for (const w of next(u)) {
      if (w === start) {
        const walk = [start];
        for (let node = u; node !== start; node = parent.get(node) as number) walk.push(node);
        walk.push(start);
        return walk.reverse();
      }
      if (parent.has(w)) continue;
      parent.set(w, u);
      queue.push(w);
    }
  }
  throw new Error('no cycle through a member of a component');
}

// `a` and `a:x` (one's `id:` begins the other's), `a-` (`-` sorts before `:`) and `ab`: flow
// loops of different flows interleave or not in id order. Step ids have no `:`, so no id is shared.
const FLOW_IDS = ['a', 'a:x', 'a-', 'ab', 'b', 'main'];
const STEP_IDS = ['s0', 's1', 's2', 's3', 's4', 's5', 's6', 's10', 't', 'z'];

interface GeneratedFlow {
  id: string;
  /** Steps as columns, or as objects with their transitions as object edges. */
  columnar: boolean;
  steps: string[];
  transitions: Array<[number, number]>;
  /** Steps of this flow held as objects beside its columns (another file's, say). */
  objectSteps: number;
}

const flowArbitrary: fc.Arbitrary<GeneratedFlow> = fc.record({
  id: fc.constantFrom(...FLOW_IDS),
  columnar: fc.oneof({ weight: 3, arbitrary: fc.constant(true) }, { weight: 1, arbitrary: fc.constant(false) }),
  steps: fc.uniqueArray(fc.constantFrom(...STEP_IDS), { maxLength: 9 }),
  transitions: fc.array(fc.tuple(fc.nat(9), fc.nat(9)), { maxLength: 20 }),
  objectSteps: fc.nat(2),
});

interface Spec {
  flows: GeneratedFlow[];
  /** Edges held as objects between any two nodes (by number, modulo the node count). */
  edges: Array<[number, number, GraphEdge['kind']]>;
  /** Steps whose flow is not a node. */
  orphans: number;
  budget: number;
}

const specArbitrary: fc.Arbitrary<Spec> = fc.record({
  flows: fc.uniqueArray(flowArbitrary, { selector: (f) => f.id, minLength: 1, maxLength: 5 }),
  edges: fc.array(fc.tuple(fc.nat(300), fc.nat(300), fc.constantFrom<GraphEdge['kind']>('transition', 'transition', 'uses')), {
    maxLength: 8,
  }),
  orphans: fc.nat(2),
  budget: fc.oneof(fc.constant(EXACT_CYCLE_WORK_BUDGET), fc.nat(400)),
});

/** A graph backed by columns, as linking makes it: columnar flows, steps and edges as objects beside them. */
function graphOf(spec: Spec): FlowGraph {
  const objects = new Map<string, GraphNode>();
  const columns = new Map<string, FlowSteps>();
  const objectEdges: GraphEdge[] = [];
  const add = (node: GraphNode) => objects.set(node.id, node);
  for (const generated of spec.flows) {
    const node = flow(generated.id);
    add(node);
    const n = generated.steps.length;
    const pairs = n === 0 ? [] : generated.transitions.map(([a, b]) => [a % n, b % n] as const);
    if (generated.columnar) {
      const steps = new FlowSteps(node, 2);
      for (const stepId of generated.steps) steps.addStep(stepId, `Step ${stepId}`, 'task');
      for (const [a, b] of pairs) steps.addTransition(a, b, undefined);
      if (n > 0) steps.entry = 0;
      columns.set(node.id, steps);
    } else {
      for (const stepId of generated.steps) add(step(node.id, stepId));
      for (const [a, b] of pairs) {
        objectEdges.push({ source: `${node.id}:${generated.steps[a]}`, target: `${node.id}:${generated.steps[b]}`, kind: 'transition' });
      }
    }
    for (let k = 0; k < generated.objectSteps; k++) add(step(node.id, `o${k}`));
  }
  for (let k = 0; k < spec.orphans; k++) add(step('ghost', `o${k}`));
  const ids = [...objects.keys()];
  for (const [id, steps] of columns) for (const stepId of steps.stepIds) ids.push(`${id}:${stepId}`);
  for (const [a, b, kind] of spec.edges) {
    objectEdges.push({ source: ids[a % ids.length] as string, target: ids[b % ids.length] as string, kind });
  }
  const graphColumns = new GraphColumns(objects, columns);
  graphColumns.objectEdges = objectEdges;
  return columnarGraph(graphColumns);
}

describe('[U] flow loops per flow', () => {
  it('are the loops, paths and order of one search over the whole index (fast-check, budgets down to 0)', () => {
    const seen = { manyInOneFlow: 0, selfLoop: 0, chords: 0, objectEdgeInColumnarFlow: 0, inexact: 0 };
    fc.assert(
      fc.property(specArbitrary, (spec) => {
        const graph = graphOf(spec);
        const index = buildGraphIndex(graph);
        const expected = globalFlowLoops(index, spec.budget);
        const actual = findFlowLoops(index, spec.budget);
        expect(actual.cycles).toEqual(expected.cycles);
        expect(pathsOf(actual.paths)).toEqual(expected.paths);
        // The same graph as objects takes the other road: one graph of every step transition.
        const objects = buildGraphIndex({ nodes: graph.nodes, edges: graph.edges });
        expect(findFlowLoops(objects, spec.budget)).toEqual(actual);

        const perFlow = new Map<string, number>();
        for (const cycle of expected.cycles) perFlow.set(cycle.flowId as string, (perFlow.get(cycle.flowId as string) ?? 0) + 1);
        if ([...perFlow.values()].some((count) => count > 1)) seen.manyInOneFlow++;
        if (expected.cycles.some((cycle) => cycle.path.length === 2)) seen.selfLoop++;
        if (expected.cycles.some((cycle) => cycle.path.length - 1 < cycle.members.length)) seen.chords++;
        if (index.columnarFlows.length > 0 && spec.edges.some(([, , kind]) => kind === 'transition')) seen.objectEdgeInColumnarFlow++;
        if (expected.inexact > 0) seen.inexact++;
      }),
      { numRuns: 500 },
    );
    for (const [what, count] of Object.entries(seen)) expect(count, what).toBeGreaterThan(5);
  });

  it('spends the exact-path budget in index order, whichever graph a loop is searched in', () => {
    // s0 -> s1 -> s2 -> s0 and s2 <-> s3: exact, the loop is s2 -> s3 -> s2; inexact, the
    // shortest one through s0. Each costs 4 x (4 + 5) = 36; the budget pays for the first only.
    const loop: Array<[number, number]> = [
      [0, 1],
      [1, 2],
      [2, 0],
      [2, 3],
      [3, 2],
    ];
    const steps = ['s0', 's1', 's2', 's3'];
    for (const columnar of [true, false]) {
      const graph = graphOf({
        flows: [
          { id: 'b', columnar, steps, transitions: loop, objectSteps: 0 },
          { id: 'a', columnar: !columnar, steps, transitions: loop, objectSteps: 0 },
        ],
        edges: [],
        orphans: 0,
        budget: 36,
      });
      const paths = findFlowLoops(buildGraphIndex(graph), 36).cycles.map((cycle) => cycle.path);
      expect(paths).toEqual([
        ['a:s0', 'a:s1', 'a:s2', 'a:s0'],
        ['b:s2', 'b:s3', 'b:s2'],
      ]);
    }
  });

  it('gives the findings each loop path by position, in the order of the cycles', () => {
    const graph = graphOf({
      flows: [
        {
          id: 'b',
          columnar: true,
          steps: ['s1', 's0', 't'],
          transitions: [
            [0, 1],
            [1, 0],
            [2, 2],
          ],
          objectSteps: 0,
        },
        {
          id: 'a',
          columnar: true,
          steps: ['u', 's2'],
          transitions: [
            [0, 1],
            [1, 0],
          ],
          objectSteps: 0,
        },
      ],
      edges: [],
      orphans: 0,
      budget: EXACT_CYCLE_WORK_BUDGET,
    });
    const context = new AnalysisContext(graph);
    expect(context.cycles.map((cycle) => cycle.path)).toEqual([
      ['a:s2', 'a:u', 'a:s2'],
      ['b:s0', 'b:s1', 'b:s0'],
      ['b:t', 'b:t'],
    ]);
    const paths = pathsOf(context.cyclePaths);
    context.cycles.forEach((cycle, i) => {
      expect(paths[i]?.map((at) => context.index.id(at))).toEqual(cycle.path);
    });
  });
});

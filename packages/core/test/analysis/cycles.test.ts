import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { AnalysisContext } from '../../src/analysis/context.js';
import type { Cycle } from '../../src/analysis/result.js';
import type { FlowGraph } from '../../src/model/graph.js';
import { smallGraph } from './arbitraries.js';
import { contains, flow, flowGraph, flowName, graphOf, step, transition, uses } from './builders.js';
import { componentsOf, distances, shortestCycleLength } from './oracles.js';

function hasEdge(graph: FlowGraph, source: string, target: string): boolean {
  return graph.edges.some((e) => e.source === source && e.target === target);
}

/** Every hop real, closed, inside the members, and the cut one of the hops. */
function expectRealClosedWalk(graph: FlowGraph, cycle: Cycle): void {
  expect(cycle.path.length).toBeGreaterThanOrEqual(2);
  expect(cycle.path[0]).toBe(cycle.path.at(-1));
  const hops = cycle.path.slice(1).map((target, i) => ({ source: cycle.path[i] as string, target }));
  for (const hop of hops) {
    expect(hasEdge(graph, hop.source, hop.target)).toBe(true);
    expect(cycle.members).toContain(hop.source);
  }
  expect(hops).toContainEqual(cycle.cut);
}

describe('[U] findCycles', () => {
  it('finds an org cycle through steps, lifted to the flows, with a shortest path', () => {
    const graph = graphOf(
      [flow('a'), flow('b'), flow('c'), step('a', '1'), step('b', '1')],
      [contains('a', 'a:1'), uses('a:1', 'b', 'callCommonModule'), contains('b', 'b:1'), uses('b:1', 'a'), uses('b', 'c'), uses('c', 'a')],
    );
    const [cycle, ...rest] = new AnalysisContext(graph).cycles;
    expect(rest).toEqual([]);
    expect(cycle).toMatchObject({ scope: 'org', members: ['a', 'b', 'c'], path: ['a', 'b', 'a'] });
    expect(cycle?.flowId).toBeUndefined();
  });

  it('keeps a menu loop inside a flow as a flow loop even when the flow is in an org cycle', () => {
    const graph = graphOf(
      [flow('a'), flow('b'), step('a', 'menu'), step('a', 'retry'), step('a', 'out')],
      [
        contains('a', 'a:menu'),
        transition('a:menu', 'a:retry'),
        transition('a:retry', 'a:menu'),
        transition('a:retry', 'a:out'),
        uses('a:out', 'b'),
        uses('b', 'a'),
      ],
    );
    const cycles = new AnalysisContext(graph).cycles;
    expect(cycles.map((c) => [c.scope, c.members])).toEqual([
      ['org', ['a', 'b']],
      ['flow', ['a:menu', 'a:retry']],
    ]);
    expect(cycles[1]?.flowId).toBe('a');
    expect(cycles[1]?.path).toEqual(['a:menu', 'a:retry', 'a:menu']);
  });

  it('reports a self-loop as a cycle of one, and ignores a flow that restarts itself through a step', () => {
    const graph = graphOf(
      [flow('a'), flow('b'), step('a', 's'), step('b', 's')],
      [uses('a', 'a'), uses('b:s', 'b', 'transferToFlow'), transition('b:s', 'b:s')],
    );
    const cycles = new AnalysisContext(graph).cycles;
    expect(cycles.map((c) => [c.scope, c.path])).toEqual([
      ['org', ['a', 'a']],
      ['flow', ['b:s', 'b:s']],
    ]);
    expect(cycles[0]?.cut).toEqual({ source: 'a', target: 'a' });
  });

  it('cuts the hop whose source has no other way on inside the cycle', () => {
    // a -> b -> c -> a, plus b -> a: c's only way on is c -> a, but the shortest path is a -> b -> a.
    // On that path, a -> b is a's only way on (out-degree 1): cutting it breaks both loops.
    const graph = flowGraph(3, [
      [0, 1],
      [1, 2],
      [2, 0],
      [1, 0],
    ]);
    const [cycle] = new AnalysisContext(graph).cycles;
    expect(cycle?.path).toEqual([flowName(0), flowName(1), flowName(0)]);
    expect(cycle?.cut).toEqual({ source: flowName(0), target: flowName(1) });
  });

  it('orders org cycles first, then by first member', () => {
    const graph = graphOf(
      [flow('z'), flow('y'), flow('b'), flow('a'), step('m', '1'), step('m', '2')],
      [uses('z', 'y'), uses('y', 'z'), uses('b', 'a'), uses('a', 'b'), transition('m:1', 'm:2'), transition('m:2', 'm:1')],
    );
    expect(new AnalysisContext(graph).cycles.map((c) => c.members[0])).toEqual(['a', 'y', 'm:1']);
  });
});

describe('[U] findCycles properties', () => {
  it('reports exactly the components with a cycle, each with a real shortest closed walk', () => {
    fc.assert(
      fc.property(smallGraph, ([n, pairs]) => {
        const graph = flowGraph(n, pairs);
        const dist = distances(n, pairs);
        const expected = componentsOf(dist)
          .map((members) => ({ members, length: shortestCycleLength(dist, pairs, members) }))
          .filter((c) => c.length !== undefined);
        const cycles = new AnalysisContext(graph).cycles;
        expect(cycles.map((c) => c.members)).toEqual(
          expected.map((c) => c.members.map(flowName)).sort((a, b) => (a[0] as string).localeCompare(b[0] as string)),
        );
        for (const cycle of cycles) {
          expect(cycle.scope).toBe('org');
          expectRealClosedWalk(graph, cycle);
          const oracle = expected.find((c) => flowName(c.members[0] as number) === cycle.members[0]);
          expect(cycle.path.length - 1).toBe(oracle?.length);
        }
      }),
      { numRuns: 200 },
    );
  });

  it('finds the same loops among the steps of one flow, scoped to it', () => {
    fc.assert(
      fc.property(smallGraph, ([n, pairs]) => {
        const steps = Array.from({ length: n }, (_, i) => step('main', flowName(i)));
        const graph = graphOf(
          [flow('main'), ...steps],
          pairs.map(([a, b]) => transition(`main:${flowName(a)}`, `main:${flowName(b)}`)),
        );
        const dist = distances(n, pairs);
        const expected = componentsOf(dist).filter((members) => shortestCycleLength(dist, pairs, members) !== undefined);
        const cycles = new AnalysisContext(graph).cycles;
        expect(cycles).toHaveLength(expected.length);
        for (const cycle of cycles) {
          expect(cycle).toMatchObject({ scope: 'flow', flowId: 'main' });
          expectRealClosedWalk(graph, cycle);
        }
      }),
      { numRuns: 200 },
    );
  });
});

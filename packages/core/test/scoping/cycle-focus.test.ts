import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { AnalysisContext } from '../../src/analysis/context.js';
import { cycleFocus } from '../../src/scoping/cycle-focus.js';
import { smallGraph } from '../analysis/arbitraries.js';
import { contains, flow, flowGraph, graphOf, step, transition, uses } from '../analysis/builders.js';

describe('[U] cycle focus', () => {
  const graph = graphOf(
    [
      flow('ivr', { name: 'Main IVR', type: 'INBOUNDCALL' }),
      flow('a', { name: 'Module A' }),
      flow('b', { name: 'Module B' }),
      flow('c', { name: 'Module C' }),
      flow('leaf'),
      flow('menu', { name: 'Menu Flow', type: 'INBOUNDCALL' }),
      step('menu', 'main', { name: 'Main Menu' }),
      step('menu', 'again', { name: 'Again' }),
    ],
    [
      uses('ivr', 'a', 'callCommonModule'),
      uses('a', 'b', 'callCommonModule'),
      uses('b', 'c', 'transferToFlow'),
      uses('c', 'a', 'callCommonModule'),
      uses('b', 'leaf'),
      contains('menu', 'menu:main'),
      transition('menu:main', 'menu:again'),
      transition('menu:again', 'menu:main'),
    ],
  );
  const [orgCycle, loop] = new AnalysisContext(graph).cycles;

  it('draws the members with their direct callers and callees, the path numbered and the cut marked', () => {
    const result = cycleFocus(new AnalysisContext(graph), orgCycle!);
    expect(result.nodes.map((node) => [node.id, node.side])).toEqual([
      ['a', 'self'],
      ['b', 'self'],
      ['c', 'self'],
      ['ivr', 'up'],
      ['leaf', 'down'],
    ]);
    expect(result.callers).toBe(1);
    expect(result.callees).toBe(1);
    const hops = result.edges.filter((edge) => edge.cycleHop !== undefined).sort((x, y) => x.cycleHop! - y.cycleHop!);
    expect(hops.map((edge) => `${edge.source}>${edge.target}`)).toEqual(['a>b', 'b>c', 'c>a']);
    expect(hops.every((edge) => edge.inCycle)).toBe(true);
    const cut = result.edges.filter((edge) => edge.cut);
    expect(cut.map((edge) => `${edge.source}>${edge.target}`)).toEqual([`${orgCycle!.cut.source}>${orgCycle!.cut.target}`]);
    expect(result.title).toBe('Cycle: Module A → Module B → Module C → Module A');
    expect(result.fileStem).toBe('cycle.module-a');
  });

  it('says why the cut: a member with no other way on inside the cycle', () => {
    const result = cycleFocus(new AnalysisContext(graph), orgCycle!);
    expect(result.cut).toMatchObject({ source: 'c', target: 'a', via: 'callCommonModule' });
    expect(result.cut.reason).toBe(
      'Module C has no other way on inside the cycle, so removing Module C → Module A (callCommonModule) breaks every cycle through Module C.',
    );
  });

  it('draws a flow loop in its flow step graph', () => {
    const result = cycleFocus(new AnalysisContext(graph), loop!);
    expect(result.level).toBe('steps');
    expect(result.flowId).toBe('menu');
    expect(result.nodes.map((node) => [node.id, node.side])).toEqual([
      ['menu', 'up'],
      ['menu:again', 'self'],
      ['menu:main', 'self'],
    ]);
    expect(result.title).toBe('Loop in Menu Flow: Again → Main Menu → Again');
    expect(result.fileStem).toBe('cycle.menu-flow.again');
  });

  it('explains a cut with alternatives on both ends', () => {
    const dense = graphOf(
      [flow('a'), flow('b'), flow('c')],
      [uses('a', 'b'), uses('b', 'a'), uses('a', 'c'), uses('c', 'a'), uses('b', 'c'), uses('c', 'b')],
    );
    const [cycle] = new AnalysisContext(dense).cycles;
    expect(cycleFocus(new AnalysisContext(dense), cycle!).cut.reason).toMatch(
      /fewest alternatives \(Flow \w: 2 ways on inside the cycle, Flow \w: 2 ways in\)/,
    );
  });

  it('shows every cycle of a random graph with exactly its members and their neighbours', () => {
    fc.assert(
      fc.property(smallGraph, ([n, pairs]) => {
        const random = flowGraph(n, pairs);
        for (const cycle of new AnalysisContext(random).cycles) {
          const members = new Set(cycle.members);
          const expected = new Set(cycle.members);
          for (const edge of random.edges) {
            if (members.has(edge.source)) expected.add(edge.target);
            if (members.has(edge.target)) expected.add(edge.source);
          }
          const result = cycleFocus(new AnalysisContext(random), cycle);
          expect(new Set(result.nodes.map((node) => node.id))).toEqual(expected);
          expect(result.edges.filter((edge) => edge.cycleHop !== undefined)).toHaveLength(cycle.path.length - 1);
          expect(result.edges.filter((edge) => edge.cut)).toHaveLength(1);
        }
      }),
    );
  });
});

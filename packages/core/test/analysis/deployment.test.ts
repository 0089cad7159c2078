import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { AnalysisContext } from '../../src/analysis/context.js';
import { planDeployment } from '../../src/analysis/deployment.js';
import { smallGraph } from './arbitraries.js';
import { flow, flowGraph, flowName, graphOf, resource, step, transition, uses } from './builders.js';
import { componentsOf, distances, mutuallyReachable } from './oracles.js';

describe('[U] planDeployment', () => {
  it('deploys dependencies first, in waves, with ids sorted inside a wave', () => {
    const graph = graphOf(
      [flow('main'), flow('menu'), flow('module'), resource('table'), resource('queue'), step('menu', 's')],
      [uses('main', 'menu'), uses('menu:s', 'module'), uses('menu:s', 'queue'), uses('module', 'table'), uses('main', 'table')],
    );
    const plan = planDeployment(new AnalysisContext(graph));
    expect(plan.waves).toEqual([['queue', 'table'], ['module'], ['menu'], ['main']]);
    expect(plan.order).toEqual(['queue', 'table', 'module', 'menu', 'main']);
    expect(plan.groups).toEqual([]);
    expect(plan.blocked).toBe(false);
  });

  it('lists run-time targets apart: in no wave, and not a dependency that delays their users', () => {
    const graph = graphOf(
      [flow('main'), flow('module'), resource('dynamic:QUEUE:Task.Queue', { type: 'UNKNOWN', expression: 'Task.Queue' }), resource('q')],
      [uses('main', 'dynamic:QUEUE:Task.Queue'), uses('main', 'module'), uses('module', 'dynamic:QUEUE:Task.Queue'), uses('module', 'q')],
    );
    const plan = planDeployment(new AnalysisContext(graph));
    expect(plan.waves).toEqual([['q'], ['module'], ['main']]);
    expect(plan.dynamic).toEqual(['dynamic:QUEUE:Task.Queue']);
    expect(plan.order).not.toContain('dynamic:QUEUE:Task.Queue');
  });

  it('ships a cycle as one group in one wave and blocks', () => {
    const graph = graphOf(
      [flow('a'), flow('b'), flow('c'), resource('r')],
      [uses('a', 'b'), uses('b', 'a'), uses('b', 'r'), uses('c', 'a')],
    );
    const plan = planDeployment(new AnalysisContext(graph));
    expect(plan.waves).toEqual([['r'], ['a', 'b'], ['c']]);
    expect(plan.groups).toEqual([['a', 'b']]);
    expect(plan.blocked).toBe(true);
  });

  it('blocks on a step loop only under strict', () => {
    const graph = graphOf([flow('a'), step('a', '1'), step('a', '2')], [transition('a:1', 'a:2'), transition('a:2', 'a:1')]);
    expect(planDeployment(new AnalysisContext(graph)).blocked).toBe(false);
    expect(planDeployment(new AnalysisContext(graph), { strict: true }).blocked).toBe(true);
  });

  it('blocks on a flow that uses itself directly', () => {
    expect(planDeployment(new AnalysisContext(graphOf([flow('a')], [uses('a', 'a')]))).blocked).toBe(true);
  });
});

describe('[U] planDeployment properties', () => {
  it('places every dependency in an earlier wave or the same group, and no node later than it must be', () => {
    fc.assert(
      fc.property(smallGraph, ([n, pairs]) => {
        const plan = planDeployment(new AnalysisContext(flowGraph(n, pairs)));
        const dist = distances(n, pairs);
        const waveOf = new Map<string, number>();
        plan.waves.forEach((wave, level) => {
          for (const id of wave) waveOf.set(id, level);
        });
        expect([...plan.order].sort()).toEqual(Array.from({ length: n }, (_, i) => flowName(i)));

        const wave = (i: number) => waveOf.get(flowName(i)) as number;
        for (const [a, b] of pairs) {
          if (mutuallyReachable(dist, a, b)) expect(wave(a)).toBe(wave(b));
          else expect(wave(b)).toBeLessThan(wave(a));
        }

        // Minimal: the wave is the longest chain of components below it (oracle by relaxation).
        const components = componentsOf(dist);
        const componentOf = new Map<number, number>();
        components.forEach((members, c) => {
          for (const m of members) componentOf.set(m, c);
        });
        const longest = components.map(() => 0);
        for (let round = 0; round < components.length; round++) {
          for (const [a, b] of pairs) {
            const ca = componentOf.get(a) as number;
            const cb = componentOf.get(b) as number;
            if (ca !== cb) longest[ca] = Math.max(longest[ca] as number, (longest[cb] as number) + 1);
          }
        }
        for (let i = 0; i < n; i++) expect(wave(i)).toBe(longest[componentOf.get(i) as number]);

        const multi = components.filter((members) => members.length > 1).map((members) => members.map(flowName));
        expect(plan.groups).toEqual(multi.sort((x, y) => (x[0] as string).localeCompare(y[0] as string)));
        expect(plan.blocked).toBe(multi.length > 0 || pairs.some(([a, b]) => a === b));
      }),
      { numRuns: 200 },
    );
  });
});

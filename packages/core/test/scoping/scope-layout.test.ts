import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { AnalysisContext } from '../../src/analysis/context.js';
import { cycleFocus } from '../../src/scoping/cycle-focus.js';
import { focus } from '../../src/scoping/focus.js';
import { scopeLayout } from '../../src/scoping/scope-layout.js';
import { smallGraph } from '../analysis/arbitraries.js';
import { flow, flowGraph, flowName, graphOf, uses } from '../analysis/builders.js';

describe('[U] scope layout', () => {
  it('puts upstream left by depth, the focus in the middle, downstream right by depth (property)', () => {
    fc.assert(
      fc.property(smallGraph, fc.nat(), ([n, pairs], pick) => {
        const scope = focus(new AnalysisContext(flowGraph(n, pairs)), flowName(pick % n));
        const layout = scopeLayout(scope);
        const column = (side: string, depth: number) => (side === 'up' ? -depth : depth);
        for (const a of scope.nodes) {
          const at = layout.positions[a.id]!;
          expect(at.x).toBeGreaterThan(0);
          expect(at.x).toBeLessThan(layout.width);
          expect(at.y).toBeGreaterThan(0);
          expect(at.y).toBeLessThan(layout.height);
          for (const b of scope.nodes) {
            if (column(a.side, a.depth) < column(b.side, b.depth)) expect(at.x).toBeLessThan(layout.positions[b.id]!.x);
          }
        }
        const places = new Set(Object.values(layout.positions).map((p) => `${p.x},${p.y}`));
        expect(places.size).toBe(scope.nodes.length);
      }),
    );
  });

  it('stacks a cycle in path order and spreads a tall column over staggered sub-columns', () => {
    const ring = graphOf([flow('a'), flow('b'), flow('c'), flow('d')], [uses('a', 'b'), uses('b', 'c'), uses('c', 'd'), uses('d', 'a')]);
    const scope = cycleFocus(new AnalysisContext(ring), new AnalysisContext(ring).cycles[0]!);
    const layout = scopeLayout(scope);
    const ys = ['a', 'b', 'c', 'd'].map((id) => layout.positions[id]!.y);
    expect([...ys].sort((x, y) => x - y)).toEqual(ys);

    const hub = graphOf(
      [flow('hub'), ...Array.from({ length: 30 }, (_, i) => flow(`m${i}`))],
      Array.from({ length: 30 }, (_, i) => uses('hub', `m${i}`)),
    );
    const wide = scopeLayout(focus(new AnalysisContext(hub), 'hub'), { maxRows: 12 });
    const columns = new Set(Array.from({ length: 30 }, (_, i) => wide.positions[`m${i}`]!.x));
    expect(columns.size).toBe(3);
  });
});

import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { flowchartLayout, mergeParallelTransitions, transitionRole, withoutErrorPaths } from '../../src/layout/flowchart.js';
import type { FlowchartGraph } from '../../src/layout/flowchart.js';

const step = (id: string) => ({ id, kind: 'step' });
const go = (source: string, target: string, label?: string) => ({ source, target, kind: 'transition', ...(label ? { label } : {}) });

// flow F starts at a; a -success-> b -yes-> c; a -failure-> e; b -no-> d; c -> b (a loop); c uses module M.
const flow: FlowchartGraph = {
  nodes: [{ id: 'F', kind: 'flow' }, step('a'), step('b'), step('c'), step('d'), step('e'), { id: 'M', kind: 'flow' }],
  edges: [
    { source: 'F', target: 'a', kind: 'contains' },
    go('a', 'e', 'failure'),
    go('a', 'b', 'success'),
    go('b', 'd', 'no'),
    go('b', 'c', 'yes'),
    go('c', 'b'),
    { source: 'c', target: 'M', kind: 'uses' },
  ],
};

describe('[U] flowchartLayout', () => {
  it('reads transitions as happy, branch or error', () => {
    expect(['success', 'Yes', 'found', 'default', '', undefined].map(transitionRole)).toEqual(Array(6).fill('happy'));
    expect(['failure', 'timeout', 'Error'].map(transitionRole)).toEqual(['error', 'error', 'error']);
    expect(['no', 'digit_1', 'notFound', 'holiday'].map(transitionRole)).toEqual(['branch', 'branch', 'branch', 'branch']);
  });

  it('runs the happy path straight from the start, branches below it and error paths below those', () => {
    const { positions: p } = flowchartLayout(flow);
    expect([p.a!.y, p.b!.y, p.c!.y]).toEqual([p.F!.y, p.F!.y, p.F!.y]);
    expect(p.F!.x).toBeLessThan(p.a!.x);
    expect(p.a!.x).toBeLessThan(p.b!.x);
    expect(p.b!.x).toBeLessThan(p.c!.x);
    expect(p.d!.y).toBeGreaterThan(p.b!.y);
    expect(p.e!.y).toBeGreaterThan(p.a!.y);
    // What a step uses sits right above it.
    expect(p.M!.x).toBe(p.c!.x);
    expect(p.M!.y).toBeLessThan(p.c!.y);
  });

  it('sends an error path to the side even when it is the only way on', () => {
    const { positions: p } = flowchartLayout({ nodes: [step('a'), step('b')], edges: [go('a', 'b', 'timeout')] });
    expect(p.b!.y).toBeGreaterThan(p.a!.y);
  });

  it('routes a loop back under its lane, and nothing else', () => {
    const { routes, positions: p } = flowchartLayout(flow);
    expect(routes.map((route) => `${route.source}->${route.target}`)).toEqual(['c->b']);
    for (const point of routes[0]!.points) expect(point.y).toBeGreaterThan(p.c!.y);
  });

  it('places every node once, no two on one spot, whatever the transitions', () => {
    const graphs = fc.integer({ min: 1, max: 25 }).chain((n) =>
      fc
        .array(fc.tuple(fc.nat(n - 1), fc.nat(n - 1), fc.constantFrom('success', 'failure', 'no', 'digit_1', '')), { maxLength: n * 2 })
        .map(
          (pairs): FlowchartGraph => ({
            nodes: Array.from({ length: n }, (_, i) => step(`s${i}`)),
            edges: pairs.map(([a, b, label]) => go(`s${a}`, `s${b}`, label)),
          }),
        ),
    );
    fc.assert(
      fc.property(graphs, (graph) => {
        const { positions } = flowchartLayout(graph);
        expect(Object.keys(positions).sort()).toEqual(graph.nodes.map((node) => node.id).sort());
        const spots = new Set(Object.values(positions).map((p) => `${p.x},${p.y}`));
        expect(spots.size).toBe(graph.nodes.length);
      }),
    );
  });
});

describe('[U] step view graph edits', () => {
  it('merges parallel transitions into one, happy label first', () => {
    const merged = mergeParallelTransitions([
      go('a', 'b', 'failure'),
      go('a', 'b', 'success'),
      go('a', 'b', 'timeout'),
      go('a', 'c', 'no'),
    ]);
    expect(merged.map((edge) => `${edge.source}->${edge.target}:${edge.label}`)).toEqual(['a->b:success · failure · timeout', 'a->c:no']);
  });

  it('hides error paths with the steps only they reach and what only those steps use', () => {
    const graph: FlowchartGraph = {
      ...flow,
      nodes: [...flow.nodes, { id: 'Q', kind: 'resource' }],
      edges: [...flow.edges, { source: 'e', target: 'Q', kind: 'uses' }],
    };
    const shown = withoutErrorPaths(graph);
    expect(shown.nodes.map((node) => node.id).sort()).toEqual(['F', 'M', 'a', 'b', 'c', 'd']);
    expect(shown.edges.some((edge) => edge.label === 'failure')).toBe(false);
  });
});

import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { UnknownNodeError } from '../../src/analysis/errors/unknown-node.js';
import { AnalysisContext } from '../../src/analysis/context.js';
import { impact } from '../../src/analysis/impact.js';
import { smallGraph } from './arbitraries.js';
import { flow, flowGraph, flowName, graphOf, resource, uses } from './builders.js';
import { at, distances, UNREACHABLE } from './oracles.js';

describe('[U] impact', () => {
  const graph = graphOf(
    [
      flow('ivr', { type: 'INBOUNDCALL' }),
      flow('chat', { type: 'INBOUNDCHAT' }),
      flow('queue', { type: 'INQUEUECALL' }),
      flow('module'),
      resource('table'),
    ],
    [uses('ivr', 'module'), uses('chat', 'module'), uses('queue', 'module'), uses('module', 'table'), uses('ivr', 'queue')],
  );

  it('lists downstream and upstream with depth and one shortest path each', () => {
    const result = impact(new AnalysisContext(graph), 'module');
    expect(result.downstream).toEqual([{ id: 'table', depth: 1, path: ['module', 'table'] }]);
    expect(result.upstream).toEqual([
      { id: 'chat', depth: 1, path: ['chat', 'module'] },
      { id: 'ivr', depth: 1, path: ['ivr', 'module'] },
      { id: 'queue', depth: 1, path: ['queue', 'module'] },
    ]);
  });

  it('names the entry flows that reach a node, not other flow types', () => {
    expect(impact(new AnalysisContext(graph), 'table').entryFlows).toEqual(['chat', 'ivr']);
    expect(impact(new AnalysisContext(graph), 'ivr').entryFlows).toEqual(['ivr']);
  });

  it('honours direction, depth and include, while entry flows still see everything', () => {
    const result = impact(new AnalysisContext(graph), 'table', { direction: 'up', maxDepth: 1, include: (node) => node.kind === 'flow' });
    expect(result.downstream).toEqual([]);
    expect(result.upstream.map((e) => e.id)).toEqual(['module']);
    expect(result.entryFlows).toEqual(['chat', 'ivr']);
    const filtered = impact(new AnalysisContext(graph), 'ivr', { direction: 'down', include: (node) => node.kind === 'resource' });
    expect(filtered.downstream).toEqual([{ id: 'table', depth: 2, path: ['ivr', 'module', 'table'] }]);
  });

  it('serialises lazily built paths like plain data', () => {
    expect(JSON.parse(JSON.stringify(impact(new AnalysisContext(graph), 'table', { direction: 'up', maxDepth: 1 })))).toEqual({
      node: 'table',
      downstream: [],
      upstream: [{ id: 'module', depth: 1, path: ['module', 'table'] }],
      entryFlows: ['chat', 'ivr'],
    });
  });

  it('throws a typed error for a node that is not in the graph', () => {
    expect(() => impact(new AnalysisContext(graph), 'nope')).toThrow(UnknownNodeError);
    expect(() => impact(new AnalysisContext(graph), 'nope')).toThrow('flowgraph/analysis/impact: no node "nope" in the graph.');
  });
});

describe('[U] impact properties', () => {
  const query = smallGraph.chain(([n, pairs]) =>
    fc.tuple(fc.constant(n), fc.constant(pairs), fc.integer({ min: 0, max: n - 1 }), fc.option(fc.integer({ min: 0, max: 4 }))),
  );

  it('reaches exactly the oracle sets at BFS depth, along real edges', () => {
    fc.assert(
      fc.property(query, ([n, pairs, node, maxDepth]) => {
        const graph = flowGraph(n, pairs);
        const dist = distances(n, pairs);
        const limit = maxDepth ?? UNREACHABLE;
        const result = impact(new AnalysisContext(graph), flowName(node), maxDepth === null ? {} : { maxDepth });
        const edges = new Set(pairs.map(([a, b]) => `${flowName(a)}>${flowName(b)}`));

        for (const [entries, distance, first, last] of [
          [result.downstream, (i: number) => at(dist, node, i), flowName(node), undefined],
          [result.upstream, (i: number) => at(dist, i, node), undefined, flowName(node)],
        ] as const) {
          const expected = Array.from({ length: n }, (_, i) => i).filter(
            (i) => i !== node && distance(i) < UNREACHABLE && distance(i) <= limit,
          );
          expect(entries.map((e) => e.id).sort()).toEqual(expected.map(flowName));
          for (const entry of entries) {
            expect(entry.depth).toBe(distance(Number(entry.id.slice(1))));
            expect(entry.path).toHaveLength(entry.depth + 1);
            expect(entry.path[0]).toBe(first ?? entry.id);
            expect(entry.path.at(-1)).toBe(last ?? entry.id);
            for (let i = 1; i < entry.path.length; i++) expect(edges.has(`${entry.path[i - 1]}>${entry.path[i]}`)).toBe(true);
          }
        }
      }),
      { numRuns: 200 },
    );
  });
});

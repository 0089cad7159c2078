import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { AnalysisContext } from '../../src/analysis/context.js';
import { UnknownNodeError } from '../../src/analysis/errors/unknown-node.js';
import { findPaths } from '../../src/scoping/paths.js';
import { contains, flow, flowGraph, flowName, graphOf, resource, step, transition, uses } from '../analysis/builders.js';

/** Every simple path from `from` to `to` by brute force, ordered by length then by node names. */
function allSimplePaths(n: number, pairs: readonly (readonly [number, number])[], from: number, to: number): string[][] {
  const next = Array.from({ length: n }, () => new Set<number>());
  for (const [a, b] of pairs) next[a]?.add(b);
  const found: number[][] = [];
  const walk = (path: number[]): void => {
    const last = path[path.length - 1] as number;
    if (last === to) {
      found.push(path);
      return;
    }
    for (const v of next[last] ?? []) if (!path.includes(v)) walk([...path, v]);
  };
  walk([from]);
  return found
    .map((path) => path.map(flowName))
    .sort((a, b) => a.length - b.length || (a.join(' ') < b.join(' ') ? -1 : a.join(' ') > b.join(' ') ? 1 : 0));
}

/** Graphs small enough to list every simple path: up to 7 nodes, 14 edges. */
const query = fc
  .integer({ min: 1, max: 7 })
  .chain((n) =>
    fc.tuple(
      fc.constant(n),
      fc.array(fc.tuple(fc.integer({ min: 0, max: n - 1 }), fc.integer({ min: 0, max: n - 1 })), { maxLength: 14 }),
      fc.integer({ min: 0, max: n - 1 }),
      fc.integer({ min: 0, max: n - 1 }),
      fc.integer({ min: 1, max: 8 }),
    ),
  );

describe('[U] path finder', () => {
  const graph = graphOf(
    [
      flow('ivr', { name: 'Main IVR', type: 'INBOUNDCALL' }),
      flow('a'),
      flow('b'),
      flow('billing', { name: 'Billing' }),
      resource('table'),
      step('ivr', 'start'),
      step('ivr', 'menu'),
      step('ivr', 'end'),
    ],
    [
      contains('ivr', 'ivr:start'),
      transition('ivr:start', 'ivr:menu'),
      transition('ivr:menu', 'ivr:end'),
      transition('ivr:start', 'ivr:end'),
      uses('ivr:menu', 'a', 'callCommonModule'),
      uses('ivr:end', 'b', 'transferToFlow'),
      uses('a', 'billing', 'callCommonModule'),
      uses('b', 'billing', 'callCommonModule'),
      uses('billing', 'table', 'dataTableLookup'),
    ],
  );

  it('lists every shortest path in id order, each hop with its via', () => {
    const result = findPaths(new AnalysisContext(graph), 'ivr', 'table');
    expect(result.shortest).toBe(3);
    expect(result.shortestCount).toBe(2);
    expect(result.paths.map((path) => path.nodes)).toEqual([
      ['ivr', 'a', 'billing', 'table'],
      ['ivr', 'b', 'billing', 'table'],
    ]);
    expect(result.paths[1]?.hops.map((hop) => hop.via)).toEqual(['transferToFlow', 'callCommonModule', 'dataTableLookup']);
    expect(result.truncated).toBe(false);
    expect(result.fileStem).toBe('path.main-ivr.to.resource-table');
    expect(result.nodes.map((node) => [node.id, node.side, node.depth])).toEqual([
      ['a', 'path', 1],
      ['b', 'path', 1],
      ['billing', 'path', 2],
      ['ivr', 'self', 0],
      ['table', 'self', 3],
    ]);
    expect(result.edges).toHaveLength(5);
  });

  it('traces between two steps of one flow in its step graph, labels on the hops', () => {
    const result = findPaths(new AnalysisContext(graph), 'ivr:start', 'ivr:end', { all: true, limit: 5 });
    expect(result.level).toBe('steps');
    expect(result.paths.map((path) => path.nodes)).toEqual([
      ['ivr:start', 'ivr:end'],
      ['ivr:start', 'ivr:menu', 'ivr:end'],
    ]);
    expect(result.truncated).toBe(false);
  });

  it('traces a step from its flow when the other end is elsewhere', () => {
    const result = findPaths(new AnalysisContext(graph), 'ivr:menu', 'billing');
    expect(result.from).toBe('ivr');
    expect(result.level).toBe('org');
  });

  it('answers no path with null and draws both ends', () => {
    const result = findPaths(new AnalysisContext(graph), 'table', 'ivr');
    expect(result.shortest).toBeNull();
    expect(result.paths).toEqual([]);
    expect(result.nodes.map((node) => node.id)).toEqual(['ivr', 'table']);
  });

  it('stops at the limit and says so', () => {
    const result = findPaths(new AnalysisContext(graph), 'ivr', 'table', { limit: 1 });
    expect(result.paths).toHaveLength(1);
    expect(result.truncated).toBe(true);
    expect(result.shortestCount).toBe(2);
  });

  it('counts shortest paths without listing them on a graph with 2^20 of them', () => {
    const layers = 20;
    const nodes = [flow('s')];
    const edges = [];
    let previous = ['s'];
    for (let layer = 0; layer < layers; layer++) {
      const here = [`l${layer}a`, `l${layer}b`];
      nodes.push(...here.map((id) => flow(id)));
      for (const p of previous) for (const h of here) edges.push(uses(p, h));
      previous = here;
    }
    nodes.push(flow('t'));
    for (const p of previous) edges.push(uses(p, 't'));
    const result = findPaths(new AnalysisContext(graphOf(nodes, edges)), 's', 't');
    expect(result.shortestCount).toBe(2 ** layers);
    expect(result.paths).toHaveLength(20);
    expect(result.truncated).toBe(true);
  });

  it('rejects unknown nodes and a bad limit', () => {
    expect(() => findPaths(new AnalysisContext(graph), 'ivr', 'nope')).toThrow(UnknownNodeError);
    expect(() => findPaths(new AnalysisContext(graph), 'ivr', 'a', { limit: 0 })).toThrow(/limit/);
  });
});

describe('[U] path finder properties', () => {
  it('shortest paths equal the brute-force shortest simple paths, in order, counted exactly', () => {
    fc.assert(
      fc.property(query, ([n, pairs, from, to]) => {
        const expected = allSimplePaths(n, pairs, from, to);
        const shortest = expected.filter((path) => path.length === expected[0]?.length);
        const result = findPaths(new AnalysisContext(flowGraph(n, pairs)), flowName(from), flowName(to), { limit: 1000 });
        expect(result.paths.map((path) => path.nodes)).toEqual(shortest);
        expect(result.shortestCount).toBe(shortest.length);
        expect(result.shortest).toBe(expected.length === 0 ? null : (expected[0]?.length ?? 0) - 1);
      }),
    );
  });

  it('k simple paths are the first k of all simple paths by length (first ones the shortest), each simple and real', () => {
    fc.assert(
      fc.property(query, ([n, pairs, from, to, k]) => {
        const expected = allSimplePaths(n, pairs, from, to);
        const edges = new Set(pairs.map(([a, b]) => `${flowName(a)}>${flowName(b)}`));
        const result = findPaths(new AnalysisContext(flowGraph(n, pairs)), flowName(from), flowName(to), { all: true, limit: k });
        const listed = result.paths.map((path) => path.nodes);
        expect(listed).toEqual(expected.slice(0, k));
        expect(result.truncated).toBe(expected.length > k);
        for (const path of result.paths) {
          expect(new Set(path.nodes).size).toBe(path.nodes.length);
          for (const hop of path.hops) expect(edges.has(`${hop.source}>${hop.target}`)).toBe(true);
        }
      }),
      { numRuns: 300 },
    );
  });
});

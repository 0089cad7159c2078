import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { buildGraphIndex, EDGE_KIND, NODE_KIND } from '../../src/analysis/graph-index.js';
import type { FlowGraph, GraphEdge, GraphNode } from '../../src/model/graph.js';
import { contains, edge, flow, graphOf, resource, step, transition, uses } from './builders.js';

function outNeighbours(index: ReturnType<typeof buildGraphIndex>, id: string): string[] {
  const i = index.indexOf.get(id) as number;
  return Array.from(index.outTargets.subarray(index.outOffsets[i], index.outOffsets[i + 1]), (t) => index.ids[t] as string);
}

function inNeighbours(index: ReturnType<typeof buildGraphIndex>, id: string): string[] {
  const i = index.indexOf.get(id) as number;
  return Array.from(index.inSources.subarray(index.inOffsets[i], index.inOffsets[i + 1]), (s) => index.ids[s] as string);
}

describe('[U] buildGraphIndex', () => {
  const graph = graphOf(
    [flow('a'), flow('b'), resource('r'), step('a', 's1'), step('a', 's2')],
    [contains('a', 'a:s1'), transition('a:s1', 'a:s2'), uses('a:s2', 'b'), uses('a:s2', 'r'), uses('b', 'ghost'), uses('a', 'b')],
  );
  const index = buildGraphIndex(graph);

  it('numbers nodes in insertion order and records their kinds', () => {
    expect(index.ids).toEqual(['a', 'b', 'r', 'a:s1', 'a:s2']);
    expect(Array.from(index.kinds)).toEqual([NODE_KIND.flow, NODE_KIND.flow, NODE_KIND.resource, NODE_KIND.step, NODE_KIND.step]);
  });

  it('stores out- and in-neighbours in edge order', () => {
    expect(outNeighbours(index, 'a')).toEqual(['a:s1', 'b']);
    expect(outNeighbours(index, 'a:s2')).toEqual(['b', 'r']);
    expect(inNeighbours(index, 'b')).toEqual(['a:s2', 'a']);
    expect(outNeighbours(index, 'r')).toEqual([]);
  });

  it('skips edges whose endpoint is not a node, and counts them', () => {
    expect(index.skippedEdges).toBe(1);
    expect(outNeighbours(index, 'b')).toEqual([]);
    expect(index.outTargets.length).toBe(5);
  });

  it('points every slot back at its edge, so kinds and labels stay readable', () => {
    for (let i = 0; i < index.ids.length; i++) {
      for (let slot = index.outOffsets[i] as number; slot < (index.outOffsets[i + 1] as number); slot++) {
        const e = graph.edges[index.outEdges[slot] as number];
        expect(e?.source).toBe(index.ids[i]);
        expect(e?.target).toBe(index.ids[index.outTargets[slot] as number]);
        expect(index.edgeKinds[index.outEdges[slot] as number]).toBe(EDGE_KIND[e?.kind ?? 'uses']);
      }
    }
  });
});

/** The index as a plain id map would build it: endpoints, adjacency in edge order, owning flows. */
function expectSameAsNaiveIndex(graph: FlowGraph): void {
  const index = buildGraphIndex(graph);
  const ids = [...graph.nodes.keys()];
  const position = new Map(ids.map((id, i) => [id, i]));
  const ends = graph.edges.map((e) => [position.get(e.source) ?? -1, position.get(e.target) ?? -1]);
  const kept = ends.map(([s, t]) => (s as number) >= 0 && (t as number) >= 0);
  expect(index.ids).toEqual(ids);
  expect(Array.from(index.edgeSources)).toEqual(ends.map(([s], e) => (kept[e] ? s : -1)));
  expect(Array.from(index.edgeTargets)).toEqual(ends.map(([, t], e) => (kept[e] ? t : -1)));
  expect(index.skippedEdges).toBe(kept.filter((k) => !k).length);
  const outEdges = ids.map((): number[] => []);
  const inEdges = ids.map((): number[] => []);
  ends.forEach(([s, t], e) => {
    if (!kept[e]) return;
    outEdges[s as number]?.push(e);
    inEdges[t as number]?.push(e);
  });
  expect(ids.map((_, i) => Array.from(index.outEdges.subarray(index.outOffsets[i], index.outOffsets[i + 1])))).toEqual(outEdges);
  expect(ids.map((_, i) => Array.from(index.inEdges.subarray(index.inOffsets[i], index.inOffsets[i + 1])))).toEqual(inEdges);
  const flowOf = [...graph.nodes.values()].map((node) =>
    node.kind === 'step' && graph.nodes.get(node.flowId)?.kind === 'flow' ? (position.get(node.flowId) as number) : -1,
  );
  expect(Array.from(index.flowOf)).toEqual(flowOf);
  expect([...index.indexOf]).toEqual([...position]);
}

interface RandomGraphShape {
  flows: number;
  steps: number;
  edges: number;
  /** Nodes in a random order instead of each flow followed by its steps. */
  shuffled?: boolean;
  /** Edges leave the nodes in order and land at most this far away (in node order); else anywhere. */
  reach?: number;
}

/** Flows of `steps` steps each, a resource, and random edges (about 1 in 50 to an unknown id), seeded. */
function randomGraph(seed: number, shape: RandomGraphShape): FlowGraph {
  let state = seed;
  const random = (below: number) => {
    state = (Math.imul(state, 1103515245) + 12345) >>> 0;
    return state % below;
  };
  const nodes: GraphNode[] = [resource('r')];
  for (let f = 0; f < shape.flows; f++) {
    nodes.push(flow(`f${f}`));
    for (let s = 0; s < shape.steps; s++) nodes.push(step(`f${f}`, `s${s}`));
  }
  if (shape.shuffled === true) {
    for (let i = nodes.length - 1; i > 0; i--) {
      const j = random(i + 1);
      [nodes[i], nodes[j]] = [nodes[j] as GraphNode, nodes[i] as GraphNode];
    }
  }
  const idAt = (i: number) => (random(50) === 0 ? 'ghost' : (nodes[Math.max(0, Math.min(nodes.length - 1, i))] as GraphNode).id);
  const list: GraphEdge[] = [];
  for (let e = 0; e < shape.edges; e++) {
    const from = shape.reach === undefined ? random(nodes.length) : e % nodes.length;
    const to = shape.reach === undefined ? random(nodes.length) : from - shape.reach + random(2 * shape.reach + 1);
    list.push(edge(idAt(from), idAt(to), random(2) === 0 ? 'uses' : 'transition'));
  }
  return graphOf(nodes, list);
}

/** 100 small seeded random graphs, nodes and edges in any order. */
function forSmallRandomGraphs(check: (graph: FlowGraph, seed: number) => void): void {
  fc.assert(
    fc.property(
      fc.integer({ min: 1, max: 2 ** 31 - 1 }),
      fc.integer({ min: 1, max: 4 }),
      fc.integer({ min: 0, max: 8 }),
      (seed, flows, steps) => check(randomGraph(seed, { flows, steps, edges: 40, shuffled: seed % 2 === 0 }), seed),
    ),
    { numRuns: 100 },
  );
}

describe('[U] buildGraphIndex finds every endpoint, whatever the order', () => {
  it('matches a plain id map on small graphs in any node and edge order', () => {
    forSmallRandomGraphs((graph) => expectSameAsNaiveIndex(graph));
  });

  it('matches it on big flows whose edges jump near and far, and on a shuffled graph', () => {
    // Steps found near the guess, found after their flow, and (past 4,096 steps) only by the id map.
    expectSameAsNaiveIndex(randomGraph(7, { flows: 3, steps: 6_000, edges: 18_000, reach: 600 }));
    expectSameAsNaiveIndex(randomGraph(9, { flows: 2, steps: 6_000, edges: 12_000, reach: 5_000 }));
    // Any node anywhere: the guesses fail and the id map takes over.
    expectSameAsNaiveIndex(randomGraph(11, { flows: 4, steps: 2_000, edges: 3_000, shuffled: true }));
  });

  it('reads endpoints in the usual order: a flow, then its steps, then their edges step by step', () => {
    const nodes = [flow('a'), ...Array.from({ length: 500 }, (_, i) => step('a', `s${i}`)), resource('r')];
    const edges = nodes.slice(1, 500).map((node, i) => transition(node.id, `a:s${i + 1}`));
    edges.push(transition('a:s3', 'a:s0'), transition('a:s10', 'a:s400'), uses('a:s499', 'r'), contains('a', 'a:s0'));
    expectSameAsNaiveIndex(graphOf(nodes, edges));
  });
});

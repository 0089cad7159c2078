import { describe, expect, it } from 'vitest';
import { buildGraphIndex, EDGE_KIND, NODE_KIND } from '../../src/analysis/graph-index.js';
import { contains, flow, graphOf, resource, step, transition, uses } from './builders.js';

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

import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { buildGraphIndex } from '../../src/analysis/graph-index.js';
import { hasSelfLoop, stronglyConnectedComponents } from '../../src/analysis/strongly-connected.js';
import { smallGraph } from './arbitraries.js';
import { flowGraph } from './builders.js';
import { distances, mutuallyReachable } from './oracles.js';

describe('[U] stronglyConnectedComponents', () => {
  it('finds a cycle, a self-loop and the singletons around them', () => {
    const graph = flowGraph(5, [
      [0, 1],
      [1, 2],
      [2, 0],
      [2, 3],
      [4, 4],
    ]);
    const index = buildGraphIndex(graph);
    const { componentOf, count } = stronglyConnectedComponents(index);
    expect(count).toBe(3);
    expect(componentOf[0]).toBe(componentOf[1]);
    expect(componentOf[1]).toBe(componentOf[2]);
    expect(componentOf[3]).not.toBe(componentOf[0]);
    expect(hasSelfLoop(index, 4)).toBe(true);
    expect(hasSelfLoop(index, 3)).toBe(false);
  });

  it('follows only the edges a mask allows', () => {
    const graph = flowGraph(2, [
      [0, 1],
      [1, 0],
    ]);
    const index = buildGraphIndex(graph);
    expect(stronglyConnectedComponents(index).count).toBe(1);
    expect(stronglyConnectedComponents(index, Uint8Array.from([1, 0])).count).toBe(2);
  });
});

describe('[U] stronglyConnectedComponents properties', () => {
  it('puts two nodes together exactly when each reaches the other', () => {
    fc.assert(
      fc.property(smallGraph, ([n, pairs]) => {
        const { componentOf } = stronglyConnectedComponents(buildGraphIndex(flowGraph(n, pairs)));
        const dist = distances(n, pairs);
        for (let i = 0; i < n; i++) {
          for (let j = 0; j < n; j++) {
            expect(componentOf[i] === componentOf[j]).toBe(mutuallyReachable(dist, i, j));
          }
        }
      }),
      { numRuns: 200 },
    );
  });

  it('numbers components dependencies first: an edge never leads to a higher number', () => {
    fc.assert(
      fc.property(smallGraph, ([n, pairs]) => {
        const { componentOf, offsets, members, count } = stronglyConnectedComponents(buildGraphIndex(flowGraph(n, pairs)));
        for (const [a, b] of pairs) expect(componentOf[b]).toBeLessThanOrEqual(componentOf[a] as number);
        expect(offsets[count]).toBe(n);
        for (let c = 0; c < count; c++) {
          for (let m = offsets[c] as number; m < (offsets[c + 1] as number); m++) expect(componentOf[members[m] as number]).toBe(c);
        }
      }),
      { numRuns: 200 },
    );
  });
});

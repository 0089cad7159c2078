import { describe, expect, it } from 'vitest';
import { EdgeEndList, recordEdgeEnds, recordedEdgeEnds } from '../../src/model/edge-ends.js';
import type { GraphEdge } from '../../src/model/graph.js';

describe('[U] EdgeEndList', () => {
  it('keeps every pair in order through its growth', () => {
    const list = new EdgeEndList(1);
    for (let i = 0; i < 5_000; i++) list.push(i, i + 7);
    const view = list.view();
    expect(view).toHaveLength(10_000);
    expect([view[0], view[1], view[9_998], view[9_999]]).toEqual([0, 7, 4_999, 5_006]);
  });
});

describe('[U] recorded edge ends', () => {
  it('are returned for the very list they were recorded for, while it keeps its length', () => {
    const edges: GraphEdge[] = [{ source: 'a', target: 'b', kind: 'uses' }];
    recordEdgeEnds(edges, Int32Array.of(0, 1));
    expect(Array.from(recordedEdgeEnds(edges) ?? [])).toEqual([0, 1]);
    expect(recordedEdgeEnds([...edges])).toBeUndefined();
    edges.push({ source: 'b', target: 'a', kind: 'uses' });
    expect(recordedEdgeEnds(edges)).toBeUndefined();
  });
});

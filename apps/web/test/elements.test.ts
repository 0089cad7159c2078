import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { ExportGraph } from '@flowgraph/core';
import { segmentsThrough, toElements } from '../src/graph/elements.js';

const point = fc.record({ x: fc.double({ min: -1000, max: 1000, noNaN: true }), y: fc.double({ min: -1000, max: 1000, noNaN: true }) });

describe('[U] graph elements', () => {
  it('segment weights and distances put Cytoscape’s bend points exactly on the route', () => {
    fc.assert(
      fc.property(point, point, fc.array(point, { minLength: 1, maxLength: 5 }), (source, target, points) => {
        const dx = target.x - source.x;
        const dy = target.y - source.y;
        const length = Math.hypot(dx, dy);
        fc.pre(length > 1);
        const { weights, distances } = segmentsThrough(source, target, points);
        // Cytoscape: source + w (target - source) + d (-dy, dx) / length
        points.forEach((p, i) => {
          const w = weights[i]!;
          const d = distances[i]!;
          expect(source.x + w * dx + (d * -dy) / length).toBeCloseTo(p.x, 6);
          expect(source.y + w * dy + (d * dx) / length).toBeCloseTo(p.y, 6);
        });
      }),
    );
  });

  it('gives a routed edge its bends and leaves other edges straight', () => {
    const graph: ExportGraph = {
      nodes: ['a', 'b', 'c'].map((id) => ({ id, kind: 'flow' as const, type: 'COMMONMODULE', name: id, state: 'published' as const })),
      edges: [
        { source: 'a', target: 'c', kind: 'uses' },
        { source: 'a', target: 'b', kind: 'uses' },
      ],
    };
    const positions = { a: { x: 0, y: 0 }, b: { x: 100, y: 0 }, c: { x: 200, y: 0 } };
    const elements = toElements(graph, { positions, routes: [{ source: 'a', target: 'c', points: [{ x: 100, y: 50 }] }] });
    const edge = (id: string) => elements.find((element) => element.data.id === id)!.data;
    expect(edge('e0').weights).toEqual([0.5]);
    expect(edge('e0').distances).toEqual([50]);
    expect(edge('e1').weights).toBeUndefined();
  });
});

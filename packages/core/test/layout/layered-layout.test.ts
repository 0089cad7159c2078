import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { layeredLayout } from '../../src/layout/index.js';
import type { Layout, LayoutGraph } from '../../src/layout/index.js';

const options = { layerSpacing: 200, nodeSpacing: 60, componentSpacing: 100 };

const graphs = fc.integer({ min: 1, max: 40 }).chain((n) =>
  fc.record({
    nodes: fc.constant(Array.from({ length: n }, (_, i) => ({ id: `n${i}` }))),
    edges: fc.array(fc.record({ source: fc.nat(n - 1).map((i) => `n${i}`), target: fc.nat(n - 1).map((i) => `n${i}`) }), {
      maxLength: n * 2,
    }),
  }),
);

/** Brute-force oracle: does `from` reach `to` along edges? */
function reaches(graph: LayoutGraph, from: string, to: string): boolean {
  const seen = new Set([from]);
  const queue = [from];
  while (queue.length > 0) {
    const v = queue.shift()!;
    for (const edge of graph.edges) {
      if (edge.source !== v || seen.has(edge.target)) continue;
      if (edge.target === to) return true;
      seen.add(edge.target);
      queue.push(edge.target);
    }
  }
  return false;
}

function overlaps(layout: Layout): string[] {
  const entries = Object.entries(layout.positions);
  const clashes: string[] = [];
  for (let i = 0; i < entries.length; i++) {
    for (let j = i + 1; j < entries.length; j++) {
      const [a, p] = entries[i]!;
      const [b, q] = entries[j]!;
      const apart = Math.abs(p.x - q.x) >= options.layerSpacing - 1e-6 || Math.abs(p.y - q.y) >= options.nodeSpacing - 1e-6;
      if (!apart) clashes.push(`${a}/${b}`);
    }
  }
  return clashes;
}

describe('[U] layeredLayout', () => {
  it('places every node inside the box, none overlapping', () => {
    fc.assert(
      fc.property(graphs, (graph) => {
        const layout = layeredLayout(graph, options);
        expect(Object.keys(layout.positions).sort()).toEqual(graph.nodes.map((n) => n.id).sort());
        for (const p of Object.values(layout.positions)) {
          expect(p.x).toBeGreaterThan(0);
          expect(p.y).toBeGreaterThan(0);
          expect(p.x).toBeLessThan(layout.width);
          expect(p.y).toBeLessThan(layout.height);
        }
        expect(overlaps(layout)).toEqual([]);
      }),
    );
  });

  it('draws every edge outside a cycle left to right (user left of its dependency)', () => {
    fc.assert(
      fc.property(graphs, (graph) => {
        const { positions } = layeredLayout(graph, options);
        for (const { source, target } of graph.edges) {
          if (source === target || reaches(graph, target, source)) continue;
          expect(positions[source]!.x).toBeLessThan(positions[target]!.x);
        }
      }),
    );
  });

  it('is deterministic', () => {
    fc.assert(
      fc.property(graphs, (graph) => {
        expect(layeredLayout(graph, options)).toEqual(layeredLayout(structuredClone(graph), options));
      }),
    );
  });

  it('puts a dependency chain in one row of layers and stacks separate components', () => {
    const layout = layeredLayout(
      {
        nodes: ['a', 'b', 'c', 'x', 'y'].map((id) => ({ id })),
        edges: [
          { source: 'a', target: 'b' },
          { source: 'b', target: 'c' },
          { source: 'x', target: 'y' },
        ],
      },
      options,
    );
    const p = layout.positions;
    expect([p.a!.x, p.b!.x, p.c!.x]).toEqual([100, 300, 500]);
    expect(p.a!.y).toBe(p.c!.y);
    expect(p.x!.x).toBeLessThan(p.y!.x);
  });

  it('spreads a tall layer over several columns, all right of their user, near the wanted aspect ratio', () => {
    const leaves = Array.from({ length: 60 }, (_, i) => ({ id: `leaf${i}` }));
    const layout = layeredLayout(
      { nodes: [{ id: 'hub' }, ...leaves], edges: leaves.map((leaf) => ({ source: 'hub', target: leaf.id })) },
      { ...options, aspectRatio: 1.5 },
    );
    const columns = new Set(leaves.map((leaf) => layout.positions[leaf.id]!.x));
    expect(columns.size).toBeGreaterThan(1);
    for (const leaf of leaves) expect(layout.positions[leaf.id]!.x).toBeGreaterThan(layout.positions.hub!.x);
    const ratio = layout.width / layout.height;
    expect(ratio).toBeGreaterThan(0.75);
    expect(ratio).toBeLessThan(3);
    expect(overlaps(layout)).toEqual([]);
  });

  it('ignores duplicate edges, self loops and edges to unknown nodes', () => {
    const layout = layeredLayout({
      nodes: [{ id: 'a' }, { id: 'b' }],
      edges: [
        { source: 'a', target: 'a' },
        { source: 'a', target: 'b' },
        { source: 'a', target: 'b' },
        { source: 'a', target: 'ghost' },
      ],
    });
    expect(Object.keys(layout.positions)).toEqual(['a', 'b']);
    expect(layout.positions.a!.x).toBeLessThan(layout.positions.b!.x);
  });

  it('lays out a 20,000-node chain without overflowing the stack', () => {
    const n = 20_000;
    const nodes = Array.from({ length: n }, (_, i) => ({ id: `v${i}` }));
    const edges = nodes.slice(1).map((node, i) => ({ source: `v${i}`, target: node.id }));
    edges.push({ source: `v${n - 1}`, target: 'v0' });
    const layout = layeredLayout({ nodes, edges });
    expect(Object.keys(layout.positions)).toHaveLength(n);
  });
});

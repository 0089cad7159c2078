import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { layeredLayout } from '../../src/layout/layered-layout.js';
import type { Layout, LayoutGraph } from '../../src/layout/types.js';

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

  it('routes long edges through free slots: bends move left to right and never sit on a node or another bend', () => {
    fc.assert(
      fc.property(graphs, (graph) => {
        const layout = layeredLayout(graph, options);
        const slots: [string, { x: number; y: number }][] = Object.entries(layout.positions);
        for (const route of layout.routes) {
          const xs = [layout.positions[route.source]!.x, ...route.points.map((p) => p.x), layout.positions[route.target]!.x];
          for (let i = 1; i < xs.length; i++) expect(xs[i]!).toBeGreaterThan(xs[i - 1]!);
          for (const [i, point] of route.points.entries()) slots.push([`${route.source}->${route.target}#${i}`, point]);
        }
        expect(overlaps({ ...layout, positions: Object.fromEntries(slots) })).toEqual([]);
      }),
    );
  });

  it('bends an edge that skips layers around the nodes in between', () => {
    const layout = layeredLayout(
      {
        nodes: ['a', 'b', 'c', 'd'].map((id) => ({ id })),
        edges: [
          { source: 'a', target: 'b' },
          { source: 'b', target: 'c' },
          { source: 'c', target: 'd' },
          { source: 'a', target: 'd' },
        ],
      },
      options,
    );
    const route = layout.routes.find((candidate) => candidate.source === 'a' && candidate.target === 'd');
    expect(route?.points).toHaveLength(2);
    const p = layout.positions;
    expect(route!.points.map((point) => point.x)).toEqual([p.b!.x, p.c!.x]);
    for (const point of route!.points) expect(point.y).not.toBe(p.b!.y);
    expect(layout.routes).toHaveLength(1);
  });

  it('keeps a small cycle together even when a far user pulls one member right', () => {
    // x <-> y; r uses y, and the end of a long chain uses x: a plain longest-path layering puts
    // y next to r and drags x right past the chain, so the two-member cycle spans the drawing.
    const chain = Array.from({ length: 6 }, (_, i) => ({ id: `c${i}` }));
    const layout = layeredLayout(
      {
        nodes: [{ id: 'r' }, { id: 'y' }, { id: 'x' }, ...chain],
        edges: [
          { source: 'r', target: 'y' },
          { source: 'y', target: 'x' },
          { source: 'x', target: 'y' },
          ...chain.slice(1).map((node, i) => ({ source: `c${i}`, target: node.id })),
          { source: 'c5', target: 'x' },
        ],
      },
      options,
    );
    const { x, y } = layout.positions;
    expect(Math.abs(x!.x - y!.x) + Math.abs(x!.y - y!.y)).toBeLessThanOrEqual(Math.max(options.layerSpacing, options.nodeSpacing));
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

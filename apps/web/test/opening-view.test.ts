import cytoscape, { type ElementDefinition } from 'cytoscape';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { type Box, drawingBox, fitView } from '../src/graph/opening-view.js';
import { BASE_FONT_SIZE, BASE_LABEL_WIDTH, NODE_SIZE, stylesheet } from '../src/graph/stylesheet.js';

const node = (id: string, x: number, y: number, label = id): ElementDefinition => ({
  group: 'nodes',
  data: { id, label, colour: '#2563eb', shape: 'round-rectangle' },
  position: { x, y },
});
/** A label font 6 model units per character wide (the real one is measured by a canvas). */
const measure = (text: string) => text.length * 6;
const LIMITS = { min: 0.02, max: 3 };

const inside = (inner: Box, outer: Box) => inner.x1 >= outer.x1 && inner.y1 >= outer.y1 && inner.x2 <= outer.x2 && inner.y2 <= outer.y2;

describe('[U] the opening view from the positions', () => {
  it('boxes every node, the labels at the left and right edges, and landmark labels at their font', () => {
    const elements = [node('left', 0, 0, 'x'.repeat(20)), node('mid', 500, 300, 'y'.repeat(60)), node('right', 1000, 600, 'z')];
    const box = drawingBox(elements, measure);
    // The left label (120 units) is wider than its node; the right one (6) is not; the middle one never reaches an edge.
    expect(box.x1).toBe(-60);
    expect(box.x2).toBeGreaterThanOrEqual(1000 + NODE_SIZE.width / 2);
    expect(box.x2).toBeLessThan(1000 + NODE_SIZE.width);
    // Above the top row: its arcs; below the bottom row: its label.
    expect(box.y1).toBeLessThan(-NODE_SIZE.height / 2);
    expect(box.y2).toBeGreaterThan(600 + NODE_SIZE.height / 2 + BASE_FONT_SIZE);
    // Labels are cut at the label width.
    expect(drawingBox([node('long', 0, 0, 'w'.repeat(100))], measure).x1).toBe(-BASE_LABEL_WIDTH / 2);
    // A landmark at ten times the font: its label's width limit ten times as wide, wherever the node is.
    const landmark = drawingBox(elements, measure, new Set(['mid']), 10 * BASE_FONT_SIZE);
    expect(landmark.x1).toBe(500 - 5 * BASE_LABEL_WIDTH);
    expect(landmark.x2).toBe(500 + 5 * BASE_LABEL_WIDTH);
    expect(landmark.y2).toBe(box.y2);
  });

  it('holds every node as Cytoscape sizes it with the org stylesheet', () => {
    const elements = [node('a', -40, 10), node('b', 220, -300), node('c', 880, 450)];
    const cy = cytoscape({ headless: true, styleEnabled: true, elements, style: stylesheet });
    const measured = cy.nodes().boundingBox({ includeLabels: false });
    expect(inside(measured, drawingBox(elements, measure))).toBe(true);
  });

  it('frames the whole box inside the padding, touching it on one side, centred on the other (as Cytoscape fits)', () => {
    const coordinate = fc.integer({ min: -50_000, max: 50_000 });
    fc.assert(
      fc.property(
        fc.array(fc.tuple(coordinate, coordinate), { minLength: 1, maxLength: 40 }),
        fc.integer({ min: 300, max: 2000 }),
        fc.integer({ min: 300, max: 1200 }),
        (points, width, height) => {
          const elements = points.map(([x, y], index) => node(`n${index}`, x, y));
          const box = drawingBox(elements, measure);
          const { zoom, pan } = fitView(box, width, height, 30, LIMITS);
          const screen = { x1: box.x1 * zoom + pan.x, y1: box.y1 * zoom + pan.y, x2: box.x2 * zoom + pan.x, y2: box.y2 * zoom + pan.y };
          // Centred both ways.
          expect(screen.x1 + screen.x2).toBeCloseTo(width, 6);
          expect(screen.y1 + screen.y2).toBeCloseTo(height, 6);
          if (zoom === LIMITS.max) return;
          // Every node and its label on screen, inside the padding, unless the graph is too large for the minimum zoom.
          if (zoom > LIMITS.min) {
            expect(inside(screen, { x1: 30 - 1e-6, y1: 30 - 1e-6, x2: width - 30 + 1e-6, y2: height - 30 + 1e-6 })).toBe(true);
            // Tight: the box reaches the padding left and right or top and bottom.
            expect(Math.min(Math.abs(screen.x1 - 30), Math.abs(screen.y1 - 30))).toBeCloseTo(0, 6);
          }
        },
      ),
    );
  });

  it('opens a small diagram no closer than the maximum zoom', () => {
    const view = fitView(drawingBox([node('only', 10, 20)], measure), 1000, 800, 30, LIMITS);
    expect(view.zoom).toBe(LIMITS.max);
    expect(view.pan).toEqual({ x: 500 - 10 * LIMITS.max, y: expect.any(Number) });
  });
});

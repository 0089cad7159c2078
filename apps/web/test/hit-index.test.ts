import type { ExportGraph } from '@flowgraph/core';
import cytoscape, { type Core, type SingularElementArgument } from 'cytoscape';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { applyClasses } from '../src/graph/apply-classes.js';
import { DIM_PLATE_ID, setDimmed, withDimming } from '../src/graph/dimming.js';
import { toElements } from '../src/graph/elements.js';
import { type HitTester, installHitIndex, PointGrid, withNodeHitsOnly, type ZSortedElements } from '../src/graph/hit-index.js';
import { stylesheet } from '../src/graph/stylesheet.js';
import { computeClasses, type VisualInput } from '../src/graph/visual-state.js';
import { initialUiState } from '../src/state/types.js';
import { impactOf } from './impact-of.js';

/** 60 flows in rows, each using 3 of 90 queues (some queues used by several), two kinds of flow. */
function org(): ExportGraph {
  const nodes: ExportGraph['nodes'] = [];
  const edges: ExportGraph['edges'] = [];
  for (let r = 0; r < 90; r++) nodes.push({ id: `r${r}`, kind: 'resource', type: 'QUEUE', name: `Queue ${r}`, state: 'unknown' });
  for (let f = 0; f < 60; f++) {
    nodes.push({ id: `f${f}`, kind: 'flow', type: f % 4 === 0 ? 'WORKFLOW' : 'INBOUNDCALL', name: `Flow ${f}`, state: 'published' });
    for (let k = 0; k < 3; k++) edges.push({ source: `f${f}`, target: `r${(f * 7 + k * 11) % 90}`, kind: 'uses' });
  }
  return { nodes, edges };
}

/** The org on a 10-wide grid, 40 units apart (nodes are 26 wide: pointer tolerance overlaps neighbours' reach), styled as GraphCanvas styles it. */
function canvas(graph: ExportGraph): Core {
  const positions = Object.fromEntries(graph.nodes.map((node, i) => [node.id, { x: (i % 10) * 40, y: Math.floor(i / 10) * 40 }]));
  return cytoscape({
    headless: true,
    styleEnabled: true,
    elements: toElements(graph, { positions }),
    style: withDimming(withNodeHitsOnly(stylesheet)),
    layout: { name: 'preset', fit: false },
  });
}

/** Brings every element's style up to date, as the renderer does before each frame (headless, a cached `interactive()` can lag a class change). */
function settle(cy: Core): void {
  cy.elements().forEach((element) => {
    element.style('display');
  });
}

const selection = (graph: ExportGraph, nodeId: string): VisualInput => ({
  graph,
  mode: { kind: 'selected', nodeId },
  filters: { ...initialUiState.filters, hiddenTypes: ['WORKFLOW'] },
  cycles: [],
  findings: [],
  impact: impactOf(graph, nodeId),
});

/** Cytoscape's own verdict (`interactive()`, missing from its typings for edges): events on, visible, taking up space. */
const takesPointer = (element: SingularElementArgument): boolean => (element as unknown as { interactive(): boolean }).interactive();

/**
 * A stand-in for the canvas renderer's hit test (headless Cytoscape has no renderer): every
 * element that takes the pointer, topmost first, a node hit within its outer box plus 2 px.
 * It counts the elements it tests.
 */
function bruteTester(cy: Core): HitTester & { tested: number } {
  let sorted: ZSortedElements | undefined;
  cy.on('add remove style', () => {
    sorted = undefined;
  });
  const tester = {
    tested: 0,
    getCachedZSortedEles(): ZSortedElements {
      if (!sorted) {
        const all = (cy.elements() as unknown as { sortByZIndex(): { toArray(): SingularElementArgument[] } }).sortByZIndex().toArray();
        sorted = Object.assign(all, { interactive: all.filter(takesPointer) });
      }
      return sorted;
    },
    findNearestElements(this: HitTester, x: number, y: number, _interactiveOnly: boolean, isTouch: boolean): SingularElementArgument[] {
      const tolerance = (isTouch ? 8 : 2) / cy.zoom();
      const elements = this.getCachedZSortedEles().interactive;
      for (let i = elements.length - 1; i >= 0; i--) {
        const element = elements[i]!;
        tester.tested++;
        if (!element.isNode()) continue;
        const { x: cx, y: cy } = element.position();
        if (Math.abs(x - cx) <= element.outerWidth() / 2 + tolerance && Math.abs(y - cy) <= element.outerHeight() / 2 + tolerance)
          return [element];
      }
      return [];
    },
  };
  return tester;
}

describe('[U] what the pointer hits', () => {
  it('takes the pointer on exactly the nodes a click can select: not edges, the dimming plate or hidden nodes', () => {
    const graph = org();
    const cy = canvas(graph);
    const pointerTargets = () =>
      cy
        .elements()
        .filter(takesPointer)
        .map((element) => element.id())
        .sort();
    // GraphCanvas turns a tap on a node into a selection and a tap on nothing into clearing it; nothing listens to edges.
    const clickable = () =>
      cy
        .nodes(':visible')
        .filter((node) => node.id() !== DIM_PLATE_ID)
        .map((node) => node.id())
        .sort();
    expect(pointerTargets()).toEqual(clickable());
    expect(pointerTargets()).toHaveLength(150);

    // Selected, dimmed, a kind hidden: lit edges above the plate take no pointer either, and a click goes through the plate.
    applyClasses(cy, new Map(), computeClasses(selection(graph, 'f1')).classes);
    setDimmed(cy, true);
    settle(cy);
    expect(cy.getElementById(DIM_PLATE_ID).visible()).toBe(true);
    expect(cy.edges('.downstream').length).toBe(3);
    expect(pointerTargets()).toEqual(clickable());
    expect(pointerTargets()).toHaveLength(150 - 15);
    cy.destroy();
  });

  it('lists every point near a position once, from the cells around it', () => {
    const point = fc.record({ x: fc.integer({ min: -5000, max: 5000 }), y: fc.integer({ min: -5000, max: 5000 }) });
    // Reaches up to far zoomed out (a tolerance of 16 px at zoom 1e-9).
    const reaches = fc.oneof(fc.integer({ min: 0, max: 600 }), fc.constant(1.6e10));
    fc.assert(
      fc.property(fc.array(point, { maxLength: 200 }), point, reaches, fc.nat(199), (points, at, reach, moved) => {
        const grid = new PointGrid<number>(128);
        for (const [i, p] of points.entries()) grid.set(i, p.x, p.y);
        // Moving a point: the grid forgets where it was.
        if (moved < points.length) {
          points[moved] = { x: points[moved]!.x + 333, y: points[moved]!.y - 777 };
          grid.set(moved, points[moved]!.x, points[moved]!.y);
        }
        const seen: number[] = [];
        grid.near(at.x, at.y, reach, (i) => seen.push(i));
        expect(new Set(seen).size).toBe(seen.length);
        const within = points.flatMap((p, i) => (Math.abs(p.x - at.x) <= reach && Math.abs(p.y - at.y) <= reach ? [i] : []));
        for (const i of within) expect(seen).toContain(i);
        // Nothing from further than the cells touched; a square of more cells than there are points lists them all.
        const side = (from: number) => Math.floor((from + reach) / 128) - Math.floor((from - reach) / 128) + 1;
        if (side(at.x) * side(at.y) > points.length) expect(seen).toHaveLength(points.length);
        else
          for (const i of seen)
            expect(Math.max(Math.abs(points[i]!.x - at.x), Math.abs(points[i]!.y - at.y))).toBeLessThanOrEqual(reach + 128);
        expect(grid.size).toBe(points.length);
      }),
    );
  });

  it("answers as the renderer's own test does, testing only the nodes near the pointer, as the canvas changes", () => {
    const graph = org();
    const cy = canvas(graph);
    const tester = bruteTester(cy);
    const everything = tester.findNearestElements;
    const stop = installHitIndex(cy, tester);
    const ids = (found: SingularElementArgument[]) => found.map((element) => element.id());
    const compare = () => {
      settle(cy);
      let tested = 0;
      // Every 7 units over the grid and beyond its edges: centres, borders, gaps, the corners between four nodes.
      for (let x = -30; x <= 400; x += 7) {
        for (let y = -30; y <= 620; y += 7) {
          for (const touch of [false, true]) {
            const expected = ids(everything.call(tester, x, y, true, touch));
            const before = tester.tested;
            expect(ids(tester.findNearestElements(x, y, true, touch)), `at ${x}, ${y}`).toEqual(expected);
            tested = Math.max(tested, tester.tested - before);
          }
        }
      }
      return tested;
    };
    // At most the nodes of the cells around the pointer, not the 150 nodes.
    expect(compare()).toBeLessThanOrEqual(60);

    // A selection (the selected node's wider border reaches further), dimming, a kind hidden.
    applyClasses(cy, new Map(), computeClasses(selection(graph, 'f1')).classes);
    setDimmed(cy, true);
    expect(compare()).toBeLessThanOrEqual(60);

    // A node added (the level of detail drawing a resource), another removed, one moved.
    cy.add({ group: 'nodes', data: { id: 'late', label: 'Late queue', colour: '#000000', shape: 'ellipse' }, position: { x: 15, y: 13 } });
    cy.getElementById('r3').remove();
    cy.getElementById('r4').position({ x: 200, y: 590 });
    expect(compare()).toBeLessThanOrEqual(60);
    expect(ids(tester.findNearestElements(15, 13, true, false))).toEqual(['late']);

    stop();
    expect(tester.findNearestElements).toBe(everything);
    cy.destroy();
  });

  it('leaves the full test to canvases where labels take the pointer', () => {
    const graph = org();
    const cy = canvas(graph);
    cy.style([...withDimming(withNodeHitsOnly(stylesheet)), { selector: 'node', style: { 'text-events': 'yes' } }]);
    const tester = bruteTester(cy);
    installHitIndex(cy, tester);
    const before = tester.tested;
    tester.findNearestElements(1000, 1000, true, false);
    expect(tester.tested - before).toBe(150);
    cy.destroy();
  });
});

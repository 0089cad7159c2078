import type { ExportGraph } from '@flowgraph/core';
import cytoscape, { type Core } from 'cytoscape';
import { describe, expect, it } from 'vitest';
import { applyClasses } from '../src/graph/apply-classes.js';
import { toElements } from '../src/graph/elements.js';
import { DIM_PLATE_ID, setDimmed, withDimming } from '../src/graph/dimming.js';
import { stylesheet } from '../src/graph/stylesheet.js';
import { computeClasses, type VisualInput } from '../src/graph/visual-state.js';
import { initialUiState } from '../src/state/types.js';
import { impactOf } from './impact-of.js';

/** 200 flows, each using 10 of 500 resources: 700 nodes, 2,000 edges, like a small org. */
function org(): ExportGraph {
  const nodes: ExportGraph['nodes'] = [];
  const edges: ExportGraph['edges'] = [];
  for (let r = 0; r < 500; r++) nodes.push({ id: `r${r}`, kind: 'resource', type: 'QUEUE', name: `Queue ${r}`, state: 'unknown' });
  for (let f = 0; f < 200; f++) {
    nodes.push({ id: `f${f}`, kind: 'flow', type: 'INBOUNDCALL', name: `Flow ${f}`, state: 'published' });
    for (let k = 0; k < 10; k++) edges.push({ source: `f${f}`, target: `r${(f * 7 + k * 13) % 500}`, kind: 'uses' });
  }
  return { nodes, edges };
}

function canvas(graph: ExportGraph): { cy: Core; classEvents: () => number } {
  const positions = Object.fromEntries(graph.nodes.map((node, i) => [node.id, { x: (i % 50) * 40, y: Math.floor(i / 50) * 40 }]));
  const cy = cytoscape({ headless: true, styleEnabled: true, elements: toElements(graph, { positions }), style: stylesheet });
  let events = 0;
  cy.on('class', () => events++);
  return { cy, classEvents: () => events };
}

/** Element ids in the order the renderer draws them (Cytoscape's z order, later on top; its typings omit `sortByZIndex`). */
function drawOrder(cy: Core): string[] {
  const elements = cy.elements() as unknown as { sortByZIndex(): { map(id: (element: { id(): string }) => string): string[] } };
  return elements.sortByZIndex().map((element) => element.id());
}

describe('[U] cheap highlighting', () => {
  const graph = org();
  const input = (nodeId: string): VisualInput => ({
    graph,
    mode: { kind: 'selected', nodeId },
    filters: initialUiState.filters,
    cycles: [],
    findings: [],
    impact: impactOf(graph, nodeId),
  });

  it('a selection restyles only the elements whose role changes, never the whole graph', () => {
    const { cy, classEvents } = canvas(graph);
    const applied = new Map<string, string>();
    const total = cy.elements().length;

    const first = computeClasses(input('f0'));
    expect(first.dimmed).toBe(true);
    expect(applyClasses(cy, applied, first.classes)).toBe(21); // the flow, its 10 resources and 10 edges
    expect(classEvents()).toBe(21);
    expect(total).toBe(2700);

    // Another flow: its 21 elements gain a role, the first flow's 21 lose theirs; a resource both use keeps its class.
    const second = computeClasses(input('f1'));
    const shared = [...first.classes].filter(([id, classes]) => second.classes.get(id) === classes).length;
    const changed = applyClasses(cy, applied, second.classes);
    expect(changed).toBe(42 - 2 * shared);
    expect(classEvents()).toBe(21 + changed);

    // The same answer again (a re-render): nothing to do.
    expect(applyClasses(cy, applied, computeClasses(input('f1')).classes)).toBe(0);
    expect(classEvents()).toBe(21 + changed);
    expect(cy.getElementById('f1').classes()).toEqual(['selected']);
    expect(cy.getElementById('f0').classes()).toEqual([]);
    cy.destroy();
  });

  it('dims by one plate over the graph: showing or hiding it restyles no other element, and the roles draw above it', () => {
    const { cy, classEvents } = canvas(graph);
    cy.style(withDimming(stylesheet));
    const restyled = new Set<string>();
    cy.on('style', (event) => restyled.add(event.target.id()));
    applyClasses(cy, new Map(), computeClasses(input('f0')).classes);
    const lit = new Set(restyled);
    expect(lit.size).toBe(classEvents());

    setDimmed(cy, true);
    const plate = cy.getElementById(DIM_PLATE_ID);
    expect(plate.visible()).toBe(true);
    expect([...restyled].filter((id) => !lit.has(id))).toEqual([DIM_PLATE_ID]);
    // Over every node: the plate spans the graph's positions.
    const box = plate.boundingBox({});
    for (const node of cy.nodes().not(plate)) {
      const { x, y } = node.position();
      expect(x > box.x1 && x < box.x2 && y > box.y1 && y < box.y2).toBe(true);
    }
    // Drawn in z order: the lit roles (the flow, a resource it uses, an edge of it) above the plate, the rest under it.
    const order = new Map(drawOrder(cy).map((id, index) => [id, index]));
    const at = (id: string) => order.get(id) ?? -1;
    for (const id of ['f0', impactOf(graph, 'f0').downstream[0]!.id, 'e0']) expect(at(id)).toBeGreaterThan(at(DIM_PLATE_ID));
    for (const id of ['f5', 'r499', 'e50']) expect(at(id)).toBeLessThan(at(DIM_PLATE_ID));
    // Clicks go through it.
    expect(plate.style('events')).toBe('no');

    setDimmed(cy, false);
    expect(plate.visible()).toBe(false);
    expect(cy.elements(':visible').length).toBe(cy.elements().length - 1);
    cy.destroy();
  });
});

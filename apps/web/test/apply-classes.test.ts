import type { ExportGraph } from '@flowgraph/core';
import cytoscape, { type Core } from 'cytoscape';
import { describe, expect, it } from 'vitest';
import { applyClasses } from '../src/graph/apply-classes.js';
import { toElements } from '../src/graph/elements.js';
import { stylesheet, withDimming } from '../src/graph/stylesheet.js';
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

  it('dims everything without a role through the stylesheet, and lights the roles', () => {
    const { cy } = canvas(graph);
    applyClasses(cy, new Map(), computeClasses(input('f0')).classes);
    cy.style(withDimming(stylesheet));
    const opacity = (id: string) => Number(cy.getElementById(id).style('opacity'));
    expect(opacity('f0')).toBe(1);
    expect(opacity(impactOf(graph, 'f0').downstream[0]!.id)).toBe(1);
    expect(opacity('f5')).toBeCloseTo(0.15);
    expect(Number(cy.getElementById('e0').style('opacity'))).toBe(1);
    expect(Number(cy.getElementById('e50').style('opacity'))).toBeCloseTo(0.04);
    cy.style(stylesheet);
    expect(opacity('f5')).toBe(1);
    cy.destroy();
  });
});

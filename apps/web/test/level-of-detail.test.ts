import type { ExportGraph } from '@flowgraph/core';
import cytoscape from 'cytoscape';
import { describe, expect, it } from 'vitest';
import { applyClasses } from '../src/graph/apply-classes.js';
import { toElements } from '../src/graph/elements.js';
import { levelOfDetail, withLevelOfDetail, withLevelOfDetailStyle } from '../src/graph/level-of-detail.js';
import { setDimmed, withDimming } from '../src/graph/dimming.js';
import { stylesheet } from '../src/graph/stylesheet.js';
import { computeClasses } from '../src/graph/visual-state.js';
import { initialUiState } from '../src/state/types.js';
import { impactOf } from './impact-of.js';

/** 300 flows, each using 4 of 1,500 resources of two types, flow i calling flow i+1; flow 100 also uses flow 7's first resource. */
function org(): ExportGraph {
  const nodes: ExportGraph['nodes'] = [];
  const edges: ExportGraph['edges'] = [];
  for (let r = 0; r < 1500; r++) {
    nodes.push({ id: `r${r}`, kind: 'resource', type: r % 3 === 0 ? 'DATATABLE' : 'QUEUE', name: `Resource ${r}`, state: 'unknown' });
  }
  for (let f = 0; f < 300; f++) {
    nodes.push({ id: `f${f}`, kind: 'flow', type: 'INBOUNDCALL', name: `Flow ${f}`, state: 'published' });
    for (let k = 0; k < 4; k++) edges.push({ source: `f${f}`, target: `r${f * 5 + k}`, kind: 'uses' });
    if (f > 0) edges.push({ source: `f${f - 1}`, target: `f${f}`, kind: 'uses' });
  }
  edges.push({ source: 'f100', target: 'r35', kind: 'uses' });
  return { nodes, edges };
}

describe('[U] level of detail', () => {
  const graph = org();
  const positions = Object.fromEntries(graph.nodes.map((node, i) => [node.id, { x: (i % 50) * 40, y: Math.floor(i / 50) * 40 }]));

  it('leaves a graph at or under the threshold whole', () => {
    expect(levelOfDetail(graph, graph.nodes.length)).toBeUndefined();
  });

  it('counts the hidden resources per type and per flow', () => {
    const lod = levelOfDetail(graph, 1000);
    expect(lod?.hidden).toBe(1500);
    expect(lod?.byType).toEqual([
      { type: 'Queue / routing', count: 1000 },
      { type: 'Data table', count: 500 },
    ]);
    expect(lod?.perFlow.get('f7')).toBe(4);
    const labelled = withLevelOfDetail(toElements(graph, { positions }), lod!);
    expect(labelled.find((element) => element.data.id === 'f7')?.data.label).toBe('Flow 7 (+4)');
    expect(labelled.filter((element) => element.group === 'nodes' && element.data.lod === true)).toHaveLength(1500);
    expect(labelled.filter((element) => element.group === 'edges' && element.data.lod === true)).toHaveLength(1201);
  });

  it('draws flows only, and what a selection touches once selected, changing only the classes of those', () => {
    const lod = levelOfDetail(graph, 1000)!;
    const style = withDimming(withLevelOfDetailStyle(stylesheet));
    const cy = cytoscape({ headless: true, styleEnabled: true, elements: withLevelOfDetail(toElements(graph, { positions }), lod), style });
    let events = 0;
    cy.on('class', () => events++);
    expect(cy.nodes(':visible').length).toBe(300);
    expect(cy.edges(':visible').length).toBe(299);

    const input = {
      graph,
      mode: { kind: 'selected' as const, nodeId: 'f7' },
      filters: initialUiState.filters,
      cycles: [],
      findings: [],
      impact: impactOf(graph, 'f7'),
    };
    const visual = computeClasses(input);
    applyClasses(cy, new Map(), visual.classes);
    setDimmed(cy, visual.dimmed);
    // f7, its 4 resources and f8; 5 edges.
    expect(events).toBe(11);
    for (const id of ['r35', 'r36', 'r37', 'r38']) expect(cy.getElementById(id).visible()).toBe(true);
    expect(cy.getElementById('r40').visible()).toBe(false);
    // And the dimming plate over them.
    expect(cy.nodes(':visible').length).toBe(304 + 1);
    // Its 4 resource edges join the flow-to-flow edges; flow 100's edge to a resource it shares stays hidden (no role).
    expect(cy.edges(':visible').length).toBe(299 + 4);
    expect(cy.edges('[source = "f100"][target = "r35"]').filter(':visible')).toHaveLength(0);
    expect(cy.edges('[source = "f100"][target = "r35"]')).toHaveLength(1);
  });

  it('shows a resource a search matches, and hides what a filter hides even when matched', () => {
    const lod = levelOfDetail(graph, 1000)!;
    const cy = cytoscape({
      headless: true,
      styleEnabled: true,
      elements: withLevelOfDetail(toElements(graph, { positions }), lod),
      style: withLevelOfDetailStyle(stylesheet),
    });
    const search = {
      graph,
      mode: { kind: 'search' as const, query: 'Resource 1499' },
      filters: initialUiState.filters,
      cycles: [],
      findings: [],
    };
    applyClasses(cy, new Map(), computeClasses(search).classes);
    expect(cy.getElementById('r1499').visible()).toBe(true);
    cy.getElementById('r1499').addClass('hidden');
    expect(cy.getElementById('r1499').visible()).toBe(false);
  });
});

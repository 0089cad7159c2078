import type { ExportGraph, GraphResponse } from '@flowgraph/core';
import cytoscape from 'cytoscape';
import { describe, expect, it } from 'vitest';
import { applyClasses } from '../src/graph/apply-classes.js';
import { toElements } from '../src/graph/elements.js';
import {
  deferLevelOfDetail,
  levelOfDetail,
  touchedDeferred,
  withLevelOfDetail,
  withLevelOfDetailStyle,
} from '../src/graph/level-of-detail.js';
import { prepareOrg } from '../src/graph/prepare-org.js';
import { setDimmed, withDimming } from '../src/graph/dimming.js';
import { FOCUS_RING, stylesheet } from '../src/graph/stylesheet.js';
import { computeClasses } from '../src/graph/visual-state.js';
import { withKeyboardFocus } from '../src/graph/keyboard-nav.js';
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

/** The rest of an answer, which the level of detail does not read. */
const response: Omit<GraphResponse, 'graph' | 'layout'> = {
  source: { kind: 'demo', fetchedAt: '2026-12-01T00:00:00.000Z' },
  analysis: {
    summary: { flows: 300, steps: 0, resources: 1500, nodes: 1800, edges: 1500 },
    cycles: [],
    deployment: { waves: [], order: [], groups: [], blocked: false, dynamic: [] },
    findings: [],
    errors: [],
    warnings: [],
  },
};

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

  it('gives the canvas the flows only, and adds what a selection touches once selected, changing only the classes of those', () => {
    const lod = levelOfDetail(graph, 1000)!;
    const { drawn, deferred } = deferLevelOfDetail(withLevelOfDetail(toElements(graph, { positions }), lod));
    const style = withDimming(withLevelOfDetailStyle(stylesheet));
    const cy = cytoscape({ headless: true, styleEnabled: true, elements: drawn, style });
    let events = 0;
    cy.on('class', () => events++);
    expect(cy.nodes().length).toBe(300);
    expect(cy.edges().length).toBe(299);

    const input = {
      graph,
      mode: { kind: 'selected' as const, nodeId: 'f7' },
      filters: initialUiState.filters,
      cycles: [],
      findings: [],
      impact: impactOf(graph, 'f7'),
    };
    const visual = computeClasses(input);
    // What GraphCanvas does with the touched elements before applying the classes.
    const touched = touchedDeferred(new Map(deferred.map((element) => [String(element.data.id), element])), visual.classes);
    expect(touched.filter((element) => element.group === 'nodes').map((node) => node.data.id)).toEqual(['r35', 'r36', 'r37', 'r38']);
    expect(touched.filter((element) => element.group === 'edges').map((edge) => `${edge.data.source}>${edge.data.target}`)).toEqual([
      'f7>r35',
      'f7>r36',
      'f7>r37',
      'f7>r38',
    ]);
    cy.add(touched);
    applyClasses(cy, new Map(), visual.classes);
    setDimmed(cy, visual.dimmed);
    // f7, its 4 resources and f8; 5 edges.
    expect(events).toBe(11);
    for (const id of ['r35', 'r36', 'r37', 'r38']) expect(cy.getElementById(id).visible()).toBe(true);
    expect(cy.getElementById('r40').empty()).toBe(true);
    // And the dimming plate over them.
    expect(cy.nodes(':visible').length).toBe(304 + 1);
    // Its 4 resource edges join the flow-to-flow edges; flow 100's edge to a resource it shares stays out (no role).
    expect(cy.edges(':visible').length).toBe(299 + 4);
    expect(cy.edges('[source = "f100"][target = "r35"]')).toHaveLength(0);

    // Cleared: what was added stays on the canvas, hidden again by the level of detail.
    applyClasses(cy, new Map(visual.classes), new Map());
    setDimmed(cy, false);
    expect(cy.nodes().length).toBe(305);
    // (`style`, not `visible()`: headless Cytoscape caches visibility across a class change.)
    for (const id of ['r35', 'r36', 'r37', 'r38']) expect(cy.getElementById(id).style('display')).toBe('none');
  });

  it('prepares the canvas of a large graph with its resources deferred, and of a small one whole', () => {
    const layout = { positions, width: 2000, height: 1440, routes: [] };
    const large = prepareOrg({ ...response, graph, layout });
    expect(large.lod?.hidden).toBe(1500);
    expect(large.elements.filter((element) => element.group === 'nodes')).toHaveLength(300);
    expect(large.deferred.filter((element) => element.group === 'nodes')).toHaveLength(1500);
    expect(large.elements.length + large.deferred.length).toBe(graph.nodes.length + graph.edges.length);
    expect(large.layout).toBe(layout);
    const small = { nodes: graph.nodes.slice(0, 20), edges: [] };
    const whole = prepareOrg({ ...response, graph: small, layout: { positions: {}, width: 0, height: 0, routes: [] } });
    expect(whole.deferred).toEqual([]);
    expect(whole.elements).toHaveLength(20);
    // No server layout covering it: the layered layout places every node.
    expect(Object.keys(whole.layout.positions)).toHaveLength(20);
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

  it('draws a resource under the keyboard cursor, with its focus ring, above the dimming of a selection', () => {
    const lod = levelOfDetail(graph, 1000)!;
    const cy = cytoscape({
      headless: true,
      styleEnabled: true,
      elements: withLevelOfDetail(toElements(graph, { positions }), lod),
      style: withDimming(withLevelOfDetailStyle(stylesheet)),
    });
    expect(cy.getElementById('r1499').visible()).toBe(false);
    const selected = computeClasses({
      graph,
      mode: { kind: 'selected', nodeId: 'f7' },
      filters: initialUiState.filters,
      cycles: [],
      findings: [],
      impact: impactOf(graph, 'f7'),
    });
    applyClasses(cy, new Map(), withKeyboardFocus(selected.classes, 'r1499'));
    setDimmed(cy, true);
    const cursor = cy.getElementById('r1499');
    expect(cursor.visible()).toBe(true);
    expect(cursor.numericStyle('outline-width')).toBe(FOCUS_RING.width);
    expect(cursor.style('z-compound-depth')).toBe('top');
    // Its own role stays: the cursor on the selected node keeps the selection's border too.
    expect(withKeyboardFocus(selected.classes, 'f7').get('f7')).toBe('selected keyboard-focus');
  });
});

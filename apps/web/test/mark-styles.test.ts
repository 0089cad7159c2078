import {
  AnalysisContext,
  cycleFocus,
  cycleFocusSchema,
  type FlowGraph,
  type FlowNode,
  focus,
  focusSchema,
  type GraphEdge,
} from '@flowgraph/core';
import cytoscape, { type Core, type ElementDefinition, type SingularElementArgument, type StylesheetJson } from 'cytoscape';
import { describe, expect, it } from 'vitest';
import { glyph } from '../src/graph/fill-marks.js';
import { CHANGE_MARKS, ROLE_MARKS } from '../src/graph/palette.js';
import { stepsStylesheet, stylesheet } from '../src/graph/stylesheet.js';
import { readableLayout } from '../src/scope/readable-layout.js';
import { scopeElements } from '../src/scope/scope-elements.js';
import { scopeStylesheet } from '../src/scope/scope-style.js';

/**
 * Every mark a reader must tell apart without colour, read from what Cytoscape computes for real
 * elements (so the cascade counts): a node's border style, halo, fill image, fading and stack; an
 * edge's line style, dash, mid-edge arrow and glyph. Colour is left out on purpose.
 */
function nodeLook(node: SingularElementArgument): string {
  const image = String(node.style('background-image'));
  const fill = image === 'none' || image === '' ? 'plain' : image.includes('pattern') ? 'hatched' : `glyph:${glyphOf(image)}`;
  return [
    // Without colour, a thin border is none: a role's border is a heavy one.
    Number.parseFloat(String(node.style('border-width'))) >= 2 ? node.style('border-style') : 'no border',
    Number(node.style('underlay-opacity')) > 0 ? 'halo' : '',
    fill,
    Number(node.style('background-opacity')) < 1 ? 'faded' : '',
    node.style('ghost') === 'yes' ? 'stacked' : '',
  ].join('|');
}

function edgeLook(edge: SingularElementArgument): string {
  const style = String(edge.style('line-style'));
  return [
    style,
    style === 'dashed' ? String(edge.style('line-dash-pattern')) : '',
    edge.style('mid-target-arrow-shape'),
    edge.style('source-arrow-shape'),
    // A literal label (a change's glyph), not a caption from the data.
    edge.data('label') === undefined ? String(edge.style('label')) : '',
  ].join('|');
}

const glyphOf = (uri: string) => (Object.values(CHANGE_MARKS).find((marks) => uri.includes(glyph(marks.glyph))) ?? { glyph: '?' }).glyph;

function canvas(elements: ElementDefinition[], style: StylesheetJson): Core {
  return cytoscape({ headless: true, styleEnabled: true, elements, style });
}

/** The classes that mark a node, each to be told apart (a new cycle is drawn as a cycle, on purpose). */
const MARK_CLASSES = ['selected', 'downstream', 'upstream', 'cycle', 'match', 'change-added', 'change-changed', 'change-removed'];

/** One node and one edge per class of the org view, Changes mode and files mode, plus the publish states. */
function orgCanvas(): Core {
  const node = (id: string, classes = '', state = 'published'): ElementDefinition => ({
    group: 'nodes',
    data: { id, label: id, kind: 'flow', type: 'INBOUNDCALL', state, colour: '#2563eb', shape: 'round-rectangle' },
    classes,
  });
  const edge = (id: string, classes: string): ElementDefinition => ({
    group: 'edges',
    // Every edge of the org view is a flow using something (`toElements` sets kind and via).
    data: { id, source: 'plain', target: 'plain', kind: 'uses', via: 'callCommonModule' },
    classes,
  });
  return canvas(
    [
      node('plain'),
      ...[...MARK_CLASSES, 'change-cycle'].map((name) => node(name, name)),
      node('unpublished', '', 'unpublished'),
      node('deleted', '', 'deleted'),
      edge('e-plain', ''),
      ...['downstream', 'upstream', 'cycle', 'change-added', 'change-removed', 'change-cycle'].map((name) => edge(`e-${name}`, name)),
    ],
    stylesheet,
  );
}

const flow = (id: string): FlowNode => ({
  kind: 'flow',
  id,
  name: `Flow ${id}`,
  state: 'published',
  type: 'COMMONMODULE',
  versions: {},
  file: 't.json',
});
const uses = (source: string, target: string): GraphEdge => ({ source, target, kind: 'uses', via: 'callCommonModule' });
const graphOf = (ids: string[], edges: GraphEdge[]): FlowGraph => ({ nodes: new Map(ids.map((id) => [id, flow(id)])), edges });
const WINDOW = { width: 1600, height: 888 };

describe('[U] marks that read without colour', () => {
  it('gives every node mark of the org view, Changes mode and the publish states its own look', () => {
    const cy = orgCanvas();
    const marks = [...MARK_CLASSES, 'unpublished', 'deleted'];
    const looks = new Map(marks.map((id) => [id, nodeLook(cy.$id(id))]));
    console.log(`node looks: ${[...looks].map(([id, look]) => `${id} ${look}`).join('; ')}`);
    expect(new Set(looks.values()).size, [...looks].join('\n')).toBe(marks.length);
    expect(nodeLook(cy.$id('plain'))).not.toBeOneOf([...looks.values()]);
    // The unpublished mark is a fill now, never upstream's dashed border.
    expect(looks.get('unpublished')).toBe('no border||hatched||');
    // A new cycle is drawn as a cycle.
    expect(nodeLook(cy.$id('change-cycle'))).toBe(looks.get('cycle'));
  });

  it('gives every edge mark its own line, and a new cycle the cycle line', () => {
    const cy = orgCanvas();
    const marks = ['downstream', 'upstream', 'cycle', 'change-added', 'change-removed'];
    const looks = new Map(marks.map((name) => [name, edgeLook(cy.$id(`e-${name}`))]));
    console.log(`edge looks: ${[...looks].map(([id, look]) => `${id} ${look}`).join('; ')}`);
    expect(new Set(looks.values()).size, [...looks].join('\n')).toBe(marks.length);
    expect(edgeLook(cy.$id('e-change-cycle'))).toBe(looks.get('cycle'));
    expect(String(cy.$id('e-change-added').style('label'))).toBe(CHANGE_MARKS.added.glyph);
    // An edge without a role: a thin plain line with its arrow (a cycle's is dotted).
    expect(cy.$id('e-plain').style('line-style')).toBe('solid');
    expect(cy.$id('e-plain').style('target-arrow-shape')).toBe('triangle');
  });

  it('dots what a step uses in the step view only', () => {
    const elements: ElementDefinition[] = [
      { group: 'nodes', data: { id: 'step', label: 'Call data action', colour: '#2563eb', shape: 'round-rectangle' } },
      { group: 'nodes', data: { id: 'action', label: 'Lookup', colour: '#2563eb', shape: 'round-rectangle' } },
      { group: 'edges', data: { id: 'use', source: 'step', target: 'action', kind: 'uses', via: 'callData' } },
      { group: 'edges', data: { id: 'lit', source: 'step', target: 'action', kind: 'uses', via: 'callData' }, classes: 'upstream' },
    ];
    const steps = canvas(elements, stepsStylesheet);
    expect(steps.$id('use').style('line-style')).toBe('dotted');
    expect(canvas(elements, stylesheet).$id('use').style('line-style')).toBe('solid');
    // A highlighted link is drawn as its role, as on the org view: the marks come after the dots.
    expect(edgeLook(steps.$id('lit'))).toBe(edgeLook(orgCanvas().$id('e-upstream')));
  });

  it('draws a focus with the org view marks: the focus double, upstream dashed, downstream solid, a group stacked', () => {
    const graph = graphOf(['hub', 'c0', 'c1', 'd0', 'd1'], [uses('c0', 'hub'), uses('c1', 'c0'), uses('hub', 'd0'), uses('d0', 'd1')]);
    const answer = focusSchema.parse(JSON.parse(JSON.stringify(focus(new AnalysisContext(graph), 'hub', { depth: 2 }))));
    const cy = canvas(scopeElements(answer, readableLayout(answer, WINDOW, 16).layout), scopeStylesheet);
    const org = orgCanvas();
    expect(cy.$id('hub').style('border-style')).toBe(ROLE_MARKS.selected.border);
    expect(cy.$id('c1').style('border-style')).toBe(ROLE_MARKS.upstream.border);
    expect(cy.$id('d1').style('border-style')).toBe(ROLE_MARKS.downstream.border);
    const edge = (source: string, target: string) => cy.edges(`[source = "${source}"][target = "${target}"]`).first();
    // The same line as the org view's upstream and downstream edges.
    expect(edgeLook(edge('c1', 'c0'))).toBe(edgeLook(org.$id('e-upstream')));
    expect(edgeLook(edge('c0', 'hub'))).toBe(edgeLook(org.$id('e-upstream')));
    expect(edgeLook(edge('hub', 'd0'))).toBe(edgeLook(org.$id('e-downstream')));
    expect(edgeLook(edge('d0', 'd1'))).toBe(edgeLook(org.$id('e-downstream')));
    const grouped = canvas(
      [{ group: 'nodes', data: { id: 'g', label: 'g', count: 12, side: 'down', colour: '#7c3aed', fill: '#ffffff' } }],
      scopeStylesheet,
    );
    expect(nodeLook(grouped.$id('g'))).toContain('stacked');
  });

  it('draws a cycle focus: the cycle dotted with mid arrows, the cut dashed with a bar at its start, callers dashed and callees solid', () => {
    const graph = graphOf(['caller', 'a', 'b', 'callee'], [uses('caller', 'a'), uses('a', 'b'), uses('b', 'a'), uses('b', 'callee')]);
    const context = new AnalysisContext(graph);
    const answer = cycleFocusSchema.parse(JSON.parse(JSON.stringify(cycleFocus(context, context.cycles[0]!))));
    const cy = canvas(scopeElements(answer, readableLayout(answer, WINDOW, 16).layout), scopeStylesheet);
    const org = orgCanvas();
    const cut = cy.edges('[?cut]').first();
    const hop = cy
      .edges('[?inCycle]')
      .filter((edge) => edge.data('cut') !== true)
      .first();
    const caller = cy.edges('[source = "caller"]').first();
    const callee = cy.edges('[target = "callee"]').first();
    const looks = { cut: edgeLook(cut), cycle: edgeLook(hop), caller: edgeLook(caller), callee: edgeLook(callee) };
    console.log(
      `cycle focus edge looks: ${Object.entries(looks)
        .map(([role, look]) => `${role} ${look}`)
        .join('; ')}`,
    );
    expect(new Set(Object.values(looks)).size).toBe(4);
    expect(looks.cycle).toBe(edgeLook(org.$id('e-cycle')));
    expect(cut.style('line-style')).toBe('dashed');
    expect(cut.style('source-arrow-shape')).toBe('tee');
    expect(caller.style('line-style')).toBe(ROLE_MARKS.upstream.edge);
    expect(callee.style('line-style')).toBe(ROLE_MARKS.downstream.edge);
    for (const member of answer.cycle.members) expect(nodeLook(cy.$id(member))).toBe(nodeLook(org.$id('cycle')));
  });
});

import type { StylesheetJson } from 'cytoscape';
import { glyph, hatch, imageFill } from './fill-marks.js';
import { type Category, CHANGE_MARKS, type ChangeRole, categoryOf, INTERACTION_COLOURS as C } from './palette.js';
import { roleEdge, roleNode } from './role-style.js';
import { withClass } from './visual-class.js';

/**
 * The keyboard cursor's ring: the page's focus colour (blue-700, 6.7:1 on white), as a thick
 * outline standing off the node, so it reads apart from every role's border (the selection's
 * double one included) and from the sky blue of upstream by its shape and weight.
 */
export const FOCUS_RING = { colour: '#1d4ed8', width: 5, offset: 4 } as const;

/**
 * The whole look of the graph as data. Colour and shape come from the node's category
 * (`data(colour)`, `data(shape)`, set once per element); interaction state is classes.
 */
/** Label size and width of every node, in model units (so they scale with zoom). */
export const BASE_FONT_SIZE = 11;
export const BASE_LABEL_WIDTH = 190;
export const FONT_FAMILY = 'Inter, system-ui, sans-serif';
/** An org node's size and the gap between it and its label below, in model units. */
export const NODE_SIZE = { width: 26, height: 22 } as const;
export const LABEL_MARGIN_Y = 4;

/** White stripes over the category colour: the fill still says the category. */
const UNPUBLISHED_HATCH = hatch('#ffffff', 0.6);

/** The look of every element of every view, before marks and roles. */
const ELEMENT_RULES: StylesheetJson = [
  {
    selector: 'node',
    style: {
      'background-color': 'data(colour)',
      shape: 'data(shape)' as never,
      width: NODE_SIZE.width,
      height: NODE_SIZE.height,
      label: 'data(label)',
      color: '#1e293b',
      'font-size': BASE_FONT_SIZE,
      'font-family': FONT_FAMILY,
      'text-valign': 'bottom',
      'text-margin-y': LABEL_MARGIN_Y,
      // One line, cut with an ellipsis: the layout leaves 220 px per layer, so labels never collide.
      'text-wrap': 'ellipsis',
      'text-max-width': `${BASE_LABEL_WIDTH}px`,
      'text-background-color': '#ffffff',
      'text-background-opacity': 0.75,
      'text-background-padding': '1px',
      // Below this size labels are unreadable noise; zooming in brings them back.
      'min-zoomed-font-size': 6,
      'border-width': 1,
      'border-color': '#ffffff',
    },
  },
  // Labelled by importance (entry flows, shared modules): readable even at fit, above the edges.
  {
    selector: 'node[?landmark]',
    style: { 'font-weight': 600, 'text-background-opacity': 0.9, 'min-zoomed-font-size': 0, 'z-index': 5, color: '#0f172a' },
  },
  // Hatched, not a dashed border: upstream's border is dashed (STATE_MARKS).
  { selector: 'node[state = "unpublished"]', style: imageFill(UNPUBLISHED_HATCH) },
  {
    selector: 'node[state = "deleted"], node[state = "missing"]',
    style: { 'background-opacity': 0.35, 'border-style': 'dotted', 'border-width': 2, 'border-color': C.error },
  },
  {
    selector: 'edge',
    style: {
      width: 1.2,
      'line-color': C.edge,
      'target-arrow-color': C.edge,
      'target-arrow-shape': 'triangle',
      'arrow-scale': 0.8,
      'curve-style': 'bezier',
      // Hundreds of edges: keep them light so nodes and highlights read first.
      opacity: 0.45,
    },
  },
  { selector: 'edge[via = "transferToFlow"], edge[kind = "transfer"]', style: { 'line-style': 'dashed' } },
  {
    selector: 'edge[label]',
    style: {
      label: 'data(label)',
      'font-size': 9,
      color: '#475569',
      'min-zoomed-font-size': 8,
      'text-background-color': '#f8fafc',
      'text-background-opacity': 1,
      'text-background-padding': '1px',
    },
  },
  // A long edge along one row would run straight through the nodes between its ends: arc it
  // over them. Rows are aligned across layers; the arc peaks at half its control distance (20 px
  // up), in the free band between a node's top and the label of the row above.
  // A long edge the layout routed: it bends through a free slot of every layer it crosses.
  {
    selector: 'edge[weights]',
    style: {
      'curve-style': 'round-segments',
      'segment-weights': 'data(weights)' as never,
      'segment-distances': 'data(distances)' as never,
      'segment-radii': [40],
      'edge-distances': 'node-position',
    },
  },
  {
    selector: 'edge[?arc]',
    style: { 'curve-style': 'unbundled-bezier', 'control-point-distances': [-40], 'control-point-weights': [0.5] },
  },
  // Step view: the happy path reads first, error paths recede in red, what a step opens reads as a link.
  { selector: 'edge[role = "happy"]', style: { width: 2, 'line-color': '#475569', 'target-arrow-color': '#475569', opacity: 0.9 } },
  { selector: 'edge[role = "branch"]', style: { width: 1.5, opacity: 0.8 } },
  {
    selector: 'edge[role = "error"]',
    style: { 'line-color': C.error, 'target-arrow-color': C.error, 'line-style': 'dashed', opacity: 0.6, color: '#b91c1c' },
  },
];

/** Marks and highlight roles, after the look of the elements so that they win over it. */
const MARK_RULES: StylesheetJson = [
  { selector: 'node[?link]', style: { color: C.link, 'font-weight': 600, 'border-width': 2, 'border-color': C.link } },
  {
    selector: withClass('finding-error'),
    style: { 'underlay-color': C.error, 'underlay-opacity': 0.22, 'underlay-padding': 6, 'underlay-shape': 'ellipse' },
  },
  { selector: withClass('stale', 'node'), style: { 'border-width': 4, 'border-style': 'dashed', 'border-color': '#b45309', opacity: 0.7 } },
  // The keyboard cursor: a ring standing off the node, outside whatever border its role draws.
  {
    selector: withClass('keyboard-focus', 'node'),
    style: {
      'outline-width': FOCUS_RING.width,
      'outline-offset': FOCUS_RING.offset,
      'outline-color': FOCUS_RING.colour,
      'outline-opacity': 1,
      'outline-style': 'solid',
      'text-background-opacity': 1,
      'z-index': 20,
    },
  },
  // Highlight roles differ by border and line style as well as colour (ROLE_MARKS): downstream
  // solid, upstream dashed, a cycle dotted and thick with arrows along it plus a halo on its
  // nodes, the selection a double border, a search match a dotted one. Later rules win, so a
  // node in two roles shows the later (the selection last).
  { selector: withClass('match', 'node'), style: roleNode('match') },
  { selector: withClass('downstream', 'node'), style: roleNode('downstream') },
  { selector: withClass('upstream', 'node'), style: roleNode('upstream') },
  { selector: withClass('downstream', 'edge'), style: roleEdge('downstream', 2.5) },
  { selector: withClass('upstream', 'edge'), style: roleEdge('upstream', 2.5) },
  { selector: withClass('cycle', 'node'), style: roleNode('cycle') },
  { selector: withClass('cycle', 'edge'), style: roleEdge('cycle', 3.5) },
  {
    selector: withClass('selected', 'node'),
    // Same font as every label: a wider one would overflow the width the layout reserved.
    // Wider than the other roles: a double border needs room for two lines and the gap.
    style: { ...roleNode('selected'), 'border-width': 7, 'text-background-opacity': 1, 'z-index': 10 },
  },
  // Changes mode: what a diff added, changed and removed (a fill with its glyph, an edge with its
  // glyph: CHANGE_MARKS), and the cycles it introduced, drawn as cycles.
  { selector: withClass('change-added', 'node'), style: changeNode('added', 5) },
  { selector: withClass('change-changed', 'node'), style: changeNode('changed', 5) },
  { selector: withClass('change-removed', 'node'), style: { ...changeNode('removed', 3), color: '#6b7280' } },
  { selector: withClass('change-added', 'edge'), style: changeEdge('added', 3) },
  { selector: withClass('change-removed', 'edge'), style: changeEdge('removed', 2) },
  { selector: withClass('change-cycle', 'node'), style: roleNode('cycle', 5) },
  { selector: withClass('change-cycle', 'edge'), style: roleEdge('cycle', 3.5) },
  { selector: withClass('hidden'), style: { display: 'none' } },
];

export const stylesheet: StylesheetJson = [...ELEMENT_RULES, ...MARK_RULES];

/** A change's node: its border, its fill and its glyph over the fill. */
function changeNode(role: ChangeRole, width: number) {
  const marks = CHANGE_MARKS[role];
  return {
    'border-width': width,
    'border-style': 'solid',
    'border-color': marks.colour,
    'background-color': marks.fill,
    ...imageFill(glyph(marks.glyph)),
  } as const;
}

/** A change's edge: its line style and its glyph as the edge's label, bold on a white ground. */
function changeEdge(role: ChangeRole, width: number) {
  const marks = CHANGE_MARKS[role];
  return {
    'line-color': marks.colour,
    'target-arrow-color': marks.colour,
    'line-style': marks.edge ?? 'solid',
    ...(marks.edge === 'dashed' ? { 'line-dash-pattern': [4, 4] } : {}),
    width,
    opacity: 1,
    label: marks.glyph,
    'font-size': 14,
    'font-weight': 700,
    color: '#0f172a',
    'text-background-color': '#ffffff',
    'text-background-opacity': 1,
    'text-background-padding': '1px',
    'min-zoomed-font-size': 0,
  } as const;
}

/**
 * The step view: transition labels (Success, failure, digit_2) are part of the answer there, so
 * they are drawn at the node labels' size; opened at zoom 10 / 11 or more, none is under 10 px.
 */
export const stepsStylesheet: StylesheetJson = [
  ...ELEMENT_RULES,
  // What a step uses (a data action, a prompt), dotted apart from the transitions; before the marks,
  // so that a highlighted link is drawn as its role. Here only: on the org view every edge is a `uses`
  // edge, and thousands of dotted lines cost seconds a frame (software Skia strokes each dot of a
  // line the whole length of the org, off-screen too).
  { selector: 'edge[kind = "uses"]', style: { 'line-style': 'dotted', 'target-arrow-shape': 'none', opacity: 0.6 } },
  ...MARK_RULES,
  { selector: 'edge[label]', style: { 'font-size': BASE_FONT_SIZE, 'min-zoomed-font-size': 0 } },
];

/** Element data fields the stylesheet reads, derived once from the palette. */
export function categoryData(kind: string, type: string): { colour: string; shape: Category['shape'] } {
  const category = categoryOf(kind, type);
  return { colour: category.colour, shape: category.shape };
}

import type { StylesheetJson } from 'cytoscape';
import { hatch, imageFill } from '../graph/fill-marks.js';
import { INTERACTION_COLOURS as C, ROLE_MARKS } from '../graph/palette.js';
import { roleEdge, roleNode } from '../graph/role-style.js';
import { BAND_PADDING, NODE_HEIGHT, NODE_WIDTH, SCOPE_FONT_PX } from './readable-layout.js';

const FONT_FAMILY = 'Inter, system-ui, sans-serif';
/** The label font as a CSS font string, to measure labels the way they are drawn. */
export const LABEL_FONT = `${SCOPE_FONT_PX}px ${FONT_FAMILY}`;

/** Cycle red, and the colour of edges that are context (a cycle's callers and callees, a path's hops). */
const CYCLE = C.cycle;
export const CONTEXT_EDGE = '#64748b';
/** Slate stripes: white ones vanish on the boxes' light tint. */
const UNPUBLISHED_HATCH = hatch('#64748b', 0.3);

/**
 * The look of a scoped diagram (focus, cycle, path): boxes holding their name in 12 px, so the
 * diagram reads like one drawn for a review. Every label, node or edge, is 12 px in model units:
 * at the capped fit zoom (10 / 12) none is smaller than 10 px on screen. Category colours are
 * the org view's (one legend), as a border and a light fill. Roles are the org view's marks
 * (ROLE_MARKS, through role-style.ts): the focus and a path's ends double, upstream dashed,
 * downstream solid, the cycle dotted with mid-edge arrows and a halo on its members; the cut
 * dashed with a bar across its start; a group stacked; an unpublished box hatched.
 */
export const scopeStylesheet: StylesheetJson = [
  {
    selector: 'node',
    style: {
      shape: 'round-rectangle',
      width: NODE_WIDTH,
      height: NODE_HEIGHT,
      'background-color': 'data(fill)',
      'border-color': 'data(colour)',
      'border-width': 1.5,
      label: 'data(label)',
      color: '#0f172a',
      'font-size': SCOPE_FONT_PX,
      'font-family': FONT_FAMILY,
      'text-valign': 'center',
      'text-halign': 'center',
      'text-wrap': 'wrap',
      // Labels come wrapped to fit (wrap-label.ts); this only guards against a font that changed since.
      'text-max-width': `${NODE_WIDTH - 6}px`,
      'line-height': 1.2,
    },
  },
  { selector: 'node[kind = "resource"]', style: { shape: 'rectangle' } },
  // The band behind a column: what the column holds, above it.
  {
    selector: 'node[?band]',
    style: {
      shape: 'round-rectangle',
      'background-color': '#f1f5f9',
      'background-opacity': 0.7,
      'border-width': 0,
      padding: `${BAND_PADDING}px`,
      'text-valign': 'top',
      'text-halign': 'center',
      'text-margin-y': -2,
      color: '#475569',
      'font-weight': 600,
      events: 'no',
    } as never,
  },
  // Upstream boxes dashed, downstream solid, as on the org view; the border keeps the category colour.
  {
    selector: 'node[side = "up"]',
    style: { 'border-style': ROLE_MARKS.upstream.border, 'border-width': 2, 'border-dash-pattern': [6, 3] },
  },
  { selector: 'node[side = "down"]', style: { 'border-style': ROLE_MARKS.downstream.border, 'border-width': 2 } },
  // What the diagram is about: the focused node, a path's ends (the org view's selection, double).
  {
    selector: 'node[side = "self"]',
    style: { ...roleNode('selected', 6), 'font-weight': 700 },
  },
  // A node standing for several: a stack of boxes (a copy drawn behind, offset).
  {
    selector: 'node[?count]',
    style: { ghost: 'yes', 'ghost-offset-x': 5, 'ghost-offset-y': 5, 'ghost-opacity': 0.35, 'font-weight': 600 } as never,
  },
  // Hatched, not dashed: dashed is upstream (STATE_MARKS).
  { selector: 'node[state = "unpublished"]', style: imageFill(UNPUBLISHED_HATCH) },
  {
    selector: 'node[state = "deleted"], node[state = "missing"]',
    style: { 'border-style': 'dotted', 'border-width': 2.5, 'border-color': C.error, 'background-opacity': 0.5 },
  },
  { selector: 'node[?member]', style: roleNode('cycle', 3.5, 'round-rectangle') },
  {
    selector: 'edge',
    style: {
      width: 1.4,
      'line-color': CONTEXT_EDGE,
      'target-arrow-color': CONTEXT_EDGE,
      'target-arrow-shape': 'triangle',
      'arrow-scale': 1,
      'curve-style': 'bezier',
      opacity: 0.75,
    },
  },
  // Left to right: out of a box's right side, into the next one's left side.
  { selector: 'edge[?forward]', style: { 'source-endpoint': '50% 0%', 'target-endpoint': '-50% 0%' } },
  {
    selector: 'edge[weights]',
    style: {
      'curve-style': 'unbundled-bezier',
      'control-point-weights': 'data(weights)' as never,
      'control-point-distances': 'data(distances)' as never,
      'edge-distances': 'node-position',
    },
  },
  // Across columns: level through the gaps between boxes, with rounded bends.
  {
    selector: 'edge[routeWeights]',
    style: {
      'curve-style': 'round-segments',
      'segment-weights': 'data(routeWeights)' as never,
      'segment-distances': 'data(routeDistances)' as never,
      'segment-radii': [14],
      'edge-distances': 'node-position',
    },
  },
  // A focus' edges as the org view draws a selection's: downstream solid, upstream dashed.
  { selector: 'edge[side = "down"]', style: { ...roleEdge('downstream', 1.8), opacity: 0.9 } },
  { selector: 'edge[side = "up"]', style: { ...roleEdge('upstream', 1.8), opacity: 0.9 } },
  { selector: 'edge[kind = "transition"]', style: { 'line-color': '#475569', 'target-arrow-color': '#475569' } },
  // A cycle focus' callers and callees step back, grey; their line style still says which side.
  { selector: 'edge[?context]', style: { 'line-color': CONTEXT_EDGE, 'target-arrow-color': CONTEXT_EDGE, opacity: 0.45 } },
  { selector: 'edge[?inCycle]', style: { ...roleEdge('cycle', 2.5), opacity: 0.9 } },
  { selector: 'edge[hop >= 0]', style: { width: 3, opacity: 1 } },
  {
    selector: 'edge[label]',
    style: {
      label: 'data(label)',
      'font-size': SCOPE_FONT_PX,
      'font-family': FONT_FAMILY,
      color: '#334155',
      'text-background-color': '#ffffff',
      'text-background-opacity': 0.9,
      'text-background-padding': '2px',
      'text-rotation': 'none',
    },
  },
  // The cut: dashed with a bar across its start, where the reference would be cut (its caption
  // sits on the middle); dotted is the rest of the cycle.
  {
    selector: 'edge[?cut]',
    style: {
      'line-style': 'dashed',
      'line-dash-pattern': [8, 5],
      width: 3,
      'mid-target-arrow-shape': 'none',
      'source-arrow-shape': 'tee',
      'source-arrow-color': CYCLE,
      'arrow-scale': 1.4,
      color: CYCLE,
      'font-weight': 700,
    },
  },
  { selector: 'edge[hop >= 0][label]', style: { color: CYCLE, 'font-weight': 600 } },
  { selector: 'node.selected', style: { 'underlay-color': '#0f172a', 'underlay-opacity': 0.15, 'underlay-padding': 6 } },
];

/** A category colour as a light fill (mixed with white), so dark 12 px text on it stays legible. */
export function tint(hex: string, share = 0.16): string {
  const value = Number.parseInt(hex.slice(1), 16);
  const channel = (shift: number) => Math.round(255 - (255 - ((value >> shift) & 0xff)) * share);
  return `rgb(${channel(16)}, ${channel(8)}, ${channel(0)})`;
}

import { type HighlightRole, ROLE_MARKS } from './palette.js';

/**
 * Cytoscape styles for the highlight roles, from the table the legends read (ROLE_MARKS): the org
 * view, the step view, Changes mode and the focus, cycle and path diagrams all draw a role this way.
 */

/** A role's node border (and the cycle's halo, shaped like the node it rings). */
export function roleNode(role: HighlightRole, width = 4, haloShape: 'ellipse' | 'round-rectangle' = 'ellipse') {
  const marks = ROLE_MARKS[role];
  return {
    'border-width': width,
    'border-style': marks.border,
    'border-color': marks.colour,
    ...(marks.halo ? { 'underlay-color': marks.colour, 'underlay-opacity': 0.3, 'underlay-padding': 5, 'underlay-shape': haloShape } : {}),
  } as const;
}

/** A role's edge line; every edge keeps its arrow, so direction never rests on colour. */
export function roleEdge(role: HighlightRole, width: number) {
  const marks = ROLE_MARKS[role];
  return {
    'line-color': marks.colour,
    'target-arrow-color': marks.colour,
    'line-style': marks.edge ?? 'solid',
    // The default dash (about 6 on, 6 off at this width) reads as gaps at fit zoom: longer dashes.
    ...(marks.edge === 'dashed' ? { 'line-dash-pattern': [8, 4] } : {}),
    // Arrows along the cycle's edges too: its direction reads without following each edge to its end.
    ...(role === 'cycle' ? { 'mid-target-arrow-shape': 'triangle', 'mid-target-arrow-color': marks.colour } : {}),
    width,
    opacity: 1,
  } as const;
}

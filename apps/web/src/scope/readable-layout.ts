import { type Layout, scopeLayout } from '@flowgraph/core';
import type { ScopeAnswer } from '@flowgraph/core';

/** Label size of a scope diagram in model units: at zoom 1 a label is 12 px on screen. */
export const SCOPE_FONT_PX = 12;
/** No label is drawn smaller than this at fit: the fit zoom is capped at 10 / 12. */
export const MIN_LABEL_PX = 10;
export const MIN_READABLE_ZOOM = MIN_LABEL_PX / SCOPE_FONT_PX;
/** Small scopes are not blown up past this: a three-node focus should not shout. */
export const MAX_FIT_ZOOM = 1.25;

/**
 * A node box: two lines of a 12 px name wrapped at 24 characters (about 135 px of a sans-serif),
 * with a little padding. As small as that allows: at the 10 / 12 zoom cap, 150 of them must fit.
 */
export const NODE_WIDTH = 160;
export const NODE_HEIGHT = 32;
/**
 * Gaps the edges run through: between columns, room for edges to fan out, or for their caption
 * where the diagram is about its edges (a path's `via`, a cycle's hops); narrow between rows.
 */
const COLUMN_GAP = 48;
const CAPTIONED_COLUMN_GAP = 176;
const ROW_GAP = 8;
export const ROW_SPACING = NODE_HEIGHT + ROW_GAP;
/** A cycle of up to this many members is drawn as a row, path order left to right; a longer one as a column. */
const CYCLE_ROW_MEMBERS = 6;
/** Arcs between nodes of one column (a cycle's members) bulge left of it. */
const ARC_ROOM = 70;
/** The band behind a column: padding around its boxes, and its name above them. */
export const BAND_PADDING = 8;
const BAND_LABEL = 18;

export interface Viewport {
  width: number;
  height: number;
}

export interface ReadableLayout {
  layout: Layout;
  /** The zoom at which the whole diagram fits the viewport (before capping). */
  fitZoom: number;
  /** Tallest column allowed: taller depth columns were spread over sub-columns. */
  maxRows: number;
}

/**
 * Core's scope layout (upstream left, the subject in the middle, downstream right), with its
 * columns cut to the height that lets the whole diagram fit the viewport at the largest zoom:
 * a focus with 120 callees at depth 1 becomes several staggered sub-columns instead of one
 * column too tall to read. Of the heights that fit equally well (up to zoom 1), the tallest
 * wins, so depth columns are split only as much as reading needs. O(R (V log V + E)) for R
 * candidate heights; R ≤ 60.
 */
export function readableLayout(scope: ScopeAnswer, viewport: Viewport, padding: number): ReadableLayout {
  const placed = placedForLayout(scope);
  const columnSpacing = NODE_WIDTH + (scope.kind === 'focus' ? COLUMN_GAP : CAPTIONED_COLUMN_GAP);
  const tallest = tallestColumn(placed);
  let best: ReadableLayout | undefined;
  for (let maxRows = Math.min(tallest, 60); maxRows >= 1; maxRows--) {
    const layout = scopeLayout(placed, { columnSpacing, rowSpacing: ROW_SPACING, maxRows });
    const fitZoom = zoomToFit(layout, viewport, padding, hasArcs(placed, layout));
    // A split only pays when it reads larger: compare zooms up to 1 (beyond, labels are big enough).
    if (best === undefined || Math.min(fitZoom, 1) > Math.min(best.fitZoom, 1) + 0.01) best = { layout, fitZoom, maxRows };
    // Fewer rows only widen the diagram once it is wider than the viewport.
    if (fitZoom < best.fitZoom * 0.8) break;
  }
  return best ?? { layout: scopeLayout(scope), fitZoom: 1, maxRows: 1 };
}

/** The zoom Cytoscape's fit will pick for this layout: node boxes and bands, plus the room arcs take, inside the padding. */
export function zoomToFit(layout: Layout, viewport: Viewport, padding: number, arcs = false): number {
  const points = Object.values(layout.positions);
  if (points.length === 0) return 1;
  const xs = points.map((p) => p.x);
  const ys = points.map((p) => p.y);
  const width = Math.max(...xs) - Math.min(...xs) + NODE_WIDTH + (arcs ? ARC_ROOM : 0) + 2 * BAND_PADDING;
  const height = Math.max(...ys) - Math.min(...ys) + NODE_HEIGHT + 2 * BAND_PADDING + BAND_LABEL;
  return Math.min((viewport.width - 2 * padding) / width, (viewport.height - 2 * padding) / height);
}

/**
 * The scope as the layout should place it. A short cycle reads best as a row: its members get a
 * column each in path order (the closing hop arcs back below), callers left of the row, callees
 * right of it. Everything else as core places it. Only positions change; the scope drawn is the answer.
 */
export function placedForLayout(scope: ScopeAnswer): ScopeAnswer {
  if (scope.kind !== 'cycle' || scope.cycle.members.length > CYCLE_ROW_MEMBERS) return scope;
  const onPath = scope.cycle.path.slice(0, -1);
  const order = [...new Set([...onPath, ...[...scope.cycle.members].sort()])];
  const column = new Map(order.map((id, i) => [id, i]));
  return {
    ...scope,
    nodes: scope.nodes.map((node) => {
      if (node.side === 'self') return { ...node, depth: column.get(node.id) ?? 0 };
      if (node.side === 'down') return { ...node, depth: order.length };
      return node;
    }),
  };
}

/** Whether an edge joins two boxes of one column: it arcs out to the left of them. */
function hasArcs(scope: ScopeAnswer, layout: Layout): boolean {
  return scope.edges.some((edge) => edge.source !== edge.target && layout.positions[edge.source]?.x === layout.positions[edge.target]?.x);
}

function tallestColumn(scope: ScopeAnswer): number {
  const columns = new Map<number, number>();
  for (const node of scope.nodes) {
    const column = node.side === 'up' ? -node.depth : node.depth;
    columns.set(column, (columns.get(column) ?? 0) + 1);
  }
  return Math.max(1, ...columns.values());
}

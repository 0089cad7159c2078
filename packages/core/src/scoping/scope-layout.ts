import { compareStrings } from '../util/compare.js';
import type { Layout } from '../layout/types.js';
import type { ScopeDiagram, ScopeNode } from './scope.js';

export interface ScopeLayoutOptions {
  /** Horizontal distance between column centres. */
  columnSpacing?: number;
  /** Vertical distance between node centres in a column. */
  rowSpacing?: number;
  /** A column taller than this many nodes is spread over several side by side. */
  maxRows?: number;
}

const DEFAULTS: Required<ScopeLayoutOptions> = { columnSpacing: 270, rowSpacing: 82, maxRows: 12 };

/**
 * Positions that read like the question a scope answers: upstream on the left by depth (callers of
 * callers furthest left), the focused node (or the cycle's members, or a path's start) in the
 * middle, downstream on the right by depth; a path runs left to right hop by hop. Within a column
 * nodes are ordered by the mean row of their neighbours in the column nearer the middle (one sweep
 * outwards), so edges between neighbouring columns cross little; a cycle's members follow its path.
 * O(V log V + E). Pure, so the SPA, the SVG exporter and the report draw the same picture.
 */
export function scopeLayout(scope: ScopeDiagram, options: ScopeLayoutOptions = {}): Layout {
  const settings = { ...DEFAULTS, ...options };
  const columnOf = new Map<string, number>();
  for (const node of scope.nodes) columnOf.set(node.id, columnIndex(node));
  const columns = new Map<number, ScopeNode[]>();
  for (const node of scope.nodes) {
    const column = columnOf.get(node.id) as number;
    const list = columns.get(column);
    if (list === undefined) columns.set(column, [node]);
    else list.push(node);
  }

  const neighbours = new Map<string, string[]>();
  for (const edge of scope.edges) {
    if (edge.source === edge.target) continue;
    (neighbours.get(edge.source) ?? neighbours.set(edge.source, []).get(edge.source))?.push(edge.target);
    (neighbours.get(edge.target) ?? neighbours.set(edge.target, []).get(edge.target))?.push(edge.source);
  }
  const cycleOrder = cyclePathOrder(scope);

  const row = new Map<string, number>();
  // The middle first, then outwards: each column is ordered by the rows of its already placed neighbours.
  const order = [...columns.keys()].sort((a, b) => Math.abs(a) - Math.abs(b) || a - b);
  for (const column of order) {
    const nodes = columns.get(column) as ScopeNode[];
    const weight = (node: ScopeNode): number => {
      const placed = (neighbours.get(node.id) ?? []).filter((id) => row.has(id) && Math.abs(columnOf.get(id) as number) < Math.abs(column));
      if (placed.length === 0) return Number.POSITIVE_INFINITY;
      return placed.reduce((sum, id) => sum + (row.get(id) as number), 0) / placed.length;
    };
    const weights = new Map(nodes.map((node) => [node.id, weight(node)]));
    nodes.sort(
      (a, b) =>
        compareNumbers(cycleOrder.get(a.id) ?? Number.POSITIVE_INFINITY, cycleOrder.get(b.id) ?? Number.POSITIVE_INFINITY) ||
        compareNumbers(weights.get(a.id) as number, weights.get(b.id) as number) ||
        KIND_ORDER[a.kind] - KIND_ORDER[b.kind] ||
        compareStrings(a.type, b.type) ||
        compareStrings(a.name, b.name) ||
        compareStrings(a.id, b.id),
    );
    // Rows are centred on 0 so every column's middle lines up with the focus.
    nodes.forEach((node, i) => {
      row.set(node.id, i - (nodes.length - 1) / 2);
    });
  }

  // Columns left to right; a tall column becomes several sub-columns, filled row by row.
  const positions: Layout['positions'] = {};
  let x = 0;
  let minY = Number.POSITIVE_INFINITY;
  let maxY = Number.NEGATIVE_INFINITY;
  for (const column of [...columns.keys()].sort((a, b) => a - b)) {
    const nodes = [...(columns.get(column) as ScopeNode[])].sort((a, b) => (row.get(a.id) as number) - (row.get(b.id) as number));
    const width = Math.ceil(nodes.length / settings.maxRows);
    const rows = Math.ceil(nodes.length / width);
    nodes.forEach((node, i) => {
      // Sub-columns are staggered by a fraction of a row, so edges into the far one pass between the near one's nodes.
      const y = (Math.floor(i / width) - (rows - 1) / 2 + (i % width) / width) * settings.rowSpacing;
      positions[node.id] = { x: x + (i % width) * settings.columnSpacing, y };
      minY = Math.min(minY, y);
      maxY = Math.max(maxY, y);
    });
    x += width * settings.columnSpacing;
  }
  // Shift into the box (0,0)-(width,height) with half a cell of margin, like layeredLayout.
  const top = (Number.isFinite(minY) ? minY : 0) - settings.rowSpacing / 2;
  for (const point of Object.values(positions)) {
    point.x += settings.columnSpacing / 2;
    point.y -= top;
  }
  return { positions, width: x, height: (Number.isFinite(maxY) ? maxY : 0) - top + settings.rowSpacing / 2, routes: [] };
}

const KIND_ORDER = { flow: 0, step: 1, resource: 2 } as const;

/** Upstream columns negative, the middle 0, downstream and path columns positive (a path's end sits at its depth). */
function columnIndex(node: ScopeNode): number {
  return node.side === 'up' ? -node.depth : node.depth;
}

/** Numeric order that also holds for infinities (their difference would be NaN). */
function compareNumbers(a: number, b: number): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

/** A cycle's members in path order, so consecutive hops sit next to each other. */
function cyclePathOrder(scope: ScopeDiagram): Map<string, number> {
  const order = new Map<string, number>();
  const hops = scope.edges.filter((edge) => edge.cycleHop !== undefined).sort((a, b) => (a.cycleHop as number) - (b.cycleHop as number));
  for (const hop of hops) if (!order.has(hop.source)) order.set(hop.source, order.size);
  return order;
}

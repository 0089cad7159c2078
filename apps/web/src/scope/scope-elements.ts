import type { Layout, Point } from '@flowgraph/core';
import type { ElementDefinition } from 'cytoscape';
import type { ScopeAnswer, ScopeEdgeAnswer, ScopeNodeAnswer } from '@flowgraph/core';
import { segmentsThrough } from '../graph/elements.js';
import { categoryOf } from '../graph/palette.js';
import { NODE_HEIGHT, NODE_WIDTH } from './readable-layout.js';
import { tint } from './scope-style.js';
import { countingMeasure, type Measure, wrapToWidth } from './wrap-label.js';

/** A label is at most two lines of a box's width; the rest of a long name ends in an ellipsis. */
const LABEL_LINES = 2;
/** Room for text inside a box: its width less the padding on both sides. */
export const LABEL_WIDTH = NODE_WIDTH - 12;

/** How wide labels are drawn, regular and bold. */
export interface LabelMeasures {
  regular: Measure;
  bold: Measure;
}

const COUNTING: LabelMeasures = { regular: countingMeasure(LABEL_WIDTH), bold: countingMeasure(LABEL_WIDTH) };

/** Edge ids of a scope canvas: positional, stable for one answer. */
export function scopeEdgeId(index: number): string {
  return `s${index}`;
}

/**
 * A scope (focus, cycle, path) -> Cytoscape elements at the given positions. Nodes carry their
 * wrapped name, category colours and where they sit (`side`); edges their marks (cycle, hop,
 * cut) and a caption where the diagram is about edges: the cycle's hops and cut, a path's `via`.
 * Edges run left to right between box sides; one between boxes of one column arcs out to the
 * left, one going back arcs below, so neither runs through the boxes in between.
 */
export function scopeElements(scope: ScopeAnswer, layout: Layout, measures: LabelMeasures = COUNTING): ElementDefinition[] {
  const columns = columnsOf(layout);
  const members = scope.kind === 'cycle' ? new Set(scope.cycle.members) : new Set<string>();
  const nodes: ElementDefinition[] = scope.nodes.map((node) => {
    const category = categoryOf(node.kind, node.type);
    const data: Record<string, unknown> = {
      id: node.id,
      // The focus and groups are drawn bold: measured bold.
      label: labelOf(node, node.side === 'self' || node.group !== undefined ? measures.bold : measures.regular),
      kind: node.kind,
      type: node.type,
      state: node.state,
      side: node.side,
      colour: category.colour,
      fill: tint(category.colour),
    };
    if (node.group !== undefined) data.count = node.group.count;
    if (members.has(node.id)) data.member = true;
    return { group: 'nodes', data, position: { ...(layout.positions[node.id] ?? { x: 0, y: 0 }) } };
  });
  const sides = new Map(scope.nodes.map((node) => [node.id, node.side]));
  const edges: ElementDefinition[] = scope.edges.map((edge, index) => {
    const data: Record<string, unknown> = {
      id: scopeEdgeId(index),
      source: edge.source,
      target: edge.target,
      kind: edge.kind,
      via: edge.via ?? '',
      ...shapeOf(layout.positions[edge.source], layout.positions[edge.target], edge.source === edge.target, columns),
    };
    const side = edgeSide(sides.get(edge.source), sides.get(edge.target));
    if (side !== undefined) data.side = side;
    const caption = captionOf(scope, edge);
    if (caption !== '') data.label = caption;
    if (edge.inCycle === true) data.inCycle = true;
    // A cycle focus is about its cycle: the edges to callers and callees step back.
    else if (scope.kind === 'cycle') data.context = true;
    if (edge.cycleHop !== undefined) data.hop = edge.cycleHop;
    if (edge.cut === true) data.cut = true;
    return { group: 'edges', data };
  });
  return [...bandsOf(scope, nodes), ...nodes, ...edges];
}

/**
 * Which side of the focus an edge is on, drawn as the org view draws a selection's edges: into or
 * out of an upstream node is upstream (dashed), else into or out of a downstream one downstream.
 * Edges among the focus, a cycle's members or a path's nodes have no side.
 */
export function edgeSide(
  source: ScopeNodeAnswer['side'] | undefined,
  target: ScopeNodeAnswer['side'] | undefined,
): 'up' | 'down' | undefined {
  if (source === 'up' || target === 'up') return 'up';
  if (source === 'down' || target === 'down') return 'down';
  return undefined;
}

/** Id prefix of the column bands, which are drawing, not nodes of the scope. */
export const BAND_PREFIX = 'band:';

/**
 * One band behind each column of a focus or a cycle focus, named by what it holds ("Used by ·
 * 2 hops"), so a depth spread over several sub-columns still reads as one depth. The band is a
 * compound parent: Cytoscape sizes it around its nodes.
 */
function bandsOf(scope: ScopeAnswer, nodes: ElementDefinition[]): ElementDefinition[] {
  if (scope.kind === 'path') return [];
  const bands = new Map<string, string>();
  scope.nodes.forEach((node, i) => {
    const label = bandLabel(scope.kind, node);
    if (label === undefined) return;
    const id = `${BAND_PREFIX}${label}`;
    bands.set(id, label);
    (nodes[i] as ElementDefinition).data.parent = id;
  });
  return [...bands].map(([id, label]) => ({ group: 'nodes', data: { id, label, band: true }, selectable: false }));
}

function bandLabel(kind: 'focus' | 'cycle', node: ScopeNodeAnswer): string | undefined {
  const hops = `${node.depth} hop${node.depth === 1 ? '' : 's'}`;
  if (kind === 'cycle') return node.side === 'self' ? 'Cycle' : node.side === 'up' ? 'Callers' : 'Callees';
  if (node.side === 'self') return undefined;
  return node.side === 'up' ? `Used by · ${hops}` : `Depends on · ${hops}`;
}

/** The name (the id when it has none) in at most two lines of the box's width. */
export function labelOf(node: ScopeNodeAnswer, measure: Measure = countingMeasure(LABEL_WIDTH)): string {
  return wrapToWidth(node.name === '' ? node.id : node.name, LABEL_WIDTH, measure, LABEL_LINES).join('\n');
}

/** Column centre x -> the centres y of its boxes, top to bottom. */
type Columns = Map<number, number[]>;

function columnsOf(layout: Layout): Columns {
  const columns: Columns = new Map();
  for (const { x, y } of Object.values(layout.positions)) {
    const column = columns.get(x);
    if (column === undefined) columns.set(x, [y]);
    else column.push(y);
  }
  for (const ys of columns.values()) ys.sort((a, b) => a - b);
  return columns;
}

/** Clearance kept between an edge and a box it passes. */
const CLEARANCE = 4;

/**
 * A forward edge that skips columns would run under the boxes of the columns between (and seem
 * to come out of them): where it would, it runs through the gap between two boxes of that
 * column instead, level across the column's width. Left to right, each column from where the
 * edge then is. Empty when the straight line is clear.
 */
export function routeAcross(source: Point, target: Point, columns: Columns): Point[] {
  const half = NODE_WIDTH / 2;
  const bends: Point[] = [];
  let from: Point = { x: source.x + half, y: source.y };
  const end: Point = { x: target.x - half, y: target.y };
  const between = [...columns.keys()].filter((x) => x - half > from.x && x + half < end.x).sort((a, b) => a - b);
  for (const x of between) {
    const ys = columns.get(x) as number[];
    const left = x - half - CLEARANCE;
    const right = x + half + CLEARANCE;
    // Where the edge, going straight on to the target, would enter and leave this column.
    const at = (px: number) => from.y + ((end.y - from.y) * (px - from.x)) / (end.x - from.x);
    const low = Math.min(at(left), at(right));
    const high = Math.max(at(left), at(right));
    const blocked = ys.some((y) => y - NODE_HEIGHT / 2 - CLEARANCE < high && y + NODE_HEIGHT / 2 + CLEARANCE > low);
    if (!blocked) continue;
    const gap = nearestGap(ys, at(x));
    bends.push({ x: left, y: gap }, { x: right, y: gap });
    from = { x: right, y: gap };
  }
  return bends;
}

/** The middle of the free band above, between or below a column's boxes nearest to `y`. */
function nearestGap(ys: readonly number[], y: number): number {
  const gaps = [(ys[0] as number) - NODE_HEIGHT, (ys[ys.length - 1] as number) + NODE_HEIGHT];
  for (let i = 0; i + 1 < ys.length; i++) gaps.push(((ys[i] as number) + (ys[i + 1] as number)) / 2);
  return gaps.reduce((best, gap) => (Math.abs(gap - y) < Math.abs(best - y) ? gap : best));
}

/**
 * Forward edges run straight, or through the gaps of the columns they cross; the others get one
 * control point clear of the boxes.
 */
function shapeOf(source: Point | undefined, target: Point | undefined, loop: boolean, columns: Columns): Record<string, unknown> {
  if (!source || !target || loop) return {};
  const dx = target.x - source.x;
  if (dx > NODE_WIDTH / 2) {
    const bends = routeAcross(source, target, columns);
    if (bends.length === 0) return { forward: true };
    const { weights, distances } = segmentsThrough(source, target, bends);
    return { forward: true, routeWeights: weights, routeDistances: distances };
  }
  let bend: Point;
  if (Math.abs(dx) <= NODE_WIDTH / 2) {
    // One column: an arc out to the left, wider the more rows it spans; upward arcs wider than
    // downward ones, so the two edges of a two-member cycle show as two arcs.
    const bulge = 40 + Math.min(80, Math.abs(target.y - source.y) / 6) + (target.y < source.y ? 36 : 0);
    bend = { x: Math.min(source.x, target.x) - NODE_WIDTH / 2 - bulge, y: (source.y + target.y) / 2 };
  } else {
    // Backwards: a curve below both ends.
    bend = { x: (source.x + target.x) / 2, y: Math.max(source.y, target.y) + 60 + Math.abs(dx) / 8 };
  }
  return segmentsThrough(source, target, [bend]);
}

function captionOf(scope: ScopeAnswer, edge: ScopeEdgeAnswer): string {
  const what = edge.kind === 'transition' ? edge.label : edge.via;
  const count = edge.count !== undefined && edge.count > 1 ? ` ×${edge.count}` : '';
  if (scope.kind === 'path') return `${what ?? ''}${count}`.trim();
  if (scope.kind === 'cycle') {
    if (edge.cut === true) return `cut: ${what ?? 'this reference'}`;
    if (edge.cycleHop !== undefined) return `${edge.cycleHop + 1}. ${what ?? ''}`.trim();
  }
  return '';
}

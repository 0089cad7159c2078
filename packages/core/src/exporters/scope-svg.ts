import type { Point } from '../layout/types.js';
import type { ScopeDiagram, ScopeEdge, ScopeNode } from '../scoping/scope.js';
import { scopeLayout } from '../scoping/scope-layout.js';
import { isLoneSurrogate } from './dot.js';
import { nodeLabelLines, nodeLook } from './prepare.js';
import { THEME } from './theme.js';
import { wrapLabel } from './wrap.js';

const FONT_SIZE = 12;
const LINE_HEIGHT = 15;
const NODE_WIDTH = 180;
const CHARS_PER_LINE = 24;
const MARGIN = 24;
const TITLE_HEIGHT = 34;
/** Room left of the first column for the arcs between nodes of one column (a cycle's members). */
const ARC_ROOM = 150;

/**
 * A scope as a self-contained SVG (no fonts, scripts or links to fetch), drawn at core's
 * `scopeLayout` positions: upstream left, the focus in the middle, downstream right.
 * For documents that must not depend on Graphviz being installed (the HTML report). Edges are
 * curves between box sides, a back edge (a cycle closing) bends below; labels carry `via`.
 * Pure: the same scope always gives the same text.
 */
export function exportScopeSvg(scope: ScopeDiagram): string {
  const layout = scopeLayout(scope, { columnSpacing: NODE_WIDTH + 130, rowSpacing: 4 * LINE_HEIGHT + 22 });
  const boxes = new Map<string, Box>();
  for (const node of scope.nodes) {
    const at = layout.positions[node.id] as Point;
    const lines = labelOf(node);
    boxes.set(node.id, {
      node,
      x: at.x + MARGIN + ARC_ROOM,
      y: at.y + MARGIN + TITLE_HEIGHT,
      lines,
      height: lines.length * LINE_HEIGHT + 12,
    });
  }
  const width = Math.max(layout.width + 2 * MARGIN + ARC_ROOM, 320);
  const height = layout.height + 2 * MARGIN + TITLE_HEIGHT;
  const out: string[] = [
    `<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 ${round(width)} ${round(height)}" width="${round(width)}" height="${round(height)}" font-family="${THEME.fontName}, Arial, sans-serif" font-size="${FONT_SIZE}" role="img" aria-labelledby="scope-title scope-desc">`,
    `<title id="scope-title">${escapeXml(scope.title)}</title>`,
    `<desc id="scope-desc">${escapeXml(scopeDescription(scope))}</desc>`,
    '<defs>',
    marker('arrow', THEME.edge.uses),
    marker('arrow-transition', THEME.edge.transition),
    marker('arrow-contains', THEME.edge.contains),
    marker('arrow-cycle', THEME.edge.cycle),
    '</defs>',
    `<rect width="100%" height="100%" fill="#ffffff"/>`,
    `<text x="${MARGIN}" y="${MARGIN + 8}" font-size="15" font-weight="bold" fill="#222222">${escapeXml(scope.title)}</text>`,
  ];
  for (const edge of scope.edges) out.push(edgeSvg(edge, boxes.get(edge.source) as Box, boxes.get(edge.target) as Box));
  for (const box of boxes.values()) out.push(nodeSvg(box));
  out.push('</svg>');
  return `${out.join('\n')}\n`;
}

const SIDE_NAMES: Readonly<Record<ScopeNode['side'], string>> = {
  self: 'Shown for',
  up: 'Used by (upstream)',
  down: 'Depends on (downstream)',
  both: 'Both upstream and downstream',
  path: 'On the path',
};

/**
 * The diagram as text, for a screen reader or a search: how many nodes and edges, the nodes by
 * side, then every edge as `source → target` (with its via or label). Nothing here is only drawn.
 */
export function scopeDescription(scope: ScopeDiagram): string {
  const names = new Map(scope.nodes.map((node) => [node.id, node.name === '' ? node.id : node.name]));
  const lines = [`${scope.nodes.length} nodes and ${scope.edges.length} edges.`];
  for (const side of Object.keys(SIDE_NAMES) as ScopeNode['side'][]) {
    const onSide = scope.nodes.filter((node) => node.side === side);
    if (onSide.length > 0)
      lines.push(`${SIDE_NAMES[side]}: ${onSide.map((node) => `${names.get(node.id)} (${node.type.toLowerCase()})`).join(', ')}.`);
  }
  for (const edge of scope.edges) {
    const what = edge.kind === 'uses' ? edge.via : edge.label;
    const marks = [edge.inCycle === true ? 'in the cycle' : '', edge.cut === true ? 'suggested cut' : '', what ?? ''].filter(
      (mark) => mark !== '',
    );
    lines.push(`${names.get(edge.source)} → ${names.get(edge.target)}${marks.length > 0 ? ` (${marks.join(', ')})` : ''}.`);
  }
  return lines.join('\n');
}

interface Box {
  node: ScopeNode;
  /** Centre. */
  x: number;
  y: number;
  lines: string[];
  height: number;
}

function labelOf(node: ScopeNode): string[] {
  const [name = '', ...rest] = node.group === undefined ? nodeLabelLines(node) : [node.name, 'group'];
  const nameLines = wrapLabel(name, CHARS_PER_LINE);
  const shown = nameLines.length > 2 ? [nameLines[0] as string, `${(nameLines[1] as string).slice(0, CHARS_PER_LINE - 1)}…`] : nameLines;
  return [...shown, ...rest.map((line) => line.slice(0, CHARS_PER_LINE + 4))];
}

function nodeSvg(box: Box): string {
  const { look, dashed } = nodeLook(box.node);
  const left = box.x - NODE_WIDTH / 2;
  const top = box.y - box.height / 2;
  const stroke = `fill="${look.fill}" stroke="${look.border}" stroke-width="${box.node.side === 'self' ? 3 : 1.2}"${dashed ? ' stroke-dasharray="5 3"' : ''}`;
  let shape: string;
  if (look.shape === 'ellipse')
    shape = `<ellipse cx="${round(box.x)}" cy="${round(box.y)}" rx="${NODE_WIDTH / 2}" ry="${round(box.height / 2 + 4)}" ${stroke}/>`;
  else if (look.shape === 'hexagon') {
    const inset = 12;
    const points = [
      [left, box.y],
      [left + inset, top],
      [left + NODE_WIDTH - inset, top],
      [left + NODE_WIDTH, box.y],
      [left + NODE_WIDTH - inset, top + box.height],
      [left + inset, top + box.height],
    ];
    shape = `<polygon points="${points.map(([x, y]) => `${round(x as number)},${round(y as number)}`).join(' ')}" ${stroke}/>`;
  } else {
    const radius = box.node.kind === 'resource' ? 0 : 6;
    shape = `<rect x="${round(left)}" y="${round(top)}" width="${NODE_WIDTH}" height="${round(box.height)}" rx="${radius}" ${stroke}/>`;
  }
  if (box.node.group !== undefined) {
    shape = `<rect x="${round(left + 4)}" y="${round(top - 4)}" width="${NODE_WIDTH}" height="${round(box.height)}" rx="6" fill="${look.fill}" stroke="${look.border}"/>\n${shape}`;
  }
  const text = box.lines
    .map((line, i) => {
      const y = box.y - ((box.lines.length - 1) * LINE_HEIGHT) / 2 + i * LINE_HEIGHT + FONT_SIZE / 3;
      const secondary = i === box.lines.length - 1 && box.lines.length > 1;
      return `<text x="${round(box.x)}" y="${round(y)}" text-anchor="middle"${secondary ? ' font-size="10" fill="#555555"' : ' fill="#111111"'}>${escapeXml(line)}</text>`;
    })
    .join('');
  return `<g><title>${escapeXml(box.node.id)}</title>${shape}${text}</g>`;
}

function edgeSvg(edge: ScopeEdge, source: Box, target: Box): string {
  const colour = edge.inCycle === true ? THEME.edge.cycle : THEME.edge[edge.kind];
  const markerId = edge.inCycle === true ? 'arrow-cycle' : edge.kind === 'uses' ? 'arrow' : `arrow-${edge.kind}`;
  const curve = routeOf(edge, source, target);
  const d = `M ${round(curve[0].x)} ${round(curve[0].y)} C ${curve
    .slice(1)
    .map((point) => `${round(point.x)} ${round(point.y)}`)
    .join(', ')}`;
  const styles = [
    `stroke="${colour}"`,
    // Cycle edges heavier as well as red, as in the DOT export.
    `stroke-width="${edge.cycleHop !== undefined || edge.inCycle === true ? 2.4 : 1.2}"`,
    'fill="none"',
    `marker-end="url(#${markerId})"`,
  ];
  if (edge.cut === true || edge.ambiguous === true) styles.push('stroke-dasharray="6 4"');
  else if (edge.kind === 'contains') styles.push('stroke-dasharray="2 3"');
  const label = edgeLabel(edge);
  // Ending just before the arrow: edges fanning out of one node spread their labels by target row,
  // and no label sits under a box.
  const forward = target.x - source.x > NODE_WIDTH / 2;
  const sameColumn = Math.abs(target.x - source.x) <= NODE_WIDTH / 2 && edge.source !== edge.target;
  // Arcs in one column: the label left of the arc, a downward arc's below an upward one's.
  const at = forward
    ? { x: curve[3].x - 8, y: curve[3].y }
    : sameColumn
      ? { x: bezierPoint(curve, 0.5).x - 4, y: bezierPoint(curve, 0.5).y + (target.y > source.y ? 14 : -4) }
      : bezierPoint(curve, 0.5);
  const text =
    label === ''
      ? ''
      : `<text x="${round(at.x)}" y="${round(at.y - 4)}" text-anchor="${forward || sameColumn ? 'end' : 'middle'}" font-size="10" fill="${edge.cut === true ? THEME.edge.cycle : '#444444'}" stroke="#ffffff" stroke-width="3" paint-order="stroke">${escapeXml(label)}</text>`;
  return `<g><path d="${d}" ${styles.join(' ')}/>${text}</g>`;
}

type Curve = [Point, Point, Point, Point];

/**
 * Forward (left to right): right side to left side. Backward: left side to right side, pulled
 * outwards. Within one column (a cycle's members, callees using each other): an arc on the left,
 * wider the more rows it spans. A self-loop: a small arc on the top right.
 */
function routeOf(edge: ScopeEdge, source: Box, target: Box): Curve {
  const half = NODE_WIDTH / 2;
  if (edge.source === edge.target) {
    const x = source.x + half - 24;
    const y = source.y - source.height / 2;
    return [
      { x, y },
      { x: x + 10, y: y - 40 },
      { x: x + 56, y: source.y - 20 },
      { x: source.x + half, y: source.y - 4 },
    ];
  }
  if (target.x - source.x > half) {
    const x1 = source.x + half;
    const x2 = target.x - half;
    const bend = Math.max(30, (x2 - x1) / 2);
    return [
      { x: x1, y: source.y },
      { x: x1 + bend, y: source.y },
      { x: x2 - bend, y: target.y },
      { x: x2, y: target.y },
    ];
  }
  if (source.x - target.x > half) {
    const x1 = source.x - half;
    const x2 = target.x + half;
    return [
      { x: x1, y: source.y },
      { x: x1 - 70, y: source.y + 40 },
      { x: x2 + 70, y: target.y + 40 },
      { x: x2, y: target.y },
    ];
  }
  const x = Math.min(source.x, target.x) - half;
  // Upward arcs bulge further than downward ones, so a two-way pair (a two-member cycle) shows as two arcs.
  const bulge = 24 + Math.min(50, Math.abs(target.y - source.y) / 8) + (target.y < source.y ? 26 : 0);
  return [
    { x, y: source.y },
    { x: x - bulge, y: source.y },
    { x: x - bulge, y: target.y },
    { x, y: target.y },
  ];
}

function bezierPoint([p0, p1, p2, p3]: Curve, t: number): Point {
  const u = 1 - t;
  const a = u * u * u;
  const b = 3 * u * u * t;
  const c = 3 * u * t * t;
  const d = t * t * t;
  return { x: a * p0.x + b * p1.x + c * p2.x + d * p3.x, y: a * p0.y + b * p1.y + c * p2.y + d * p3.y };
}

function edgeLabel(edge: ScopeEdge): string {
  const parts: string[] = [];
  if (edge.cut === true) parts.push('cut:');
  if (edge.cycleHop !== undefined) parts.push(`${edge.cycleHop + 1}.`);
  const what = edge.kind === 'uses' ? edge.via : edge.label;
  if (what !== undefined && what !== '') parts.push(what.length > 32 ? `${what.slice(0, 31)}…` : what);
  if (edge.count !== undefined && edge.count > 1) parts.push(`×${edge.count}`);
  return parts.join(' ');
}

function marker(id: string, colour: string): string {
  return `<marker id="${id}" viewBox="0 0 10 10" refX="9" refY="5" markerWidth="7" markerHeight="7" orient="auto-start-reverse"><path d="M 0 0 L 10 5 L 0 10 z" fill="${colour}"/></marker>`;
}

/** Text and attribute values: the five XML specials, and control characters (not allowed in XML 1.0) as U+FFFD. */
export function escapeXml(text: string): string {
  let out = '';
  for (const char of text) {
    if (char === '&') out += '&amp;';
    else if (char === '<') out += '&lt;';
    else if (char === '>') out += '&gt;';
    else if (char === '"') out += '&quot;';
    else if (char === "'") out += '&#39;';
    else if ((char < ' ' && char !== '\n' && char !== '\t') || char === '\u007f' || isLoneSurrogate(char)) out += '\ufffd';
    else out += char;
  }
  return out;
}

function round(value: number): number {
  return Math.round(value * 10) / 10;
}

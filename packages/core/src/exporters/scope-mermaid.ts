import type { ScopeDiagram } from '../scoping/scope.js';
import { quoteMermaid } from './mermaid.js';
import { nodeLabelLines, nodeLook } from './prepare.js';
import { THEME } from './theme.js';

/**
 * A scope as Mermaid `flowchart LR`: node keys `n<i>` (ids hold spaces, colons and reserved
 * words), the focus or cycle members in a heavier outline, cycle edges red, the cycle path thick
 * (`==>`) and numbered, the cut dotted and labelled `cut`. Pure.
 */
export function exportScopeMermaid(scope: ScopeDiagram): string {
  const keys = new Map<string, string>();
  scope.nodes.forEach((node, i) => {
    keys.set(node.id, `n${i}`);
  });
  const out = ['flowchart LR'];
  const classes = new Map<string, string[]>();
  for (const node of scope.nodes) {
    const key = keys.get(node.id) as string;
    const lines = node.group === undefined ? nodeLabelLines(node) : [node.name, 'group'];
    const label = quoteMermaid(lines.join('\n'));
    const { look, dashed } = nodeLook(node);
    const shape = look.shape === 'ellipse' ? `([${label}])` : look.shape === 'hexagon' ? `{{${label}}}` : `[${label}]`;
    out.push(`  ${key}${shape}`);
    const className = `c${look.fill.slice(1)}_${look.border.slice(1)}${dashed ? '_d' : ''}${node.side === 'self' ? '_s' : ''}`;
    const members = classes.get(className);
    if (members === undefined) classes.set(className, [key]);
    else members.push(key);
  }
  const red: number[] = [];
  scope.edges.forEach((edge, i) => {
    const parts: string[] = [];
    if (edge.cycleHop !== undefined) parts.push(`${edge.cycleHop + 1}.`);
    const what = edge.kind === 'uses' ? edge.via : edge.label;
    if (what !== undefined && what !== '') parts.push(what);
    if (edge.count !== undefined && edge.count > 1) parts.push(`×${edge.count}`);
    if (edge.cut === true) parts.unshift('cut:');
    const arrow =
      edge.cut === true || edge.ambiguous === true || edge.kind === 'contains' ? '-.->' : edge.cycleHop !== undefined ? '==>' : '-->';
    const label = parts.length === 0 ? '' : `|${quoteMermaid(parts.join(' '))}|`;
    out.push(`  ${keys.get(edge.source)} ${arrow}${label} ${keys.get(edge.target)}`);
    if (edge.inCycle === true) red.push(i);
  });
  for (const [className, members] of [...classes].sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))) {
    out.push(`  classDef ${className} ${classStyle(className)}`);
    out.push(`  class ${members.join(',')} ${className}`);
  }
  if (red.length > 0) out.push(`  linkStyle ${red.join(',')} stroke:${THEME.edge.cycle},color:${THEME.edge.cycle}`);
  return `${out.join('\n')}\n`;
}

function classStyle(className: string): string {
  const [fill, border, ...flags] = className.slice(1).split('_');
  const style = [`fill:#${fill}`, `stroke:#${border}`, 'color:#000'];
  if (flags.includes('d')) style.push('stroke-dasharray:4 3');
  if (flags.includes('s')) style.push('stroke-width:3px');
  return style.join(',');
}

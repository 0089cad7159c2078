import { compareStrings } from '../util/compare.js';
import type { AnalysisResult } from '../contract/analysis.js';
import type { FlowGraph } from '../model/graph.js';
import { type PreparedNode, prepareGraph } from './prepare.js';
import { THEME } from './theme.js';

/**
 * Every Mermaid label goes through here. Labels are always double-quoted; inside, Mermaid still
 * reads `#…;` entity codes, markdown backticks and HTML, so those characters become entity codes
 * (`#` first, or the codes we write would be re-read).
 */
export function quoteMermaid(text: string): string {
  let out = '"';
  for (const char of text) {
    if (char === '#') out += '#35;';
    else if (char === '"') out += '#quot;';
    else if (char === '<') out += '#lt;';
    else if (char === '>') out += '#gt;';
    else if (char === '&') out += '#amp;';
    else if (char === '`') out += '#96;';
    else if (char === '|') out += '#124;';
    else if (char === '\n') out += '<br/>';
    else if (char < ' ' || char === '\u007f') out += ' ';
    else out += char;
  }
  return `${out}"`;
}

/**
 * Mermaid `flowchart LR`. Node ids are the prepared `n<index>` keys: real ids contain spaces,
 * colons and words Mermaid reserves (`end`), and a hash could collide.
 */
export function exportMermaid(graph: FlowGraph, result?: AnalysisResult): string {
  const prepared = prepareGraph(graph, result);
  const out: string[] = ['flowchart LR'];
  const classes = new Map<string, string[]>();
  const declare = (node: PreparedNode, indent: string): void => {
    const label = quoteMermaid(node.lines.join('\n'));
    const shape = node.look.shape === 'ellipse' ? `([${label}])` : node.look.shape === 'hexagon' ? `{{${label}}}` : `[${label}]`;
    out.push(`${indent}${node.key}${shape}`);
    const className = classNameOf(node);
    const members = classes.get(className);
    if (members === undefined) classes.set(className, [node.key]);
    else members.push(node.key);
  };
  for (const node of prepared.topLevel) declare(node, '  ');
  for (const cluster of prepared.clusters) {
    out.push(`  subgraph ${cluster.key}[${quoteMermaid(cluster.label)}]`);
    for (const node of cluster.members) declare(node, '    ');
    out.push('  end');
  }
  const cycleLinks: number[] = [];
  prepared.edges.forEach((edge, index) => {
    const arrow = edge.ambiguous || edge.kind === 'contains' ? '-.->' : edge.inCycle ? '==>' : '-->';
    const label = edge.label === undefined ? '' : `|${quoteMermaid(edge.label)}|`;
    out.push(`  ${edge.source.key} ${arrow}${label} ${edge.target.key}`);
    if (edge.inCycle) cycleLinks.push(index);
  });
  for (const [className, keys] of [...classes].sort(([a], [b]) => compareStrings(a, b))) {
    out.push(`  classDef ${className} ${classStyle(className)}`);
    out.push(`  class ${keys.join(',')} ${className}`);
  }
  if (cycleLinks.length > 0) out.push(`  linkStyle ${cycleLinks.join(',')} stroke:${THEME.edge.cycle},stroke-width:3px`);
  return `${out.join('\n')}\n`;
}

/** One class per distinct look: `fill_cfe2ff_border_1f4e79_dashed`. */
function classNameOf(node: PreparedNode): string {
  return `fill_${node.look.fill.slice(1)}_border_${node.look.border.slice(1)}${node.dashed ? '_dashed' : ''}`;
}

function classStyle(className: string): string {
  const [, fill, , border, dashed] = className.split('_');
  return `fill:#${fill},stroke:#${border},color:#000${dashed ? ',stroke-dasharray:4 3' : ''}`;
}

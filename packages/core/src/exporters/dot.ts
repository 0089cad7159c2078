import type { AnalysisResult } from '../contract/analysis.js';
import type { FlowGraph } from '../model/graph.js';
import { type PreparedEdge, type PreparedNode, prepareGraph } from './prepare.js';
import { THEME } from './theme.js';

/**
 * Every id and label goes through here. Inside a DOT string only `"` needs escaping, but Graphviz
 * expands `\N`, `\G`, `\n`, `\l` in labels, so a backslash in a name is doubled to stay literal.
 * Line breaks become DOT's `\n`; other control characters (NUL ends a C string in Graphviz) become
 * U+FFFD. Names only, never ids, differ by control characters in practice.
 */
export function quoteDot(text: string): string {
  let out = '"';
  for (const char of text) {
    if (char === '\\') out += '\\\\';
    else if (char === '"') out += '\\"';
    else if (char === '\n') out += '\\n';
    else if (char === '\r') continue;
    else if (char < ' ' || char === '\u007f' || isLoneSurrogate(char)) out += '\ufffd';
    else out += char;
  }
  return `${out}"`;
}

/** Half of a UTF-16 pair without the other half: not valid text for Graphviz or XML. */
export function isLoneSurrogate(char: string): boolean {
  const code = char.charCodeAt(0);
  return char.length === 1 && code >= 0xd800 && code <= 0xdfff;
}

/** Graphviz DOT, left to right, each flow's steps in a cluster, cycle hops red and bold. */
export function exportDot(graph: FlowGraph, result?: AnalysisResult): string {
  const prepared = prepareGraph(graph, result);
  // Joined with "\n", never the platform's EOL, so output is identical on every OS.
  const out: string[] = [
    'digraph flowgraph {',
    `  graph [rankdir=LR, fontname=${quoteDot(THEME.fontName)}, compound=true];`,
    `  node [style="filled", fontname=${quoteDot(THEME.fontName)}, fontsize=11];`,
    `  edge [fontname=${quoteDot(THEME.fontName)}, fontsize=9];`,
  ];
  for (const node of prepared.topLevel) out.push(`  ${nodeLine(node)}`);
  for (const cluster of prepared.clusters) {
    out.push(`  subgraph ${quoteDot(`cluster_${cluster.flowId}`)} {`);
    out.push(`    label=${quoteDot(cluster.label)}; style="filled"; fillcolor="${THEME.cluster.fill}"; color="${THEME.cluster.border}";`);
    for (const node of cluster.members) out.push(`    ${nodeLine(node)}`);
    out.push('  }');
  }
  for (const edge of prepared.edges) out.push(`  ${edgeLine(edge)}`);
  out.push('}');
  return `${out.join('\n')}\n`;
}

function nodeLine(node: PreparedNode): string {
  const style = node.dashed ? 'filled,dashed' : node.node.kind === 'flow' ? 'filled,rounded' : 'filled';
  const attributes = [
    `label=${quoteDot(node.lines.join('\n'))}`,
    `shape=${node.look.shape}`,
    `style="${style}"`,
    `fillcolor="${node.look.fill}"`,
    `color="${node.look.border}"`,
  ];
  return `${quoteDot(node.id)} [${attributes.join(', ')}];`;
}

function edgeLine(edge: PreparedEdge): string {
  const attributes: string[] = [];
  if (edge.label !== undefined) attributes.push(`label=${quoteDot(edge.label)}`);
  attributes.push(`color="${edge.inCycle ? THEME.edge.cycle : THEME.edge[edge.kind]}"`);
  const styles: string[] = [];
  if (edge.ambiguous) styles.push('dashed');
  if (edge.kind === 'contains') styles.push('dotted');
  if (edge.inCycle) {
    styles.push('bold');
    attributes.push('penwidth=2');
  }
  if (styles.length > 0) attributes.push(`style="${styles.join(',')}"`);
  return `${quoteDot(edge.source.id)} -> ${quoteDot(edge.target.id)} [${attributes.join(', ')}];`;
}

import { compareStrings } from '../util/compare.js';
import type { ScopeDiagram, ScopeEdge, ScopeNode } from '../scoping/scope.js';
import { quoteDot } from './dot.js';
import { nodeLabelLines, nodeLook } from './prepare.js';
import { clusterLabel, THEME } from './theme.js';
import { wrapLabel } from './wrap.js';

/**
 * A scope (focus, cycle, path) as Graphviz DOT for a review document: left to right, the title on
 * top, org-level nodes clustered by flow or resource type (a step scope: its flow's steps in one
 * cluster), the focused node or the cycle members outlined heavier, cycle edges red and bold (the
 * cycle path numbered), the suggested cut dashed and labelled, each edge labelled with what makes it.
 * Pure: the same scope always gives the same text.
 */
export function exportScopeDot(scope: ScopeDiagram): string {
  const font = quoteDot(THEME.fontName);
  const out: string[] = [
    'digraph scope {',
    `  graph [rankdir=LR, fontname=${font}, fontsize=14, label=${quoteDot(scope.title)}, labelloc=t, labeljust=l, nodesep=0.25, ranksep=0.6];`,
    `  node [style="filled", fontname=${font}, fontsize=11, margin="0.12,0.06"];`,
    `  edge [fontname=${font}, fontsize=9, fontcolor="#444444", arrowsize=0.7];`,
  ];
  const clusters = clustersOf(scope);
  const inCluster = new Set<string>();
  clusters.forEach((cluster, i) => {
    out.push(`  subgraph ${quoteDot(`cluster_${i}`)} {`);
    out.push(
      `    label=${quoteDot(cluster.label)}; fontsize=10; style="rounded,filled"; fillcolor="${THEME.cluster.fill}"; color="${THEME.cluster.border}";`,
    );
    for (const node of cluster.members) {
      out.push(`    ${nodeLine(node)}`);
      inCluster.add(node.id);
    }
    out.push('  }');
  });
  for (const node of scope.nodes) if (!inCluster.has(node.id)) out.push(`  ${nodeLine(node)}`);
  for (const edge of scope.edges) out.push(`  ${edgeLine(edge)}`);
  out.push('}');
  return `${out.join('\n')}\n`;
}

interface Cluster {
  label: string;
  members: ScopeNode[];
}

/**
 * Org level: one cluster per kind and type with two or more nodes (a lone node's second label
 * line says its type already). Step level: the flow's steps in one cluster named by the flow.
 */
function clustersOf(scope: ScopeDiagram): Cluster[] {
  const byKey = new Map<string, Cluster>();
  for (const node of scope.nodes) {
    let key: string;
    let label: string;
    if (scope.level === 'steps') {
      if (node.kind !== 'step') continue;
      key = node.flowId ?? '';
      const flow = scope.nodes.find((candidate) => candidate.id === node.flowId);
      label = flow?.name || key;
    } else {
      if (node.kind === 'step') continue;
      key = `${node.kind}\u0000${node.type}`;
      label = clusterLabel(node.kind, node.type);
    }
    const cluster = byKey.get(key);
    if (cluster === undefined) byKey.set(key, { label, members: [node] });
    else cluster.members.push(node);
  }
  const minimum = scope.level === 'steps' ? 1 : 2;
  return [...byKey.values()].filter((cluster) => cluster.members.length >= minimum).sort((a, b) => compareStrings(a.label, b.label));
}

function nodeLine(node: ScopeNode): string {
  const { look, dashed } = nodeLook(node);
  const lines = node.group === undefined ? nodeLabelLines(node) : [node.name, 'group'];
  const styles = ['filled'];
  if (node.kind === 'flow' || node.kind === 'step') styles.push('rounded');
  if (dashed) styles.push('dashed');
  const attributes = [
    `label=${quoteDot(lines.flatMap((line, i) => (i === 0 ? wrapLabel(line) : [line])).join('\n'))}`,
    `shape=${look.shape}`,
    `style="${styles.join(',')}"`,
    `fillcolor="${look.fill}"`,
    `color="${look.border}"`,
  ];
  if (node.side === 'self') attributes.push('penwidth=3');
  if (node.group !== undefined) attributes.push('peripheries=2');
  return `${quoteDot(node.id)} [${attributes.join(', ')}];`;
}

function edgeLine(edge: ScopeEdge): string {
  const parts: string[] = [];
  if (edge.cycleHop !== undefined) parts.push(`${edge.cycleHop + 1}.`);
  const what = edge.kind === 'uses' ? edge.via : edge.label;
  if (what !== undefined && what !== '') parts.push(what);
  if (edge.count !== undefined && edge.count > 1) parts.push(`×${edge.count}`);
  const label = edge.cut === true ? `cut: ${parts.join(' ')}`.trim() : parts.join(' ');
  const attributes: string[] = [];
  if (label !== '') attributes.push(`label=${quoteDot(label)}`);
  attributes.push(`color="${edge.inCycle === true ? THEME.edge.cycle : THEME.edge[edge.kind]}"`);
  const styles: string[] = [];
  if (edge.cut === true) styles.push('dashed');
  else if (edge.ambiguous === true) styles.push('dashed');
  else if (edge.kind === 'contains') styles.push('dotted');
  // Every edge on a cycle bold, not only a cycle focus' numbered path: a focus' cycle edges then
  // differ from the rest by line weight and style as well as by red.
  if (edge.cycleHop !== undefined || edge.inCycle === true) {
    styles.push('bold');
    attributes.push('penwidth=2');
  }
  if (edge.cut === true) attributes.push(`fontcolor="${THEME.edge.cycle}"`);
  if (styles.length > 0) attributes.push(`style="${styles.join(',')}"`);
  return `${quoteDot(edge.source)} -> ${quoteDot(edge.target)} [${attributes.join(', ')}];`;
}

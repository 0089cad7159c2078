import type { ImportUnit } from '../importers/importer.js';
import type { GraphEdge, GraphNode } from '../model/graph.js';
import type { ImportIssue } from '../model/issues.js';

/** All units' nodes in one map; a second node with a taken id is reported and dropped. */
export function mergeNodes(units: readonly ImportUnit[], issues: ImportIssue[]): Map<string, GraphNode> {
  const nodes = new Map<string, GraphNode>();
  for (const unit of units) {
    for (const node of unit.nodes) {
      const first = nodes.get(node.id);
      if (first === undefined) {
        nodes.set(node.id, node);
        continue;
      }
      issues.push({
        file: unit.file,
        ...(node.kind === 'flow' ? { flow: node.name } : {}),
        message: `duplicate id "${node.id}": already defined${first.file ? ` in ${first.file}` : ''}; this ${node.kind} is ignored`,
        severity: 'warning',
      });
    }
  }
  return nodes;
}

/**
 * Edges whose both ends exist; the others are reported against the file that made them.
 * Identical `uses` edges (same source, target and via) collapse into one.
 */
export function mergeEdges(
  units: readonly ImportUnit[],
  nodes: ReadonlyMap<string, GraphNode>,
  edges: EdgeSet,
  issues: ImportIssue[],
): void {
  for (const unit of units) {
    if (unit.edgesWithinUnit) {
      // Its nodes are all in `nodes` (a duplicate id keeps an earlier node of that id).
      for (const edge of unit.edges) edges.add(edge);
      continue;
    }
    for (const edge of unit.edges) {
      const missing = !nodes.has(edge.source) ? edge.source : !nodes.has(edge.target) ? edge.target : undefined;
      if (missing === undefined) {
        edges.add(edge);
        continue;
      }
      issues.push({
        file: unit.file,
        message: `${edge.kind} edge ${edge.source} -> ${edge.target} names an unknown node "${missing}": dropped`,
        severity: 'error',
      });
    }
  }
}

/** The graph's edge list, with `uses` edges deduplicated by (source, target, via, ambiguous). */
export class EdgeSet {
  readonly edges: GraphEdge[] = [];
  private readonly usesKeys = new Set<string>();

  add(edge: GraphEdge): void {
    if (edge.kind === 'uses') {
      const key = `${edge.source}\u0000${edge.target}\u0000${edge.via ?? ''}\u0000${edge.ambiguous ? 1 : 0}`;
      if (this.usesKeys.has(key)) return;
      this.usesKeys.add(key);
    }
    this.edges.push(edge);
  }
}

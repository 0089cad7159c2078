import type { ImportUnit } from '../importers/importer.js';
import type { GraphEdge, GraphNode } from '../model/graph.js';
import type { ImportIssue } from '../model/issues.js';

/** All units' nodes in one map; a second node with a taken id is reported and dropped. */
export function mergeNodes(units: readonly ImportUnit[], issues: ImportIssue[]): Map<string, GraphNode> {
  const nodes = new Map<string, GraphNode>();
  for (const unit of units) {
    const list = unit.nodes;
    let index = nodes.size === 0 ? setWhileUnique(list, nodes) : 0;
    for (; index < list.length; index++) {
      const node = list[index]!;
      const first = nodes.get(node.id);
      if (first === undefined) nodes.set(node.id, node);
      else issues.push(duplicateIssue(unit, node, first));
    }
  }
  return nodes;
}

/**
 * Into an empty map, one hash operation per node instead of a look-up and an insert (the
 * benchmark file has 500k nodes). Stops at the first repeated id, with the first node of that id
 * put back, and returns its index so the caller handles it and the rest the careful way.
 */
function setWhileUnique(list: readonly GraphNode[], nodes: Map<string, GraphNode>): number {
  for (let index = 0; index < list.length; index++) {
    const node = list[index]!;
    const size = nodes.size;
    nodes.set(node.id, node);
    if (nodes.size !== size) continue;
    nodes.set(node.id, list.find((earlier) => earlier.id === node.id)!);
    return index;
  }
  return list.length;
}

function duplicateIssue(unit: ImportUnit, node: GraphNode, first: GraphNode): ImportIssue {
  return {
    file: unit.file,
    ...(node.kind === 'flow' ? { flow: node.name } : {}),
    message: `duplicate id "${node.id}": already defined${first.file ? ` in ${first.file}` : ''}; this ${node.kind} is ignored`,
    severity: 'warning',
  };
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
      edges.addAll(unit.edges);
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
  private list: GraphEdge[] = [];
  private readonly usesKeys = new Set<string>();
  /** The `uses` edges among `edges`, so later passes over them skip the 600k transitions. */
  readonly uses: GraphEdge[] = [];

  get edges(): GraphEdge[] {
    return this.list;
  }

  add(edge: GraphEdge): void {
    if (edge.kind === 'uses') {
      const key = `${edge.source}\u0000${edge.target}\u0000${edge.via ?? ''}\u0000${edge.ambiguous ? 1 : 0}`;
      if (this.usesKeys.has(key)) return;
      this.usesKeys.add(key);
      this.uses.push(edge);
    }
    this.list.push(edge);
  }

  addAll(edges: readonly GraphEdge[]): void {
    // A first list without `uses` edges has nothing to deduplicate: copied in one go, not pushed
    // one by one (620k transitions on the benchmark file).
    if (this.list.length === 0 && !edges.some((edge) => edge.kind === 'uses')) {
      this.list = edges.slice();
      return;
    }
    for (const edge of edges) this.add(edge);
  }
}

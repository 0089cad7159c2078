import type { ImportUnit } from '../importers/importer.js';
import type { GraphEdge, GraphNode, NodeLookup } from '../model/graph.js';
import type { ImportIssue } from '../model/issues.js';

/** The merged nodes, and per unit the ids it defined that another unit had already taken. */
export interface MergedNodes {
  nodes: Map<string, GraphNode>;
  lost: Map<ImportUnit, Set<string>>;
}

/**
 * All units' nodes in one map; a node whose id another unit already took is dropped, with one
 * warning per flow (its steps go with it), not one per step.
 */
export function mergeNodes(units: readonly ImportUnit[], issues: ImportIssue[]): MergedNodes {
  const nodes = new Map<string, GraphNode>();
  const lost = new Map<ImportUnit, Set<string>>();
  for (const unit of units) {
    const list = unit.nodes;
    let index = nodes.size === 0 ? setWhileUnique(list, nodes) : 0;
    const duplicates: GraphNode[] = [];
    for (; index < list.length; index++) {
      const node = list[index]!;
      if (nodes.has(node.id)) duplicates.push(node);
      else nodes.set(node.id, node);
    }
    if (duplicates.length === 0) continue;
    lost.set(unit, new Set(duplicates.map((node) => node.id)));
    issues.push(...duplicateIssues(unit, duplicates, nodes));
  }
  return { nodes, lost };
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

/** One issue per flow whose id (or whose steps' ids) another file already defines, and one per other node. */
function duplicateIssues(unit: ImportUnit, duplicates: readonly GraphNode[], nodes: ReadonlyMap<string, GraphNode>): ImportIssue[] {
  const byOwner = new Map<string, GraphNode[]>();
  for (const node of duplicates) {
    const owner = node.kind === 'step' ? node.flowId : node.id;
    const group = byOwner.get(owner);
    if (group === undefined) byOwner.set(owner, [node]);
    else group.push(node);
  }
  return [...byOwner].map(([owner, group]) => {
    const head = group.find((node) => node.id === owner);
    if (head === undefined) return stepsOnlyIssue(unit, owner, group, nodes);
    const first = nodes.get(owner);
    const where = first?.file === undefined ? '' : ` in ${first.file}`;
    const steps = group.filter((node) => node.kind === 'step').length;
    const what =
      head.kind === 'flow'
        ? steps > 0
          ? `this flow and its ${steps} step${steps === 1 ? '' : 's'} are`
          : 'this flow is'
        : `${group.length === 1 ? `this ${head.kind} is` : `these ${group.length} nodes are`}`;
    return {
      file: unit.file,
      ...(head.kind === 'flow' ? { flow: head.name } : {}),
      message: `duplicate id "${owner}": already defined${where}; ${what} ignored`,
      severity: 'warning' as const,
    };
  });
}

/**
 * Steps whose ids another file's nodes already have, while their flow's own id is free (a flow
 * `a` with a step `b:c` and a flow `a:b` with a step `c` are both `a:b:c`): the steps are
 * dropped, not the flow, and the issue names the step ids.
 */
function stepsOnlyIssue(unit: ImportUnit, flowId: string, steps: readonly GraphNode[], nodes: ReadonlyMap<string, GraphNode>): ImportIssue {
  const first = steps[0] as GraphNode;
  const file = nodes.get(first.id)?.file;
  const flow = nodes.get(flowId);
  const ids = steps.length === 1 ? `"${first.id}"` : `"${first.id}" and ${steps.length - 1} more`;
  return {
    file: unit.file,
    ...(flow?.kind === 'flow' ? { flow: flow.name } : {}),
    message: `duplicate id ${ids}: already defined${file === undefined ? '' : ` in ${file}`}; ${steps.length === 1 ? 'this step is' : `these ${steps.length} steps are`} ignored`,
    severity: 'warning',
  };
}

/**
 * Edges whose both ends exist; the others are reported against the file that made them. A file's
 * edges at ids another file took are dropped with those nodes.
 * Identical `uses` edges (same source, target and via) collapse into one.
 */
export function mergeEdges(
  units: readonly ImportUnit[],
  { lost }: MergedNodes,
  nodes: NodeLookup,
  edges: EdgeSet,
  issues: ImportIssue[],
): void {
  for (const unit of units) {
    const ignored = lost.get(unit);
    if (ignored !== undefined) {
      // The ids belong to another file's nodes now: this file's edges at them would be drawn twice.
      for (const edge of unit.edges) {
        if (!ignored.has(edge.source) && !ignored.has(edge.target) && nodes.has(edge.source) && nodes.has(edge.target)) edges.add(edge);
      }
      continue;
    }
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

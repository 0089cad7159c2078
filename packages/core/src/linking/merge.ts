import type { ImportUnit } from '../importers/importer.js';
import { EdgeEndList } from '../model/edge-ends.js';
import type { GraphEdge, GraphNode } from '../model/graph.js';
import type { ImportIssue } from '../model/issues.js';

/** The merged nodes, and per unit the ids it defined that another unit had already taken. */
export interface MergedNodes {
  nodes: Map<string, GraphNode>;
  lost: Map<ImportUnit, Set<string>>;
  /** Per unit whose nodes all went in, one after another: the position in `nodes` of its first. */
  firstPosition: Map<ImportUnit, number>;
}

/**
 * All units' nodes in one map; a node whose id another unit already took is dropped, with one
 * warning per flow (its steps go with it), not one per step.
 */
export function mergeNodes(units: readonly ImportUnit[], issues: ImportIssue[]): MergedNodes {
  const nodes = new Map<string, GraphNode>();
  const lost = new Map<ImportUnit, Set<string>>();
  const firstPosition = new Map<ImportUnit, number>();
  for (const unit of units) {
    const list = unit.nodes;
    const first = nodes.size;
    let index = first === 0 ? setWhileUnique(list, nodes) : 0;
    const duplicates: GraphNode[] = [];
    for (; index < list.length; index++) {
      const node = list[index]!;
      if (nodes.has(node.id)) duplicates.push(node);
      else nodes.set(node.id, node);
    }
    if (duplicates.length === 0) {
      firstPosition.set(unit, first);
      continue;
    }
    lost.set(unit, new Set(duplicates.map((node) => node.id)));
    issues.push(...duplicateIssues(unit, duplicates, nodes));
  }
  return { nodes, lost, firstPosition };
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
    const first = nodes.get(owner) ?? nodes.get(group[0]!.id);
    const where = first?.file === undefined ? '' : ` in ${first.file}`;
    const steps = group.filter((node) => node.kind === 'step').length;
    const head = group.find((node) => node.id === owner) ?? first;
    const what =
      head?.kind === 'flow'
        ? steps > 0
          ? `this flow and its ${steps} step${steps === 1 ? '' : 's'} are`
          : 'this flow is'
        : `${group.length === 1 ? `this ${group[0]!.kind} is` : `these ${group.length} nodes are`}`;
    return {
      file: unit.file,
      ...(head?.kind === 'flow' ? { flow: head.name } : {}),
      message: `duplicate id "${owner}": already defined${where}; ${what} ignored`,
      severity: 'warning' as const,
    };
  });
}

/**
 * Edges whose both ends exist; the others are reported against the file that made them. A file's
 * edges at ids another file took are dropped with those nodes.
 * Identical `uses` edges (same source, target and via) collapse into one.
 */
export function mergeEdges(
  units: readonly ImportUnit[],
  { nodes, lost, firstPosition }: MergedNodes,
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
      edges.addAll(unit.edges, unit.edgeEnds, firstPosition.get(unit));
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

/**
 * The graph's edge list, with `uses` edges deduplicated by (source, target, via, ambiguous), and
 * where its ends sit among the merged nodes when the importer said (see model/edge-ends.ts).
 */
export class EdgeSet {
  private list: GraphEdge[] = [];
  private readonly usesKeys = new Set<string>();
  /** The `uses` edges among `edges`, so later passes over them skip the 600k transitions. */
  readonly uses: GraphEdge[] = [];
  /** Two node positions per edge of `list`, -1 where unknown; `placed` says whether any is known. */
  private ends = new EdgeEndList();
  private placed = false;

  get edges(): GraphEdge[] {
    return this.list;
  }

  /** Positions of the edges' ends among the merged nodes (model/edge-ends.ts), when some are known. */
  get edgeEnds(): Int32Array | undefined {
    return this.placed ? this.ends.view() : undefined;
  }

  add(edge: GraphEdge, source = -1, target = -1): void {
    if (edge.kind === 'uses') {
      const key = `${edge.source}\u0000${edge.target}\u0000${edge.via ?? ''}\u0000${edge.ambiguous ? 1 : 0}`;
      if (this.usesKeys.has(key)) return;
      this.usesKeys.add(key);
      this.uses.push(edge);
    }
    this.list.push(edge);
    this.ends.push(source, target);
    if (source >= 0 || target >= 0) this.placed = true;
  }

  /**
   * `ends` (two per edge, positions in the unit's nodes, ImportUnit.edgeEnds) and `first` (where
   * the unit's first node landed among the merged nodes) place each edge's ends.
   */
  addAll(edges: readonly GraphEdge[], ends?: Int32Array, first?: number): void {
    const known = ends !== undefined && ends.length === 2 * edges.length && first !== undefined;
    // A first list without `uses` edges has nothing to deduplicate: copied in one go, not pushed
    // one by one (620k transitions on the benchmark file).
    if (this.list.length === 0 && !edges.some((edge) => edge.kind === 'uses')) {
      this.list = edges.slice();
      this.ends = new EdgeEndList(edges.length);
      for (let i = 0; i < 2 * edges.length; i += 2) {
        if (known) this.ends.push(shifted(ends[i] as number, first), shifted(ends[i + 1] as number, first));
        else this.ends.push(-1, -1);
      }
      this.placed = known && edges.length > 0;
      return;
    }
    for (let i = 0; i < edges.length; i++) {
      const edge = edges[i] as GraphEdge;
      if (known) this.add(edge, shifted(ends[2 * i] as number, first), shifted(ends[2 * i + 1] as number, first));
      else this.add(edge);
    }
  }
}

function shifted(position: number, first: number): number {
  return position < 0 ? -1 : position + first;
}

import {
  AnalysisContext,
  type AnalyzeOptions,
  type ChangeRole,
  diffGraphs,
  type ExportGraph,
  type FlowGraph,
  type GraphDiff,
  type GraphEdge,
  type GraphNode,
  type Layout,
  layeredLayout,
  toExportGraph,
} from '@flowgraph/core';
import type { SnapshotRecord } from '@flowgraph/store';
import { NotFoundError } from '../errors.js';
import { BoundedCache } from './bounded-cache.js';
import { graphFromSnapshot } from './core-graph.js';
import type { OrgHistory } from './crawl-history.js';

export interface HistoryResponse {
  org: string;
  /** Newest first. */
  snapshots: SnapshotRecord[];
}

export interface DiffResponse {
  from: SnapshotRecord;
  to: SnapshotRecord;
  diff: GraphDiff;
  /**
   * What the Changes view draws: every changed object, the ends of every added or removed
   * dependency, the members of new cycles and the callers through which entry flows reach the
   * change, from both sides (removed objects from the old one), laid out like the org view.
   */
  view: { graph: ExportGraph; layout: Layout; roles: Record<string, ChangeRole> };
}

/** `/api/history` and `/api/diff`: stored crawls of the served org and what changed between two, cached. */
export class HistoryViews {
  readonly #diffs = new BoundedCache<DiffResponse>(4);

  constructor(private readonly history: OrgHistory) {}

  list(): HistoryResponse {
    return { org: this.history.org, snapshots: this.history.list() };
  }

  /** Default: the previous and the latest stored crawl. */
  diff(fromId: number | undefined, toId: number | undefined, options: AnalyzeOptions = {}): DiffResponse {
    const snapshots = this.history.list();
    const to = toId ?? snapshots[0]?.id;
    const from = fromId ?? snapshots.find((record) => to === undefined || record.id < to)?.id;
    if (to === undefined || from === undefined) {
      throw new NotFoundError(
        `Changes need two stored crawls of this org; there ${snapshots.length === 1 ? 'is 1' : `are ${snapshots.length}`}. Refresh to make one.`,
      );
    }
    const key = `${from}>${to}>${JSON.stringify(options)}`;
    const cached = this.#diffs.get(key);
    if (cached !== undefined) return cached;
    const before = this.#side(from);
    const after = this.#side(to);
    const diff = diffGraphs(before.graph, after.graph, { analyze: options });
    const response = { from: before.record, to: after.record, diff, view: changeView(diff, before.graph, after.graph) };
    this.#diffs.set(key, response);
    return response;
  }

  #side(id: number): { record: SnapshotRecord; graph: FlowGraph } {
    const stored = this.history.load(id);
    if (stored === undefined) throw new NotFoundError(`No stored crawl ${id} of this org (see /api/history).`);
    return { record: stored.record, graph: graphFromSnapshot(stored.snapshot).graph };
  }
}

function changeView(diff: GraphDiff, before: FlowGraph, after: FlowGraph): DiffResponse['view'] {
  const roles: Record<string, ChangeRole> = {};
  for (const set of [diff.flows, diff.resources]) {
    for (const id of set.added) roles[id] = 'added';
    for (const id of set.removed) roles[id] = 'removed';
    for (const changed of set.changed) roles[changed.id] = 'changed';
  }
  const ids = new Set(Object.keys(roles));
  for (const edge of [...diff.edges.added, ...diff.edges.removed]) {
    ids.add(edge.source);
    ids.add(edge.target);
  }
  for (const cycle of diff.cycles.introduced) if (cycle.scope === 'org') for (const id of cycle.members) ids.add(id);
  for (const entry of diff.impact.entryFlows) for (const id of entry.path) ids.add(id);

  const nodes = new Map<string, GraphNode>();
  for (const id of ids) {
    const node = after.nodes.get(id) ?? before.nodes.get(id);
    if (node !== undefined && node.kind !== 'step') nodes.set(id, node);
    if (roles[id] === undefined) roles[id] = 'context';
  }
  // Edges of both sides among the drawn nodes, each (source, target) once; the SPA marks added and removed ones from the diff.
  const seen = new Set<string>();
  const edges: GraphEdge[] = [];
  for (const edge of [...new AnalysisContext(after).org.graph.edges, ...new AnalysisContext(before).org.graph.edges]) {
    const key = `${edge.source}\u0000${edge.target}`;
    if (!nodes.has(edge.source) || !nodes.has(edge.target) || seen.has(key)) continue;
    seen.add(key);
    edges.push(edge);
  }
  return { graph: toExportGraph({ nodes, edges }), layout: layeredLayout({ nodes: [...nodes.values()], edges }), roles };
}

import { compareStrings } from '../util/compare.js';
import { normaliseName } from '../linking/names.js';
import type { FlowGraph, GraphEdge, GraphNode } from '../model/graph.js';
import { stepNodeId } from '../model/graph.js';

export interface IdMatch {
  /** The id on the old side, which the diff uses. */
  old: string;
  /** The id the new side had. */
  new: string;
}

export interface AlignedGraph {
  /** The new graph with every matched flow and resource (and the steps of matched flows) under its old id. */
  graph: FlowGraph;
  /** Flows and resources matched by name because their ids differ (two orgs, or YAML against a crawl). */
  matchedByName: IdMatch[];
}

/**
 * Puts the new side's nodes under the old side's ids where both sides hold the same object:
 * first the same id, then, among the nodes still unmatched, the same kind, type and name as
 * Genesys compares names, when that name is unique on both sides. Two orgs (dev and prod) give
 * every flow its own id, and Archy YAML names flows by name, so without this a promotion plan
 * would list every flow as removed and added again. Steps follow their flow. O(V + E).
 */
export function alignIds(oldGraph: FlowGraph, newGraph: FlowGraph): AlignedGraph {
  const unmatchedOld = byNameKey(oldGraph, (id) => !newGraph.nodes.has(id));
  const unmatchedNew = byNameKey(newGraph, (id) => !oldGraph.nodes.has(id));
  const rename = new Map<string, string>();
  const matchedByName: IdMatch[] = [];
  for (const [key, newIds] of unmatchedNew) {
    const oldIds = unmatchedOld.get(key);
    if (newIds.length !== 1 || oldIds?.length !== 1) continue;
    const [newId] = newIds as [string];
    const [oldId] = oldIds as [string];
    rename.set(newId, oldId);
    matchedByName.push({ old: oldId, new: newId });
  }
  if (rename.size === 0) return { graph: newGraph, matchedByName };

  const nodes = new Map<string, GraphNode>();
  for (const [id, node] of newGraph.nodes) {
    const renamed = renameNode(node, rename);
    nodes.set(renamed === node ? id : renamed.id, renamed);
  }
  const edges = newGraph.edges.map((edge) => renameEdge(edge, rename, newGraph));
  matchedByName.sort((a, b) => compareStrings(a.old, b.old));
  return { graph: { nodes, edges }, matchedByName };
}

/** Flows and resources (never steps) by kind, type and normalised name, filtered by `keep(id)`. */
function byNameKey(graph: FlowGraph, keep: (id: string) => boolean): Map<string, string[]> {
  const groups = new Map<string, string[]>();
  for (const [id, node] of graph.nodes) {
    if (node.kind === 'step' || node.state === 'missing' || !keep(id)) continue;
    const key = `${node.kind}\u0000${node.type}\u0000${normaliseName(node.name)}`;
    const group = groups.get(key);
    if (group === undefined) groups.set(key, [id]);
    else group.push(id);
  }
  return groups;
}

function renameNode(node: GraphNode, rename: ReadonlyMap<string, string>): GraphNode {
  if (node.kind === 'step') {
    const flowId = rename.get(node.flowId);
    return flowId === undefined ? node : { ...node, flowId, id: stepNodeId(flowId, node.stepId) };
  }
  const id = rename.get(node.id);
  return id === undefined ? node : { ...node, id };
}

function renameEdge(edge: GraphEdge, rename: ReadonlyMap<string, string>, graph: FlowGraph): GraphEdge {
  const source = renamedId(edge.source, rename, graph);
  const target = renamedId(edge.target, rename, graph);
  return source === edge.source && target === edge.target ? edge : { ...edge, source, target };
}

function renamedId(id: string, rename: ReadonlyMap<string, string>, graph: FlowGraph): string {
  const direct = rename.get(id);
  if (direct !== undefined) return direct;
  const node = graph.nodes.get(id);
  if (node?.kind !== 'step') return id;
  const flowId = rename.get(node.flowId);
  return flowId === undefined ? id : stepNodeId(flowId, node.stepId);
}

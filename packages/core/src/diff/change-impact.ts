import { compareStrings, sortedIds } from '../util/compare.js';
import { buildGraphIndex } from '../analysis/graph-index.js';
import { ENTRY_FLOW_TYPES } from '../model/flow-types.js';
import type { FlowGraph, GraphEdge, GraphNode } from '../model/graph.js';
import type { ChangeImpact } from './types.js';

/**
 * The upstream blast radius of a change: one breadth-first search against the edges from every
 * changed object at once, over the new org graph plus the old side's edges into what was
 * removed (its callers on the old side are what a removal breaks). Parent pointers give each
 * entry flow a shortest path to the nearest change. O(V + E).
 */
export function changeImpact(newOrg: FlowGraph, oldOrg: FlowGraph, changed: readonly string[], removed: ReadonlySet<string>): ChangeImpact {
  const nodes = new Map<string, GraphNode>(newOrg.nodes);
  const edges: GraphEdge[] = [...newOrg.edges];
  for (const id of removed) {
    const node = oldOrg.nodes.get(id);
    if (node !== undefined && !nodes.has(id)) nodes.set(id, node);
  }
  for (const edge of oldOrg.edges) {
    if (!removed.has(edge.target)) continue;
    const source = oldOrg.nodes.get(edge.source);
    if (source !== undefined && !nodes.has(edge.source)) nodes.set(edge.source, source);
    edges.push(edge);
  }
  const index = buildGraphIndex({ nodes, edges });
  const n = index.kinds.length;
  const parent = new Int32Array(n).fill(-1);
  const seen = new Uint8Array(n);
  const queue = new Int32Array(n);
  let tail = 0;
  for (const id of changed) {
    const at = index.indexOf.get(id);
    if (at === undefined || seen[at] === 1) continue;
    seen[at] = 1;
    queue[tail++] = at;
  }
  const seeds = tail;
  for (let head = 0; head < tail; head++) {
    const u = queue[head] as number;
    for (let slot = index.inOffsets[u] as number; slot < (index.inOffsets[u + 1] as number); slot++) {
      const w = index.inSources[slot] as number;
      if (seen[w] === 1) continue;
      seen[w] = 1;
      parent[w] = u;
      queue[tail++] = w;
    }
  }

  const reached: string[] = [];
  const entryFlows: ChangeImpact['entryFlows'] = [];
  for (let i = 0; i < tail; i++) {
    const at = queue[i] as number;
    const node = index.node(at);
    if (i >= seeds) reached.push(node.id);
    if (node.kind !== 'flow' || !ENTRY_FLOW_TYPES.has(node.type)) continue;
    const path: string[] = [];
    for (let step = at; step !== -1; step = parent[step] as number) path.push(index.id(step));
    entryFlows.push({ id: node.id, path });
  }
  return {
    changed: sortedIds(changed),
    nodes: sortedIds(reached),
    entryFlows: entryFlows.sort((a, b) => compareStrings(a.id, b.id)),
  };
}

import type { ExportNode, ExportGraph } from '@flowgraph/core';

const cache = new WeakMap<ExportGraph, Map<string, ExportNode>>();

/** id -> node for one graph answer, built once per answer (panels print paths by name). */
export function nodeIndex(graph: ExportGraph): Map<string, ExportNode> {
  let index = cache.get(graph);
  if (!index) {
    index = new Map(graph.nodes.map((node) => [node.id, node]));
    cache.set(graph, index);
  }
  return index;
}

/** A node's display name; ids the graph does not hold (a step, a stale link) print as themselves. */
export function nameOf(graph: ExportGraph, id: string): string {
  return nodeIndex(graph).get(id)?.name ?? id;
}

export function pathNames(graph: ExportGraph, path: readonly string[]): string {
  return path.map((id) => nameOf(graph, id)).join(' → ');
}

import type { ExportGraph, Impact } from '@flowgraph/core';

/** The impact of one flow: what it uses directly (depth 1), as the server answers it. */
export function impactOf(graph: ExportGraph, flow: string): Impact {
  const downstream = graph.edges
    .filter((edge) => edge.source === flow)
    .map((edge) => ({ id: edge.target, depth: 1, path: [flow, edge.target] }));
  return { node: flow, downstream, upstream: [], entryFlows: [flow] };
}

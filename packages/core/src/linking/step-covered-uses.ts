import type { GraphEdge, NodeLookup } from '../model/graph.js';

/**
 * Drops a flow's own `uses` edge to a target one of its steps already uses. A snapshot flow with
 * a configuration has both: dependency tracking (and manifest entries without a step) say the
 * flow uses X, the configuration says which step does; the step's edge is the precise one, and
 * the flow still reaches X through it.
 */
export function dropFlowUsesCoveredBySteps(edges: GraphEdge[], uses: readonly GraphEdge[], nodes: NodeLookup): GraphEdge[] {
  const usedBySteps = new Set<string>();
  let flowUses = 0;
  for (const edge of uses) {
    const source = nodes.get(edge.source);
    if (source?.kind === 'step') usedBySteps.add(flowTargetKey(source.flowId, edge.target));
    else if (source?.kind === 'flow') flowUses++;
  }
  if (flowUses === 0 || usedBySteps.size === 0) return edges;
  const covered = new Set<GraphEdge>();
  for (const edge of uses) {
    if (nodes.get(edge.source)?.kind === 'flow' && usedBySteps.has(flowTargetKey(edge.source, edge.target))) covered.add(edge);
  }
  return covered.size === 0 ? edges : edges.filter((edge) => !covered.has(edge));
}

function flowTargetKey(flowId: string, target: string): string {
  return `${flowId}\u0000${target}`;
}

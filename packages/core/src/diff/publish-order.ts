import { compareStrings } from '../util/compare.js';
import { AnalysisContext } from '../analysis/context.js';
import { planDeployment } from '../analysis/deployment.js';
import type { FlowGraph, GraphNode } from '../model/graph.js';
import { isDefined } from './node-changes.js';

export interface PublishPlan {
  waves: string[][];
  groups: string[][];
}

/**
 * A promotion plan: the added and changed objects, plus every dependency they reach that the
 * target (old side) lacks, followed through those missing dependencies only (what the target
 * already has, it already has with its own dependencies). Deleted objects are not published.
 * The waves are deployment waves of that set alone, so an unrelated object never fills a wave.
 */
export function publishPlan(newOrg: FlowGraph, oldGraph: FlowGraph, changed: readonly string[]): PublishPlan {
  const targets = new Map<string, string[]>();
  for (const edge of newOrg.edges) {
    let list = targets.get(edge.source);
    if (list === undefined) {
      list = [];
      targets.set(edge.source, list);
    }
    list.push(edge.target);
  }
  const publishable = (node: GraphNode | undefined): node is GraphNode => isDefined(node) && node.state !== 'deleted';
  const chosen = new Set<string>();
  const stack: string[] = [];
  for (const id of changed) {
    if (!publishable(newOrg.nodes.get(id)) || chosen.has(id)) continue;
    chosen.add(id);
    stack.push(id);
  }
  while (stack.length > 0) {
    const id = stack.pop() as string;
    for (const target of targets.get(id) ?? []) {
      if (chosen.has(target) || !publishable(newOrg.nodes.get(target)) || isDefined(oldGraph.nodes.get(target))) continue;
      chosen.add(target);
      stack.push(target);
    }
  }
  if (chosen.size === 0) return { waves: [], groups: [] };
  const nodes = new Map<string, GraphNode>();
  for (const id of [...chosen].sort(compareStrings)) nodes.set(id, newOrg.nodes.get(id) as GraphNode);
  const edges = newOrg.edges.filter((edge) => chosen.has(edge.source) && chosen.has(edge.target));
  const { waves, groups } = planDeployment(new AnalysisContext({ nodes, edges }));
  return { waves, groups };
}

import { AnalysisContext } from '../analysis/context.js';
import { UnknownNodeError } from '../analysis/errors/unknown-node.js';
import type { GraphIndex } from '../analysis/graph-index.js';
import { flowStepGraph } from '../analysis/org-projection.js';
import type { FlowGraph, GraphNode } from '../model/graph.js';
import type { ScopeLevel } from './scope.js';

/** The graph a scope's hops are counted in, indexed. */
export interface LevelGraph {
  level: ScopeLevel;
  flowId?: string;
  graph: FlowGraph;
  index: GraphIndex;
}

/**
 * Flows and resources are scoped in the org projection (the graph the org view draws: a step's
 * `uses` lifted to its flow); a step in its flow's step graph. The context builds the projection
 * once, so a caller that keeps one (the server does) never projects the whole graph again.
 */
export function levelGraphOf(context: AnalysisContext, node: GraphNode): LevelGraph {
  return levelGraph(context, node.kind === 'step' ? node.flowId : undefined);
}

/** One flow's step graph when `flowId` is given, else the org projection. */
export function levelGraph(context: AnalysisContext, flowId: string | undefined): LevelGraph {
  if (flowId !== undefined) {
    const steps = new AnalysisContext(flowStepGraph(context.graph, flowId));
    return { level: 'steps', flowId, graph: steps.graph, index: steps.index };
  }
  const { org } = context;
  return { level: 'org', graph: org.graph, index: org.index };
}

/** The node an id names, or a typed error naming the operation that was asked. */
export function nodeOf(graph: FlowGraph, id: string, operation: string): GraphNode {
  const node = graph.nodes.get(id);
  if (node === undefined) throw new UnknownNodeError(id, operation);
  return node;
}

/** Index of a node in a level graph, or a typed error (a step of another flow is not in this one). */
export function positionOf(level: LevelGraph, id: string, operation: string): number {
  const position = level.index.indexOf.get(id);
  if (position === undefined) throw new UnknownNodeError(id, operation);
  return position;
}

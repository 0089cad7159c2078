import type { FlowNode, GraphEdge, GraphNode, ResourceNode } from '../../model/graph.js';
import type { AnalysisContext } from '../context.js';
import { EDGE_KIND } from '../graph-index.js';

/** A node with the id the graph files it under. */
export type Entry<T extends GraphNode = GraphNode> = readonly [id: string, node: T];

/**
 * The nodes each check looks at, gathered in one pass over the graph: on 500k step nodes a pass
 * per check costs more than the checks themselves. In graph order, so findings come out the same.
 */
export interface NodeGroups {
  flows: Entry<FlowNode>[];
  /** Resources named only by a run-time expression (`UNKNOWN`). */
  runTimeResources: Entry<ResourceNode>[];
  /** Nodes only known because something references them. */
  missing: Entry[];
  /** Nodes whose name still holds template variables. */
  templated: Entry[];
}

/**
 * Walks the index, quicker than the graph's map. Steps held as columns share their flow's state
 * and have no template variables, so only their flow's state is read.
 */
export function groupNodes({ index }: AnalysisContext): NodeGroups {
  const groups: NodeGroups = { flows: [], runTimeResources: [], missing: [], templated: [] };
  for (let i = 0; i < index.kinds.length; i++) {
    const columns = index.columnsHolding(i);
    if (columns === undefined) addNode(groups, index.id(i), index.node(i));
    else if (columns.state === 'missing') groups.missing.push([index.id(i), index.node(i)]);
  }
  return groups;
}

function addNode(groups: NodeGroups, id: string, node: GraphNode): void {
  if (node.kind === 'flow') groups.flows.push([id, node]);
  else if (node.kind === 'resource' && node.type === 'UNKNOWN') groups.runTimeResources.push([id, node]);
  if (node.state === 'missing') groups.missing.push([id, node]);
  if (node.templateVariables !== undefined && node.templateVariables.length > 0) groups.templated.push([id, node]);
}

/**
 * The `uses` edges, in graph order: what the reference checks read. The index's edge kinds find
 * them without reading the hundreds of thousands of transitions.
 */
export function usesEdgesOf({ index }: AnalysisContext): GraphEdge[] {
  const { edgeKinds } = index;
  const uses: GraphEdge[] = [];
  for (let e = 0; e < edgeKinds.length; e++) if (edgeKinds[e] === EDGE_KIND.uses) uses.push(index.edge(e));
  return uses;
}

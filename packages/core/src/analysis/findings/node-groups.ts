import type { FlowGraph, FlowNode, GraphEdge, GraphNode, ResourceNode } from '../../model/graph.js';
import { EDGE_KIND, type GraphIndex } from '../graph-index.js';

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

/** `index` (this graph's) walks its arrays instead of the graph's map. */
export function groupNodes(graph: FlowGraph, index?: GraphIndex): NodeGroups {
  const groups: NodeGroups = { flows: [], runTimeResources: [], missing: [], templated: [] };
  if (index === undefined) {
    for (const [id, node] of graph.nodes) addNode(groups, id, node);
  } else {
    for (let i = 0; i < index.ids.length; i++) addNode(groups, index.ids[i] as string, index.nodes[i] as GraphNode);
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
 * The `uses` edges, in graph order: what the reference checks read. `edgeKinds` (from the graph
 * index) finds them without reading the hundreds of thousands of transitions.
 */
export function usesEdgesOf(graph: FlowGraph, edgeKinds?: Uint8Array): GraphEdge[] {
  if (edgeKinds === undefined) return graph.edges.filter((edge) => edge.kind === 'uses');
  const uses: GraphEdge[] = [];
  for (let e = 0; e < edgeKinds.length; e++) if (edgeKinds[e] === EDGE_KIND.uses) uses.push(graph.edges[e] as GraphEdge);
  return uses;
}

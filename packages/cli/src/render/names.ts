import { type FlowGraph, type GraphNode, nodeLookup, objectNodes } from '@flowgraph/core';

/** Node id -> what a person recognises: the flow or resource name, a step as `flow › step`. */
export type NameOf = (id: string) => string;

/**
 * Names as people read them. Two flows or resources of one name (an inbound and an in-queue flow
 * both called "Support", two files defining `{{flow_name}}`) are told apart by their type, when
 * that is shared too by their file, and when that is too by their id.
 */
export function nameLookup(graph: FlowGraph): NameOf {
  const byName = new Map<string, GraphNode[]>();
  const nodes = nodeLookup(graph);
  for (const node of objectNodes(graph)) {
    if (node.kind === 'step') continue;
    const key = node.name.toLowerCase();
    const list = byName.get(key);
    if (list === undefined) byName.set(key, [node]);
    else list.push(node);
  }
  const distinct = (node: GraphNode): string => {
    const name = node.name || node.id;
    const same = byName.get(node.name.toLowerCase()) ?? [];
    if (same.length < 2) return name;
    const sameType = same.filter((other) => other.type === node.type);
    if (sameType.length < 2) return `${name} (${node.type})`;
    const sameFile = sameType.filter((other) => other.file === node.file).length;
    return node.file !== undefined && sameFile < 2 ? `${name} (${node.type}, ${node.file})` : `${name} (${node.type}, ${node.id})`;
  };
  return (id) => {
    const node = nodes.get(id);
    if (!node) return id;
    if (node.kind === 'step') {
      const flow = nodes.get(node.flowId);
      return `${flow === undefined ? node.flowId : distinct(flow)} › ${node.name || node.stepId}`;
    }
    return distinct(node);
  };
}

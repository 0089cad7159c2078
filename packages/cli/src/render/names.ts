import type { FlowGraph } from '@flowgraph/core';

/** Node id -> what a person recognises: the flow or resource name, a step as `flow › step`. */
export type NameOf = (id: string) => string;

export function nameLookup(graph: FlowGraph): NameOf {
  return (id) => {
    const node = graph.nodes.get(id);
    if (!node) return id;
    if (node.kind === 'step') {
      const flow = graph.nodes.get(node.flowId);
      return `${flow?.name ?? node.flowId} › ${node.name || node.stepId}`;
    }
    return node.name || id;
  };
}

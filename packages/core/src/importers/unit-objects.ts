import { edgesOf } from '../model/flow-steps.js';
import type { GraphEdge, GraphNode } from '../model/graph.js';
import type { ImportUnit } from './importer.js';

/**
 * The unit with its column-held steps made objects: each flow followed by its steps in `nodes`,
 * their transitions and `contains` edges before the unit's other edges. What the unit was before
 * importers could write columns, for code that reads units node by node.
 */
export function withStepObjects(unit: ImportUnit): ImportUnit {
  const tables = unit.flowSteps;
  if (tables === undefined || tables.length === 0) return unit;
  const byFlow = new Map(tables.map((steps) => [steps.flowId, steps]));
  const nodes: GraphNode[] = [];
  const edges: GraphEdge[] = [];
  for (const node of unit.nodes) {
    nodes.push(node);
    const steps = node.kind === 'flow' ? byFlow.get(node.id) : undefined;
    if (steps === undefined) continue;
    const ids = steps.stepIds.map((_, position) => steps.nodeId(position));
    for (let position = 0; position < steps.size; position++) nodes.push(steps.stepNode(position, ids[position]));
    for (const edge of edgesOf(steps, (position) => ids[position] as string)) edges.push(edge);
  }
  for (const edge of unit.edges) edges.push(edge);
  const { flowSteps: _columns, ...rest } = unit;
  return { ...rest, nodes, edges };
}

import { DEFAULT_LAYOUT_OPTIONS, type Point } from '@flowgraph/core';
import type { ElementDefinition } from 'cytoscape';
import type { GraphData } from '../api/schemas.js';
import { categoryData } from './stylesheet.js';

/** Edge ids are positional: the graph arrays are fixed for the lifetime of one query result. */
export function edgeId(index: number): string {
  return `e${index}`;
}

/**
 * Model -> Cytoscape elements, in one place. Positions come from the layered layout (preset),
 * computed once; nothing re-lays the graph out on interaction.
 */
export function toElements(
  graph: GraphData,
  positions: Record<string, Point>,
  options: { edgeLabels?: boolean } = {},
): ElementDefinition[] {
  const known = new Set(graph.nodes.map((node) => node.id));
  const nodes: ElementDefinition[] = graph.nodes.map((node) => ({
    group: 'nodes',
    data: { id: node.id, label: node.name, kind: node.kind, type: node.type, state: node.state, ...categoryData(node.kind, node.type) },
    position: { ...(positions[node.id] ?? { x: 0, y: 0 }) },
  }));
  const edges: ElementDefinition[] = [];
  graph.edges.forEach((edge, index) => {
    // An edge to a node the server did not send would make Cytoscape throw; skip it.
    if (!known.has(edge.source) || !known.has(edge.target)) return;
    const caption = options.edgeLabels && edge.label ? { label: edge.label } : {};
    const arc = passesThroughRow(positions[edge.source], positions[edge.target]) ? { arc: true } : {};
    edges.push({
      group: 'edges',
      data: { id: edgeId(index), source: edge.source, target: edge.target, kind: edge.kind, via: edge.via ?? '', ...caption, ...arc },
    });
  });
  return [...nodes, ...edges];
}

/** Same row, more than one layer apart: a straight line would cross the nodes in between. */
function passesThroughRow(source: Point | undefined, target: Point | undefined): boolean {
  if (!source || !target) return false;
  const { layerSpacing, nodeSpacing } = DEFAULT_LAYOUT_OPTIONS;
  return Math.abs(source.y - target.y) < nodeSpacing / 2 && Math.abs(source.x - target.x) > layerSpacing * 1.5;
}

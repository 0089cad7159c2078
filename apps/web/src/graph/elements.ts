import { DEFAULT_LAYOUT_OPTIONS, type EdgeRoute, type Point } from '@flowgraph/core';
import type { ElementDefinition } from 'cytoscape';
import type { ExportGraph } from '@flowgraph/core';
import { categoryData } from './stylesheet.js';

/** Edge ids are positional: the graph arrays are fixed for the lifetime of one query result. */
export function edgeId(index: number): string {
  return `e${index}`;
}

/** Positions and, optionally, where long edges bend (a core Layout or the server's answer). */
export interface PlacedGraph {
  positions: Record<string, Point>;
  routes?: readonly EdgeRoute[] | undefined;
}

/**
 * Model -> Cytoscape elements, in one place. Positions come from the layered layout (preset),
 * computed once; nothing re-lays the graph out on interaction. A routed edge bends through the
 * free slots its route names (segments), so it passes nodes instead of crossing them.
 */
export function toElements(graph: ExportGraph, layout: PlacedGraph, options: { edgeLabels?: boolean } = {}): ElementDefinition[] {
  const { positions } = layout;
  const known = new Set(graph.nodes.map((node) => node.id));
  const routes = new Map((layout.routes ?? []).map((route) => [routeKey(route.source, route.target), route.points]));
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
    const source = positions[edge.source];
    const target = positions[edge.target];
    const points = routes.get(routeKey(edge.source, edge.target));
    const shape = points && source && target ? segmentsThrough(source, target, points) : arcIfThroughRow(source, target);
    edges.push({
      group: 'edges',
      data: { id: edgeId(index), source: edge.source, target: edge.target, kind: edge.kind, via: edge.via ?? '', ...caption, ...shape },
    });
  });
  return [...nodes, ...edges];
}

function routeKey(source: string, target: string): string {
  return `${source}\n${target}`;
}

/**
 * Cytoscape places a segment point at `source + w (target - source) + d n`, where n is the unit
 * normal (-dy, dx) / length of the source -> target line (with `edge-distances: node-position`).
 * This inverts that for each bend point.
 */
export function segmentsThrough(source: Point, target: Point, points: readonly Point[]): { weights: number[]; distances: number[] } {
  const dx = target.x - source.x;
  const dy = target.y - source.y;
  const length2 = dx * dx + dy * dy;
  const length = Math.sqrt(length2);
  if (length === 0) return { weights: [], distances: [] };
  const weights = points.map((p) => ((p.x - source.x) * dx + (p.y - source.y) * dy) / length2);
  const distances = points.map((p) => ((p.y - source.y) * dx - (p.x - source.x) * dy) / length);
  return { weights, distances };
}

/** Same row, more than one layer apart, not routed: a straight line would cross the nodes in between. */
function arcIfThroughRow(source: Point | undefined, target: Point | undefined): { arc?: true } {
  if (!source || !target) return {};
  const { layerSpacing, nodeSpacing } = DEFAULT_LAYOUT_OPTIONS;
  return Math.abs(source.y - target.y) < nodeSpacing / 2 && Math.abs(source.x - target.x) > layerSpacing * 1.5 ? { arc: true } : {};
}

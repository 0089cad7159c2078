import type { EdgeKind, FlowGraph, FlowNode, GraphEdge, GraphNode, ResourceNode, StepNode } from '../../src/model/graph.js';

/** Tiny builders so each test shows only the fields it is about. */
export function flow(id: string, extra: Partial<FlowNode> = {}): FlowNode {
  return { kind: 'flow', id, name: `Flow ${id}`, state: 'published', type: 'COMMONMODULE', versions: {}, file: 'test.json', ...extra };
}

export function resource(id: string, extra: Partial<ResourceNode> = {}): ResourceNode {
  return { kind: 'resource', id, name: `Resource ${id}`, state: 'published', type: 'DATATABLE', ...extra };
}

export function step(flowId: string, stepId: string, extra: Partial<StepNode> = {}): StepNode {
  return { kind: 'step', id: `${flowId}:${stepId}`, flowId, stepId, name: `Step ${stepId}`, state: 'unknown', type: 'task', ...extra };
}

export function edge(source: string, target: string, kind: EdgeKind = 'uses', extra: Partial<GraphEdge> = {}): GraphEdge {
  return { source, target, kind, ...extra };
}

export const uses = (source: string, target: string, via?: string): GraphEdge =>
  edge(source, target, 'uses', via === undefined ? {} : { via });
export const transition = (source: string, target: string): GraphEdge => edge(source, target, 'transition');
export const contains = (source: string, target: string): GraphEdge => edge(source, target, 'contains');

export function graphOf(nodes: readonly GraphNode[], edges: readonly GraphEdge[] = []): FlowGraph {
  return { nodes: new Map(nodes.map((node) => [node.id, node])), edges: [...edges] };
}

/** Flows `f0..f(n-1)` joined by `uses` edges given as index pairs: the shape random tests generate. */
export function flowGraph(n: number, pairs: readonly (readonly [number, number])[]): FlowGraph {
  const nodes = Array.from({ length: n }, (_, i) => flow(flowName(i)));
  return graphOf(
    nodes,
    pairs.map(([a, b]) => uses(flowName(a), flowName(b))),
  );
}

/** Zero-padded so string order equals numeric order in assertions. */
export function flowName(i: number): string {
  return `f${String(i).padStart(2, '0')}`;
}

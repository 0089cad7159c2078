import { compareStrings, sortedIds } from '../util/compare.js';
import type { FlowGraph, FlowNode, GraphEdge, GraphNode, ResourceNode, StepNode } from '../model/graph.js';
import type { NodeChange, PropertyChange } from './types.js';

/** Defined on a side: present and not a placeholder for something only referenced. */
export function isDefined(node: GraphNode | undefined): node is GraphNode {
  return node !== undefined && node.state !== 'missing';
}

type Property<T> = readonly [name: string, read: (node: T) => string | undefined];

/** What makes a flow "changed". The lock holder is left out: opening a flow in Architect changes nothing in it. */
const FLOW_PROPERTIES: readonly Property<FlowNode>[] = [
  ['name', (node) => node.name],
  ['type', (node) => node.type],
  ['state', (node) => node.state],
  ['publishedVersion', (node) => node.versions.published],
  ['savedVersion', (node) => node.versions.saved],
  ['checkedInVersion', (node) => node.versions.checkedIn],
  ['version', (node) => node.version],
  ['declaredStatus', (node) => node.declaredStatus],
  ['division', (node) => node.division],
  ['description', (node) => node.description],
];

const RESOURCE_PROPERTIES: readonly Property<ResourceNode>[] = [
  ['name', (node) => node.name],
  ['type', (node) => node.type],
  ['state', (node) => node.state],
  ['rawType', (node) => node.rawType],
  ['category', (node) => node.category],
  ['expression', (node) => node.expression],
];

export function propertyChanges(before: GraphNode, after: GraphNode): PropertyChange[] {
  if (before.kind === 'flow' && after.kind === 'flow') return compareProperties(FLOW_PROPERTIES, before, after);
  if (before.kind === 'resource' && after.kind === 'resource') return compareProperties(RESOURCE_PROPERTIES, before, after);
  return [{ kind: 'property', property: 'kind', before: before.kind, after: after.kind }];
}

function compareProperties<T>(properties: readonly Property<T>[], before: T, after: T): PropertyChange[] {
  const changes: PropertyChange[] = [];
  for (const [property, read] of properties) {
    const old = read(before);
    const now = read(after);
    if (old === now) continue;
    changes.push({
      kind: 'property',
      property,
      ...(old === undefined ? {} : { before: old }),
      ...(now === undefined ? {} : { after: now }),
    });
  }
  return changes;
}

/** Per org-level source, its targets: the `uses` set a change compares. */
export function targetsBySource(edges: readonly GraphEdge[]): Map<string, Set<string>> {
  const bySource = new Map<string, Set<string>>();
  for (const edge of edges) {
    let targets = bySource.get(edge.source);
    if (targets === undefined) {
      targets = new Set();
      bySource.set(edge.source, targets);
    }
    targets.add(edge.target);
  }
  return bySource;
}

export function usesChange(before: ReadonlySet<string> | undefined, after: ReadonlySet<string> | undefined): NodeChange | undefined {
  const added = sortedIds([...(after ?? [])].filter((id) => !before?.has(id)));
  const removed = sortedIds([...(before ?? [])].filter((id) => !after?.has(id)));
  return added.length === 0 && removed.length === 0 ? undefined : { kind: 'uses', added, removed };
}

/**
 * Per flow id: each step's signature (name, type and its outgoing edges, sorted), by step id.
 * One pass over nodes and one over edges.
 */
export function stepSignatures(graph: FlowGraph): Map<string, Map<string, string>> {
  const outgoing = new Map<string, string[]>();
  for (const edge of graph.edges) {
    const source = graph.nodes.get(edge.source);
    if (source?.kind !== 'step') continue;
    let list = outgoing.get(edge.source);
    if (list === undefined) {
      list = [];
      outgoing.set(edge.source, list);
    }
    list.push(`${edge.kind}>${edge.target}|${edge.label ?? ''}|${edge.via ?? ''}`);
  }
  const byFlow = new Map<string, Map<string, string>>();
  for (const node of graph.nodes.values()) {
    if (node.kind !== 'step') continue;
    let steps = byFlow.get(node.flowId);
    if (steps === undefined) {
      steps = new Map();
      byFlow.set(node.flowId, steps);
    }
    steps.set(node.stepId, signatureOf(node, (outgoing.get(node.id) ?? []).sort(compareStrings)));
  }
  return byFlow;
}

function signatureOf(step: StepNode, edges: readonly string[]): string {
  return [step.name, step.type, ...edges].join('\u0000');
}

export function stepsChange(
  before: ReadonlyMap<string, string> | undefined,
  after: ReadonlyMap<string, string> | undefined,
): NodeChange | undefined {
  const added: string[] = [];
  const removed: string[] = [];
  const changed: string[] = [];
  for (const [stepId, signature] of after ?? []) {
    const old = before?.get(stepId);
    if (old === undefined) added.push(stepId);
    else if (old !== signature) changed.push(stepId);
  }
  for (const stepId of before?.keys() ?? []) if (!after?.has(stepId)) removed.push(stepId);
  if (added.length + removed.length + changed.length === 0) return undefined;
  return { kind: 'steps', added: sortedIds(added), removed: sortedIds(removed), changed: sortedIds(changed) };
}

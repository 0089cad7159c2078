import type { AnalysisResult } from '../contract/analysis.js';
import type { FlowType } from '../model/flow-types.js';
import type { EdgeKind, FlowGraph, GraphNode, NodeKind, PublishState } from '../model/graph.js';
import { compareStrings } from '../util/compare.js';
import { flowLookKey, type NodeLook, THEME } from './theme.js';

export interface PreparedNode {
  /** The model id. */
  id: string;
  /** A short id safe in any syntax (`n12`), stable for a given graph. */
  key: string;
  /** Label lines; each exporter joins and escapes them its own way. */
  lines: string[];
  look: NodeLook;
  dashed: boolean;
  node: GraphNode;
}

export interface PreparedCluster {
  flowId: string;
  key: string;
  label: string;
  members: PreparedNode[];
}

export interface PreparedEdge {
  source: PreparedNode;
  target: PreparedNode;
  kind: EdgeKind;
  label?: string;
  ambiguous: boolean;
  /** On the concrete path of a reported cycle. */
  inCycle: boolean;
}

export interface PreparedGraph {
  /** Flows, resources and steps whose flow is not in the graph. */
  topLevel: PreparedNode[];
  /** The steps of each flow, grouped to be drawn together. */
  clusters: PreparedCluster[];
  edges: PreparedEdge[];
}

/** What drawing a node reads: a graph node, an export node or a scope node all fit. */
export interface DrawableNode {
  id: string;
  kind: NodeKind;
  type: string;
  name: string;
  state: PublishState;
  /** A resource's dependency-tracking type name when `type` is OTHER. */
  rawType?: string;
}

/** A node's fill, border and shape, with the border of a state that needs attention. */
export function nodeLook(node: DrawableNode): { look: NodeLook; dashed: boolean } {
  const stateLook = node.state in THEME.state ? THEME.state[node.state as keyof typeof THEME.state] : undefined;
  const base = lookOf(node);
  return { look: stateLook ? { ...base, border: stateLook.border } : base, dashed: stateLook?.dashed ?? false };
}

/** The shared first half of every drawn export: stable order, labels, looks, cycle marks. */
export function prepareGraph(graph: FlowGraph, result?: AnalysisResult): PreparedGraph {
  const ids = [...graph.nodes.keys()].sort(compareStrings);
  const prepared = new Map<string, PreparedNode>();
  ids.forEach((id, index) => {
    const node = graph.nodes.get(id)!;
    prepared.set(id, { id, key: `n${index}`, lines: nodeLabelLines(node), ...nodeLook(node), node });
  });

  const topLevel: PreparedNode[] = [];
  const clusters = new Map<string, PreparedCluster>();
  for (const node of prepared.values()) {
    const flow = node.node.kind === 'step' ? graph.nodes.get(node.node.flowId) : undefined;
    if (node.node.kind !== 'step' || flow === undefined) {
      topLevel.push(node);
      continue;
    }
    let cluster = clusters.get(flow.id);
    if (cluster === undefined) {
      cluster = { flowId: flow.id, key: `c${clusters.size}`, label: flow.name, members: [] };
      clusters.set(flow.id, cluster);
    }
    cluster.members.push(node);
  }

  const cycleHops = new Set<string>();
  for (const cycle of result?.cycles ?? []) {
    for (let index = 0; index + 1 < cycle.path.length; index++) cycleHops.add(hop(cycle.path[index]!, cycle.path[index + 1]!));
  }
  const edges: PreparedEdge[] = [];
  for (const edge of graph.edges) {
    const source = prepared.get(edge.source);
    const target = prepared.get(edge.target);
    if (source === undefined || target === undefined) continue;
    const label = edge.kind === 'uses' ? edge.via : edge.label;
    edges.push({
      source,
      target,
      kind: edge.kind,
      ...(label !== undefined && label !== '' ? { label } : {}),
      ambiguous: edge.ambiguous === true,
      inCycle:
        cycleHops.has(hop(edge.source, edge.target)) ||
        (edge.kind === 'uses' && cycleHops.has(hop(flowOf(source.node), flowOf(target.node)))),
    });
  }
  edges.sort(
    (a, b) =>
      compareStrings(a.source.id, b.source.id) ||
      compareStrings(a.target.id, b.target.id) ||
      compareStrings(a.kind, b.kind) ||
      compareStrings(a.label ?? '', b.label ?? ''),
  );
  return { topLevel, clusters: [...clusters.values()].sort((a, b) => compareStrings(a.flowId, b.flowId)), edges };
}

/** Org cycles run between flows; a step's `uses` edge is the hop its flow makes. */
function flowOf(node: GraphNode): string {
  return node.kind === 'step' ? node.flowId : node.id;
}

function hop(source: string, target: string): string {
  return `${source}\u0000${target}`;
}

function lookOf(node: DrawableNode): NodeLook {
  if (node.kind === 'flow') return THEME.flowByType[flowLookKey(node.type as FlowType)];
  if (node.kind === 'step') return THEME.step;
  return node.type === 'UNKNOWN' ? THEME.dynamicResource : THEME.resource;
}

/** Label lines: the name (the id when it has none), then the type and a state that needs attention. */
export function nodeLabelLines(node: DrawableNode): string[] {
  const name = node.name === '' ? node.id : node.name;
  if (node.kind === 'step') return [name, node.type];
  const type = node.rawType ?? node.type;
  const state = node.state === 'published' || node.state === 'unknown' ? '' : ` · ${node.state}`;
  return [name, `${type}${state}`];
}

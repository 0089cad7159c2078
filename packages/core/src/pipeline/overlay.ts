import type { ExportGraph } from '../contract/graph.js';
import { alignIds } from '../diff/align.js';
import { flowNameKey } from '../importers/flow-names.js';
import type { ImportUnit } from '../importers/importer.js';
import { link } from '../linking/link.js';
import { FLOW_TYPES, type FlowType } from '../model/flow-types.js';
import type { FlowGraph, GraphEdge, GraphNode } from '../model/graph.js';
import type { ImportIssue } from '../model/issues.js';
import type { Reference } from '../model/reference.js';
import { RESOURCE_TYPES, type ResourceType } from '../model/resource-types.js';

export interface Overlay {
  /** The base with the files' flows in it, under the base's ids where a flow replaced one. */
  graph: FlowGraph;
  /** Base flows the files replaced (base ids). */
  replaced: string[];
  /** Linking issues (the files' own import issues stay with their units). */
  issues: ImportIssue[];
}

/**
 * "What if I deploy these files": the base org with the imported files over it. A flow the files
 * define replaces the base's flow of the same type and name (Genesys keeps that pair unique): the
 * base's node and what it used go, its callers now reach the file's version. Everything else of
 * the base stays, and the files' references resolve against the base (a YAML flow calling a module
 * of the org by name). Replaced flows keep the base's id, so a selection survives the overlay.
 */
export function overlayFiles(base: FlowGraph, units: readonly ImportUnit[]): Overlay {
  const defined = new Set<string>();
  for (const unit of units) {
    for (const node of unit.nodes) if (node.kind === 'flow' && !node.templateVariables?.length) defined.add(flowKey(node.type, node.name));
  }
  const replaced = new Set<string>();
  for (const node of base.nodes.values()) if (node.kind === 'flow' && defined.has(flowKey(node.type, node.name))) replaced.add(node.id);
  const gone = (id: string) => {
    if (replaced.has(id)) return true;
    const node = base.nodes.get(id);
    return node?.kind === 'step' && replaced.has(node.flowId);
  };

  const nodes: GraphNode[] = [];
  for (const node of base.nodes.values()) if (!gone(node.id)) nodes.push({ ...node } as GraphNode);
  const edges: GraphEdge[] = [];
  const references: Reference[] = [];
  for (const edge of base.edges) {
    if (gone(edge.source)) continue;
    const target = base.nodes.get(edge.target);
    if (!gone(edge.target)) edges.push(edge);
    else if (edge.kind === 'uses' && target?.kind === 'flow') {
      // A caller of a replaced flow: by name again, so it reaches the files' version.
      references.push({ from: edge.source, via: edge.via ?? 'uses', target: { kind: 'flow', name: target.name, types: [target.type] } });
    }
  }
  const baseUnit: ImportUnit = { file: 'org', format: 'graph', nodes, edges, references, issues: [] };
  const linked = link([baseUnit, ...units]);
  const aligned = alignIds(base, linked.graph);
  return {
    graph: aligned.graph,
    replaced: [...replaced].sort(),
    issues: [...linked.units.flatMap((unit) => unit.issues), ...linked.issues],
  };
}

function flowKey(type: string, name: string): string {
  return `${type}\u0000${flowNameKey(name)}`;
}

const FLOW_TYPE_SET: ReadonlySet<string> = new Set(FLOW_TYPES);
const RESOURCE_TYPE_SET: ReadonlySet<string> = new Set(RESOURCE_TYPES);

/**
 * The model graph of an exported one (`/api/graph`, `export --format json`), for analyses that
 * start from what a server sent: versions and other details the export leaves out stay unset.
 */
export function graphFromExport(exported: ExportGraph): FlowGraph {
  const nodes = new Map<string, GraphNode>();
  for (const node of exported.nodes) {
    const common = { id: node.id, name: node.name, state: node.state, ...(node.file !== undefined ? { file: node.file } : {}) };
    if (node.kind === 'flow') {
      const type: FlowType = FLOW_TYPE_SET.has(node.type) ? (node.type as FlowType) : 'UNKNOWN';
      nodes.set(node.id, { ...common, kind: 'flow', type, versions: {}, ...(node.files ? { files: node.files } : {}) });
    } else if (node.kind === 'resource') {
      const type: ResourceType = RESOURCE_TYPE_SET.has(node.type) ? (node.type as ResourceType) : 'OTHER';
      nodes.set(node.id, { ...common, kind: 'resource', type });
    } else if (node.flowId !== undefined) {
      const stepId = node.id.startsWith(`${node.flowId}:`) ? node.id.slice(node.flowId.length + 1) : node.id;
      nodes.set(node.id, { ...common, kind: 'step', type: node.type, flowId: node.flowId, stepId });
    }
  }
  const edges: GraphEdge[] = exported.edges.map((edge) => ({
    source: edge.source,
    target: edge.target,
    kind: edge.kind,
    ...(edge.via !== undefined ? { via: edge.via } : {}),
    ...(edge.label !== undefined ? { label: edge.label } : {}),
    ...(edge.ambiguous ? { ambiguous: true } : {}),
  }));
  return { nodes, edges };
}

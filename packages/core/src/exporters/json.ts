import type { AnalysisResult } from '../analysis/result.js';
import type { FlowGraph, GraphEdge, GraphNode, NodeKind, PublishState } from '../model/graph.js';
import { compareStrings } from '../analysis/compare.js';

/** A node as the JSON export, the HTTP API and the SPA see it. */
export interface ExportNode {
  id: string;
  kind: NodeKind;
  type: string;
  name: string;
  state: PublishState;
  flowId?: string;
  file?: string;
  /** Every file defining the flow, when several do (a YAML file and its export). */
  files?: string[];
}

/** An edge serialises as it is: the model's edge has no field the outside should not see. */
export type ExportEdge = GraphEdge;

export interface ExportGraph {
  nodes: ExportNode[];
  edges: ExportEdge[];
}

export function toExportNode(node: GraphNode): ExportNode {
  const out: ExportNode = { id: node.id, kind: node.kind, type: node.type, name: node.name, state: node.state };
  if (node.kind === 'step') out.flowId = node.flowId;
  if (node.file !== undefined) out.file = node.file;
  if (node.kind === 'flow' && node.files !== undefined) out.files = node.files;
  return out;
}

function toExportEdge(edge: GraphEdge): ExportEdge {
  const out: ExportEdge = { source: edge.source, target: edge.target, kind: edge.kind };
  if (edge.via !== undefined) out.via = edge.via;
  if (edge.label !== undefined) out.label = edge.label;
  if (edge.ambiguous) out.ambiguous = true;
  return out;
}

/** The graph as plain data in a stable order (nodes by id; edges by source, target, kind, via, label). */
export function toExportGraph(graph: FlowGraph): ExportGraph {
  const nodes = [...graph.nodes.values()].map(toExportNode).sort((a, b) => compareStrings(a.id, b.id));
  const edges = graph.edges
    .map(toExportEdge)
    .sort(
      (a, b) =>
        compareStrings(a.source, b.source) ||
        compareStrings(a.target, b.target) ||
        compareStrings(a.kind, b.kind) ||
        compareStrings(a.via ?? '', b.via ?? '') ||
        compareStrings(a.label ?? '', b.label ?? ''),
    );
  return { nodes, edges };
}

/** `{ nodes, edges }`, plus `analysis` (the result model as is) when there is one. */
export function exportJson(graph: FlowGraph, result?: AnalysisResult): string {
  const document = result === undefined ? toExportGraph(graph) : { ...toExportGraph(graph), analysis: result };
  return `${JSON.stringify(document, null, 2)}\n`;
}

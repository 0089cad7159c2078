import type { AnalysisResult } from '../contract/analysis.js';
import type { ExportEdge, ExportGraph, ExportNode, JsonExport } from '../contract/graph.js';
import type { FlowGraph, GraphEdge, GraphNode } from '../model/graph.js';
import { compareStrings } from '../util/compare.js';

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
  const document: JsonExport = result === undefined ? toExportGraph(graph) : { ...toExportGraph(graph), analysis: result };
  return `${JSON.stringify(document, null, 2)}\n`;
}

import type { AnalysisResult } from '../analysis/result.js';
import type { FlowGraph } from '../model/graph.js';
import { exportDot } from './dot.js';
import { exportJson } from './json.js';
import { exportMermaid } from './mermaid.js';

/** An exporter is a pure function of the graph and the analysis: no I/O, no clock, `\n` line ends. */
export type Exporter = (graph: FlowGraph, result?: AnalysisResult) => string;

/** The one list of export formats: CLI help, the server's `format` parameter and the SPA menu read it. */
export const exporters = {
  dot: exportDot,
  mermaid: exportMermaid,
  json: exportJson,
} as const satisfies Record<string, Exporter>;

export type ExportFormat = keyof typeof exporters;

export const EXPORT_FORMATS = Object.keys(exporters) as ExportFormat[];

export function isExportFormat(value: string): value is ExportFormat {
  return Object.hasOwn(exporters, value);
}

export function exportGraph(format: ExportFormat, graph: FlowGraph, result?: AnalysisResult): string {
  return exporters[format](graph, result);
}

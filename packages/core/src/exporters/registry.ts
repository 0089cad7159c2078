import type { AnalysisResult } from '../contract/analysis.js';
import type { FlowGraph } from '../model/graph.js';
import type { ScopeDiagram } from '../scoping/scope.js';
import { exportDot } from './dot.js';
import { exportJson } from './json.js';
import { exportMermaid } from './mermaid.js';
import { exportScopeDot } from './scope-dot.js';
import { exportScopeJson } from './scope-json.js';
import { exportScopeMermaid } from './scope-mermaid.js';

/** An exporter is a pure function of the graph and the analysis: no I/O, no clock, `\n` line ends. */
export type Exporter = (graph: FlowGraph, result?: AnalysisResult) => string;

/** A scope exporter draws exactly one scope (focus, cycle, path), as purely. */
export type ScopeExporter = (scope: ScopeDiagram) => string;

/** The one list of export formats: CLI help, the server's `format` parameter and the SPA menu read it. */
export const exporters = {
  dot: exportDot,
  mermaid: exportMermaid,
  json: exportJson,
} as const satisfies Record<string, Exporter>;

export type ExportFormat = keyof typeof exporters;

/** The same formats for a scope. */
export const scopeExporters: Readonly<Record<ExportFormat, ScopeExporter>> = {
  dot: exportScopeDot,
  mermaid: exportScopeMermaid,
  json: exportScopeJson,
};

/** Each format's file extension and content type: file names (`scopeFileName`) and HTTP downloads. */
export const EXPORT_FILE_TYPES: Readonly<Record<ExportFormat, { extension: string; contentType: string }>> = {
  dot: { extension: 'dot', contentType: 'text/vnd.graphviz' },
  mermaid: { extension: 'mmd', contentType: 'text/plain' },
  json: { extension: 'json', contentType: 'application/json' },
};

export const EXPORT_FORMATS = Object.keys(exporters) as ExportFormat[];

/** File stem of a whole-graph export, org level or with steps (`flowgraph.dot`). */
export const WHOLE_GRAPH_FILE_STEM = 'flowgraph';

import type { AnalysisResult } from '../contract/analysis.js';
import type { FlowGraph } from '../model/graph.js';
import type { ScopeDiagram } from '../scoping/scope.js';
import { exportDot } from './dot.js';
import { exportJson } from './json.js';
import type { ExportFormat } from './formats.js';
import { exportMermaid } from './mermaid.js';
import { exportScopeDot } from './scope-dot.js';
import { exportScopeJson } from './scope-json.js';
import { exportScopeMermaid } from './scope-mermaid.js';

/** An exporter is a pure function of the graph and the analysis: no I/O, no clock, `\n` line ends. */
export type Exporter = (graph: FlowGraph, result?: AnalysisResult) => string;

/** A scope exporter draws exactly one scope (focus, cycle, path), as purely. */
export type ScopeExporter = (scope: ScopeDiagram) => string;

/** One exporter per format of formats.ts: a format without one does not compile. */
export const exporters: Readonly<Record<ExportFormat, Exporter>> = {
  dot: exportDot,
  mermaid: exportMermaid,
  json: exportJson,
};

/** The same formats for a scope. */
export const scopeExporters: Readonly<Record<ExportFormat, ScopeExporter>> = {
  dot: exportScopeDot,
  mermaid: exportScopeMermaid,
  json: exportScopeJson,
};

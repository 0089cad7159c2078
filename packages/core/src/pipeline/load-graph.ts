import type { ImportContext, ImportUnit, InputFile } from '../importers/importer.js';
import { importFiles } from '../importers/registry.js';
import { link } from '../linking/link.js';
import type { FlowGraph } from '../model/graph.js';
import type { ImportIssue } from '../model/issues.js';
import { buildImportSummary, type ImportSummary } from './summary.js';

export interface LoadedGraph {
  graph: FlowGraph;
  /** Every file's import issues, then the linking issues. */
  issues: ImportIssue[];
  units: ImportUnit[];
  summary: ImportSummary;
}

/** Files to one linked graph: each file through its importer, then every reference resolved. */
export function loadGraph(files: readonly InputFile[], context: Partial<ImportContext> = {}): LoadedGraph {
  const linked = link(importFiles(files, context));
  const issues = [...linked.units.flatMap((unit) => unit.issues), ...linked.issues];
  return { graph: linked.graph, issues, units: linked.units, summary: buildImportSummary(linked.units, linked.graph, issues) };
}

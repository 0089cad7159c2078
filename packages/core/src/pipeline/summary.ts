import { compareStrings } from '../util/compare.js';
import type { ImportSummary } from '../contract/import-summary.js';
import type { ImportUnit } from '../importers/importer.js';
import { columnsOf } from '../model/columnar-graph.js';
import type { FlowGraph } from '../model/graph.js';
import type { ImportIssue } from '../model/issues.js';

export function buildImportSummary(units: readonly ImportUnit[], graph: FlowGraph, issues: readonly ImportIssue[]): ImportSummary {
  const byFormat: Record<string, number> = {};
  let failed = 0;
  const referencesByVia: Record<string, number> = {};
  for (const unit of units) {
    byFormat[unit.format] = (byFormat[unit.format] ?? 0) + 1;
    if (unit.nodes.length === 0 && unit.issues.some((issue) => issue.severity === 'error')) failed++;
    for (const reference of unit.references) referencesByVia[reference.via] = (referencesByVia[reference.via] ?? 0) + 1;
  }

  const flowsByType: Record<string, number> = {};
  let steps = 0;
  let templated = 0;
  let unresolved = 0;
  // Steps held as columns are counted from their columns, not made objects (see GraphColumns).
  const columns = columnsOf(graph);
  for (const node of (columns?.objects ?? graph.nodes).values()) {
    if (node.templateVariables?.length) templated++;
    if (node.state === 'missing') unresolved++;
    if (node.kind === 'step') steps++;
    else if (node.kind === 'flow' && node.file !== undefined) flowsByType[node.type] = (flowsByType[node.type] ?? 0) + 1;
  }
  for (const flowSteps of columns?.steps.values() ?? []) {
    steps += flowSteps.size;
    if (flowSteps.state === 'missing') unresolved += flowSteps.size;
  }

  // The candidates of one ambiguous reference share its source, action and name (as the finding groups them).
  // Column-held edges are transitions and `contains`: only the edges held as objects can be uses.
  const nodes = columns ?? graph.nodes;
  const ambiguous = new Set<string>();
  for (const edge of columns?.objectEdges ?? graph.edges) {
    if (edge.kind !== 'uses' || edge.ambiguous !== true) continue;
    const name = (nodes.get(edge.target)?.name ?? edge.target).toLowerCase();
    ambiguous.add(`${edge.source}\u0000${edge.via ?? ''}\u0000${name}`);
  }
  const errors = issues.filter((issue) => issue.severity === 'error').length;

  return {
    files: { total: units.length, byFormat: sortedRecord(byFormat), failed },
    flowsByType: sortedRecord(flowsByType),
    steps,
    referencesByVia: sortedRecord(referencesByVia),
    unresolved,
    ambiguous: ambiguous.size,
    templated,
    issues: issues.length,
    errors,
    warnings: issues.length - errors,
  };
}

function sortedRecord(record: Record<string, number>): Record<string, number> {
  return Object.fromEntries(Object.entries(record).sort(([a], [b]) => compareStrings(a, b)));
}

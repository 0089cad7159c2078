import type { FlowGraph } from '../model/graph.js';
import type { ImportIssue } from '../model/issues.js';
import { type CyclePathNodes, findCycles } from './cycles.js';
import { planDeployment } from './deployment.js';
import { findFindings } from './findings/index.js';
import { buildGraphIndex, type GraphIndex, NODE_KIND } from './graph-index.js';
import { orgView } from './org-projection.js';
import type { AnalysisResult, AnalyzeOptions, Summary } from './result.js';

/**
 * The analysis stage: indexes (full graph, org projection) -> cycles -> deployment -> findings ->
 * one result every consumer reads.
 */
export function analyze(graph: FlowGraph, options: AnalyzeOptions = {}, errors: ImportIssue[] = []): AnalysisResult {
  const index = buildGraphIndex(graph);
  const org = orgView(graph, index);
  const pathNodes: CyclePathNodes = new Map();
  const cycles = findCycles(graph, index, org, pathNodes);
  const deployment = planDeployment(graph, { strict: options.strict === true, cycles, org });
  const findings = findFindings(graph, cycles, options, { index, pathNodes });
  return { summary: summarize(graph, index), cycles, deployment, findings, errors };
}

/** What `flowgraph check` fails on: an error-level finding, or a cycle that blocks deployment. */
export function hasBlockingProblems(result: AnalysisResult): boolean {
  return result.deployment.blocked || result.findings.some((finding) => finding.severity === 'error');
}

function summarize(graph: FlowGraph, index: GraphIndex): Summary {
  const summary: Summary = { flows: 0, steps: 0, resources: 0, nodes: graph.nodes.size, edges: graph.edges.length };
  for (const kind of index.kinds) {
    if (kind === NODE_KIND.flow) summary.flows++;
    else if (kind === NODE_KIND.step) summary.steps++;
    else summary.resources++;
  }
  return summary;
}

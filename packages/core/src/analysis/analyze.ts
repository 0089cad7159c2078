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
export function analyze(graph: FlowGraph, options: AnalyzeOptions = {}, issues: readonly ImportIssue[] = []): AnalysisResult {
  const index = buildGraphIndex(graph);
  const org = orgView(graph, index);
  const pathNodes: CyclePathNodes = new Map();
  const cycles = findCycles(graph, index, org, pathNodes);
  const deployment = planDeployment(graph, { strict: options.strict === true, cycles, org });
  const findings = findFindings(graph, cycles, options, { index, pathNodes });
  const errors = issues.filter((issue) => issue.severity === 'error');
  const warnings = issues.filter((issue) => issue.severity !== 'error');
  return { summary: summarize(graph, index), cycles, deployment, findings, errors, warnings };
}

/** An error-level finding, or a cycle that blocks deployment. */
export function hasBlockingProblems(result: AnalysisResult): boolean {
  return result.deployment.blocked || result.findings.some((finding) => finding.severity === 'error');
}

export interface CheckOptions {
  /** Flows the inputs defined (the import summary's count; external, only-referenced flows not counted). */
  importedFlows: number;
  /** Pass when nothing was imported (an empty folder in a pipeline that may have none yet). */
  allowEmpty?: boolean;
  /** Whether findings and cycles count (`false` when a baseline decides about them). Default true. */
  findings?: boolean;
}

/**
 * Why `flowgraph check` fails, empty when it passes: an input that could not be imported, no flow
 * imported at all, an error-level finding, or a cycle that blocks deployment. A CI gate must not
 * pass input it could not read.
 */
export function checkFailures(result: AnalysisResult, options: CheckOptions): string[] {
  const reasons: string[] = [];
  if (result.errors.length > 0) {
    const files = new Set(result.errors.map((issue) => issue.file)).size;
    reasons.push(`${plural(result.errors.length, 'import error')} in ${plural(files, 'input')}`);
  }
  if (options.importedFlows === 0 && options.allowEmpty !== true) reasons.push('no flow was imported (--allow-empty to accept that)');
  if (options.findings === false) return reasons;
  const errorFindings = result.findings.filter((finding) => finding.severity === 'error').length;
  if (errorFindings > 0) reasons.push(plural(errorFindings, 'error finding'));
  if (result.deployment.blocked) reasons.push('a cycle blocks the deployment order');
  return reasons;
}

function plural(count: number, noun: string): string {
  return `${count} ${noun}${count === 1 ? '' : 's'}`;
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

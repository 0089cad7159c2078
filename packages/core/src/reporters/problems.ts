import { findingKey } from '../analysis/findings/identity.js';
import type { AnalysisResult, Finding, Severity } from '../analysis/result.js';
import type { BaselineComparison, BaselineEntry } from '../baseline/baseline.js';
import type { GraphDiff } from '../diff/types.js';
import { nodeLookup } from '../model/columnar-graph.js';
import type { FlowGraph, GraphNode, NodeKind } from '../model/graph.js';
import type { ImportIssue } from '../model/issues.js';

/** How a report names a node: enough to write a message and a location without the graph. */
export interface ReportNode {
  name: string;
  kind: NodeKind;
  type: string;
  file?: string;
  /** 1-based, when the importer knows where in the file the object is defined. */
  line?: number;
}

/**
 * Where a problem stands against what it is compared with (SARIF's `baselineState`):
 * `new` not in the baseline / introduced by the change, `unchanged` already there,
 * `absent` in the baseline or the old side but gone now. Undefined: nothing compared.
 */
export type ProblemState = 'new' | 'unchanged' | 'absent';

export interface Problem {
  /** A finding code, or `import-error` / `import-warning` for a file or flow that could not be read. */
  code: string;
  severity: Severity;
  message: string;
  /** The node the problem is about (absent for an import problem). */
  subject?: string;
  related?: string[];
  /** The file, from the subject node or the import issue. */
  file?: string;
  line?: number;
  /** Stable across runs: code, subject and identifying members (see `findingKey`). */
  key: string;
  state?: ProblemState;
}

/**
 * The one model the CI reporters (SARIF, JUnit, GitHub annotations, Markdown) read: the problems
 * of a check or a diff, each with where it is. Reporters are pure functions of it.
 */
export interface ProblemReport {
  /** `check` or `diff`: names the run in SARIF and JUnit. */
  command: 'check' | 'diff';
  problems: Problem[];
  nodes: Record<string, ReportNode>;
  /** What the gate decided: the CLI's exit code 1. */
  failed: boolean;
}

export function reportNodeOf(node: GraphNode): ReportNode {
  return {
    name: node.name || node.id,
    kind: node.kind,
    type: node.type,
    ...(node.file ? { file: node.file } : {}),
    ...(node.line !== undefined ? { line: node.line } : {}),
  };
}

function fromFinding(finding: Finding, nodes: Record<string, ReportNode>, state?: ProblemState): Problem {
  const subject = nodes[finding.subject];
  return {
    code: finding.code,
    severity: finding.severity,
    message: finding.message,
    subject: finding.subject,
    ...(finding.related ? { related: finding.related } : {}),
    ...(subject?.file ? { file: subject.file } : {}),
    ...(subject?.line ? { line: subject.line } : {}),
    key: findingKey(finding),
    ...(state ? { state } : {}),
  };
}

function fromImportIssue(issue: ImportIssue): Problem {
  return {
    code: issue.severity === 'error' ? 'import-error' : 'import-warning',
    severity: issue.severity,
    message: [issue.flow ? `flow "${issue.flow}"` : undefined, issue.field, issue.message].filter(Boolean).join(': '),
    file: issue.file,
    key: ['import', issue.file, issue.flow ?? '', issue.field ?? '', issue.message].join('\u0000'),
  };
}

function fromBaselineEntry(entry: BaselineEntry, nodes: Record<string, ReportNode>): Problem {
  const subject = nodes[entry.subject];
  return {
    code: entry.code,
    severity: 'info',
    message: `${entry.code} about ${entry.name ?? subject?.name ?? entry.subject}: no longer found.`,
    subject: entry.subject,
    ...(entry.related ? { related: entry.related } : {}),
    ...(subject?.file ? { file: subject.file } : {}),
    key: findingKey(entry),
    state: 'absent',
  };
}

export interface CheckReportInput {
  result: AnalysisResult;
  graph: FlowGraph;
  /** With a baseline: which findings are new, which existing, which fixed. */
  baseline?: BaselineComparison;
  failed: boolean;
}

/** A check's problems: import errors and warnings, then error and warning findings (info ones are not problems). */
export function checkProblems(input: CheckReportInput): ProblemReport {
  const { result, graph, baseline } = input;
  const nodes: Record<string, ReportNode> = {};
  const lookup = nodeLookup(graph);
  const describe = (id: string) => {
    const node = lookup.get(id);
    if (node !== undefined && nodes[id] === undefined) nodes[id] = reportNodeOf(node);
  };
  const problems: Problem[] = [...result.errors, ...result.warnings].map(fromImportIssue);
  const existing = new Set(baseline?.existing.map(findingKey));
  for (const finding of result.findings) {
    if (finding.severity === 'info') continue;
    describe(finding.subject);
    for (const id of finding.related ?? []) describe(id);
    const state = baseline === undefined ? undefined : existing.has(findingKey(finding)) ? 'unchanged' : 'new';
    problems.push(fromFinding(finding, nodes, state));
  }
  for (const entry of baseline?.fixed ?? []) {
    describe(entry.subject);
    problems.push(fromBaselineEntry(entry, nodes));
  }
  return { command: 'check', problems, nodes, failed: input.failed };
}

/** A diff's problems: findings it introduces (new) and resolves (absent). */
export function diffProblems(diff: GraphDiff, failed: boolean): ProblemReport {
  const nodes: Record<string, ReportNode> = {};
  for (const [id, info] of Object.entries(diff.nodes)) {
    nodes[id] = { name: info.name, kind: info.kind, type: info.type, ...(info.file ? { file: info.file } : {}) };
  }
  const problems = [
    ...diff.findings.introduced.filter((finding) => finding.severity !== 'info').map((finding) => fromFinding(finding, nodes, 'new')),
    ...diff.findings.resolved.filter((finding) => finding.severity !== 'info').map((finding) => fromFinding(finding, nodes, 'absent')),
  ];
  return { command: 'diff', problems, nodes, failed };
}

/** A problem a reader must act on: not fixed, not accepted in a baseline. */
export function isOpen(problem: Problem): boolean {
  return problem.state !== 'absent' && problem.state !== 'unchanged';
}

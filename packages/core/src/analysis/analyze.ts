import type { ImportIssue } from '../model/issues.js';
import type { AnalysisContext } from './context.js';
import { planDeployment } from './deployment.js';
import { findFindings } from './findings/index.js';
import { NODE_KIND } from './graph-index.js';
import type { AnalysisResult, AnalyzeOptions, ImportError, ImportWarning, Summary } from './result.js';

/**
 * The analysis stage: cycles -> deployment -> findings -> one result every consumer reads. The
 * context builds the indexes and finds the cycles once, so analysing one graph under several
 * policies (the server does) repeats only what the options change.
 */
export function analyze(context: AnalysisContext, options: AnalyzeOptions = {}, issues: readonly ImportIssue[] = []): AnalysisResult {
  const deployment = planDeployment(context, { strict: options.strict === true });
  const findings = findFindings(context, options);
  const errors = issues.filter((issue): issue is ImportError => issue.severity === 'error');
  const warnings = issues.filter((issue): issue is ImportWarning => issue.severity === 'warning');
  return { summary: summarize(context), cycles: [...context.cycles], deployment, findings, errors, warnings };
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

function summarize({ index }: AnalysisContext): Summary {
  const { kinds } = index;
  // Counted in locals with an indexed loop: this runs once, mostly before V8 optimises it, and a
  // for-of over 500k kinds with object fields took 25-30 ms of that.
  let flows = 0;
  let steps = 0;
  for (let i = 0; i < kinds.length; i++) {
    const kind = kinds[i];
    if (kind === NODE_KIND.flow) flows++;
    else if (kind === NODE_KIND.step) steps++;
  }
  return { flows, steps, resources: kinds.length - flows - steps, nodes: kinds.length, edges: index.edgeKinds.length };
}

import type { FlowGraph } from '../../model/graph.js';
import { compareStrings } from '../compare.js';
import type { AnalyzeOptions, Cycle, Finding, Severity } from '../result.js';
import { cycleFindings } from './cycles.js';
import { policyFindings } from './policy.js';
import { publishedUsesFindings, unresolvedReferenceFindings } from './publish-state.js';
import { ambiguousReferenceFindings, dynamicReferenceFindings, templatedReferenceFindings } from './references.js';
import { usersByTarget } from './users.js';
import { versionFindings } from './versions.js';

export { describeNode } from './describe.js';

const SEVERITY_ORDER: Readonly<Record<Severity, number>> = { error: 0, warning: 1, info: 2 };

/**
 * Every check over the graph, in a stable order: severity, then code, then subject.
 * Each check is a pure function of the graph; none stops the others.
 */
export function findFindings(graph: FlowGraph, cycles: readonly Cycle[], options: AnalyzeOptions = {}): Finding[] {
  const users = usersByTarget(graph);
  return [
    ...publishedUsesFindings(graph),
    ...unresolvedReferenceFindings(graph, users),
    ...ambiguousReferenceFindings(graph),
    ...dynamicReferenceFindings(graph, users),
    ...templatedReferenceFindings(graph),
    ...versionFindings(graph),
    ...cycleFindings(graph, cycles, options.strict === true),
    ...policyFindings(graph, options),
  ].sort(compareFindings);
}

export function compareFindings(a: Finding, b: Finding): number {
  return (
    SEVERITY_ORDER[a.severity] - SEVERITY_ORDER[b.severity] ||
    compareStrings(a.code, b.code) ||
    compareStrings(a.subject, b.subject) ||
    compareStrings(a.message, b.message)
  );
}

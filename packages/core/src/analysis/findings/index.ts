import { compareStrings } from '../../util/compare.js';
import type { AnalysisContext } from '../context.js';
import type { AnalyzeOptions, Finding, Severity } from '../result.js';
import { cycleFindings } from './cycles.js';
import { duplicateFlowFindings } from './duplicates.js';
import { groupNodes, usesEdgesOf } from './node-groups.js';
import { policyFindings } from './policy.js';
import { publishedUsesFindings, unresolvedReferenceFindings } from './publish-state.js';
import { ambiguousReferenceFindings, dynamicReferenceFindings, templatedReferenceFindings } from './references.js';
import { usersByTarget } from './users.js';
import { versionFindings } from './versions.js';

export { describeNode } from './describe.js';

const SEVERITY_ORDER: Readonly<Record<Severity, number>> = { error: 0, warning: 1, info: 2 };

/**
 * Every check over the graph, in a stable order: severity, then code, then subject.
 * Each check is a pure function of the graph; none stops the others. The context holds what
 * earlier stages already worked out (index, cycles), so nothing is looked for twice.
 */
export function findFindings(context: AnalysisContext, options: AnalyzeOptions = {}): Finding[] {
  const { graph } = context;
  const usesEdges = usesEdgesOf(context);
  const users = usersByTarget(graph, usesEdges);
  const groups = groupNodes(context);
  return [
    ...publishedUsesFindings(graph, usesEdges),
    ...unresolvedReferenceFindings(graph, users, groups.missing),
    ...ambiguousReferenceFindings(graph, usesEdges),
    ...dynamicReferenceFindings(graph, users, groups.runTimeResources),
    ...templatedReferenceFindings(graph, groups.templated),
    ...duplicateFlowFindings(graph, groups.flows),
    ...versionFindings(graph, groups.flows),
    ...cycleFindings(context, options.strict === true),
    ...policyFindings(graph, options, groups.flows),
  ].sort(compareFindings);
}

function compareFindings(a: Finding, b: Finding): number {
  return (
    SEVERITY_ORDER[a.severity] - SEVERITY_ORDER[b.severity] ||
    compareStrings(a.code, b.code) ||
    compareStrings(a.subject, b.subject) ||
    compareStrings(a.message, b.message)
  );
}

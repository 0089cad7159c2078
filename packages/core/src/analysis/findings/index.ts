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
  const { nodes } = context;
  const usesEdges = usesEdgesOf(context);
  const users = usersByTarget(nodes, usesEdges);
  const groups = groupNodes(context);
  return [
    ...publishedUsesFindings(nodes, usesEdges),
    ...unresolvedReferenceFindings(nodes, users, groups.missing),
    ...ambiguousReferenceFindings(nodes, usesEdges),
    ...dynamicReferenceFindings(nodes, users, groups.runTimeResources),
    ...templatedReferenceFindings(nodes, groups.templated),
    ...duplicateFlowFindings(nodes, groups.flows),
    ...versionFindings(nodes, groups.flows),
    ...cycleFindings(context, options.strict === true),
    ...policyFindings(nodes, options, groups.flows),
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

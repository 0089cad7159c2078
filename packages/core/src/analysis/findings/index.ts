import type { FlowGraph } from '../../model/graph.js';
import { compareStrings } from '../compare.js';
import type { GraphIndex } from '../graph-index.js';
import type { AnalyzeOptions, Cycle, Finding, Severity } from '../result.js';
import { cycleFindings } from './cycles.js';
import { duplicateFlowFindings } from './duplicates.js';
import { groupNodes, usesEdgesOf } from './node-groups.js';
import { policyFindings } from './policy.js';
import { publishedUsesFindings, unresolvedReferenceFindings } from './publish-state.js';
import { ambiguousReferenceFindings, dynamicReferenceFindings, templatedReferenceFindings } from './references.js';
import { usersByTarget } from './users.js';
import { versionFindings } from './versions.js';

export { describeNode } from './describe.js';

export interface KnownFromAnalysis {
  /** This graph's index: the checks find their nodes and `uses` edges without reading every step and transition. */
  index?: GraphIndex;
  /** From `findCycles` on that index: names each flow loop without looking its path up. */
  pathNodes?: ReadonlyMap<Cycle, readonly number[]>;
}

const SEVERITY_ORDER: Readonly<Record<Severity, number>> = { error: 0, warning: 1, info: 2 };

/**
 * Every check over the graph, in a stable order: severity, then code, then subject.
 * Each check is a pure function of the graph; none stops the others. `known` is what earlier
 * stages already worked out, so nothing is looked for twice.
 */
export function findFindings(
  graph: FlowGraph,
  cycles: readonly Cycle[],
  options: AnalyzeOptions = {},
  known: KnownFromAnalysis = {},
): Finding[] {
  const { index, pathNodes } = known;
  const usesEdges = usesEdgesOf(graph, index?.edgeKinds);
  const users = usersByTarget(graph, usesEdges);
  const groups = groupNodes(graph, index);
  return [
    ...publishedUsesFindings(graph, usesEdges),
    ...unresolvedReferenceFindings(graph, users, groups.missing),
    ...ambiguousReferenceFindings(graph, usesEdges),
    ...dynamicReferenceFindings(graph, users, groups.runTimeResources),
    ...templatedReferenceFindings(graph, groups.templated),
    ...duplicateFlowFindings(graph, groups.flows),
    ...versionFindings(graph, groups.flows),
    ...cycleFindings(graph, cycles, options.strict === true, index === undefined ? undefined : { index, pathNodes }),
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

import type { NodeLookup, GraphEdge, PublishState } from '../../model/graph.js';
import type { Finding, FindingCode } from '../result.js';
import { capitalize, describeNode, listOf } from './describe.js';
import type { Entry } from './node-groups.js';
import { orgLevelId } from './users.js';

const BROKEN_STATES: Partial<Record<PublishState, { code: FindingCode; problem: string }>> = {
  unpublished: { code: 'published-uses-unpublished', problem: 'which is not published' },
  deleted: { code: 'published-uses-deleted', problem: 'which was deleted' },
  missing: { code: 'published-uses-missing', problem: 'which was not found in anything imported' },
};

/**
 * `published-uses-unpublished|deleted|missing` (error): a published flow whose own `uses` edges,
 * or its steps', point at a flow or resource that will not be there at run time.
 * One finding per (flow, target).
 */
export function publishedUsesFindings(nodes: NodeLookup, usesEdges: readonly GraphEdge[]): Finding[] {
  const findings: Finding[] = [];
  const seen = new Set<string>();
  for (const edge of usesEdges) {
    const flowId = orgLevelId(nodes, edge.source);
    const flow = flowId === undefined ? undefined : nodes.get(flowId);
    const target = nodes.get(edge.target);
    if (flow?.kind !== 'flow' || flow.state !== 'published' || target === undefined || target.kind === 'step') continue;
    const broken = BROKEN_STATES[target.state];
    const key = `${flow.id}\u0000${target.id}`;
    if (broken === undefined || seen.has(key)) continue;
    seen.add(key);
    findings.push({
      code: broken.code,
      severity: 'error',
      subject: flow.id,
      message: `Published ${describeNode(nodes, flow.id)} uses ${describeNode(nodes, target.id)}, ${broken.problem}.`,
      related: [target.id],
    });
  }
  return findings;
}

/** `unresolved-reference` (warning): a node only known because something references it. */
export function unresolvedReferenceFindings(nodes: NodeLookup, users: ReadonlyMap<string, string[]>, missing: readonly Entry[]): Finding[] {
  const findings: Finding[] = [];
  for (const [id] of missing) {
    const usedBy = users.get(id) ?? [];
    const by = usedBy.length === 0 ? '' : ` used by ${listOf(usedBy.map((user) => describeNode(nodes, user)))}`;
    findings.push({
      code: 'unresolved-reference',
      severity: 'warning',
      subject: id,
      message: `${capitalize(describeNode(nodes, id))}${by} was not found in anything imported.`,
      related: usedBy,
    });
  }
  return findings;
}

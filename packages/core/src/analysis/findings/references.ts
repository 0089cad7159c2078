import type { NodeLookup, GraphEdge, ResourceNode } from '../../model/graph.js';
import { sortedIds } from '../../util/compare.js';
import type { Finding } from '../result.js';
import { capitalize, describeNode, listOf } from './describe.js';
import type { Entry } from './node-groups.js';

/**
 * `ambiguous-reference` (error): a reference by name that matched several objects. Linking gives
 * every candidate an edge flagged `ambiguous`; the candidates of one reference share the source,
 * the action and the name, so that is the group key.
 */
export function ambiguousReferenceFindings(nodes: NodeLookup, usesEdges: readonly GraphEdge[]): Finding[] {
  const groups = new Map<string, GraphEdge[]>();
  for (const edge of usesEdges) {
    if (edge.ambiguous !== true) continue;
    const name = (nodes.get(edge.target)?.name ?? edge.target).toLowerCase();
    const key = `${edge.source}\u0000${edge.via ?? ''}\u0000${name}`;
    const group = groups.get(key);
    if (group === undefined) groups.set(key, [edge]);
    else group.push(edge);
  }
  return [...groups.values()].map((edges) => {
    const first = edges[0] as GraphEdge;
    const candidates = sortedIds(new Set(edges.map((edge) => edge.target)));
    const via = first.via === undefined ? '' : ` (${first.via})`;
    return {
      code: 'ambiguous-reference',
      severity: 'error',
      subject: first.source,
      message:
        `${capitalize(describeNode(nodes, first.source))}${via} names ${describeNode(nodes, first.target)}, ` +
        `which matches ${candidates.length} objects: ${listOf(candidates, 5)}. Refer to it by id.`,
      related: candidates,
    };
  });
}

/** `dynamic-reference` (info): a target named only by a run-time expression, so nothing can check it. */
export function dynamicReferenceFindings(
  nodes: NodeLookup,
  users: ReadonlyMap<string, string[]>,
  runTimeResources: readonly Entry<ResourceNode>[],
): Finding[] {
  const findings: Finding[] = [];
  for (const [id, node] of runTimeResources) {
    const expression = node.expression ?? node.name;
    const usedBy = users.get(id) ?? [];
    const by = usedBy.length === 0 ? '' : ` by ${listOf(usedBy.map((user) => describeNode(nodes, user)))}`;
    findings.push({
      code: 'dynamic-reference',
      severity: 'info',
      subject: id,
      message: `A target is chosen at run time${by} (expression \`${expression}\`); it cannot be checked before the flow runs.`,
      related: usedBy,
    });
  }
  return findings;
}

/** `templated-reference` (warning): a name still holding `{{var}}` / `${var}` after substitution. */
export function templatedReferenceFindings(nodes: NodeLookup, templated: readonly Entry[]): Finding[] {
  const findings: Finding[] = [];
  for (const [id, node] of templated) {
    const variables = node.templateVariables ?? [];
    findings.push({
      code: 'templated-reference',
      severity: 'warning',
      subject: id,
      message:
        `${capitalize(describeNode(nodes, id))} still contains template variables ${variables.join(', ')}; ` +
        `give them values (substitutions) to resolve it.`,
    });
  }
  return findings;
}

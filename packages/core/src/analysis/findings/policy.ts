import type { NodeLookup, FlowNode } from '../../model/graph.js';
import { compareVersions } from '../../util/compare.js';
import type { AnalyzeOptions, Finding } from '../result.js';
import { capitalize, describeNode } from './describe.js';
import type { Entry } from './node-groups.js';

/**
 * `version-policy` and `status-policy` (error), for flows imported from the inputs only: an
 * external node (no file, or only known as a missing reference) is not the user's to fix.
 * The version is the declared `version`, else the published one; "2" and "2.0" are the same.
 * The status is the declared status, else the publish state, compared case-insensitively.
 */
export function policyFindings(nodes: NodeLookup, options: AnalyzeOptions, flows: readonly Entry<FlowNode>[]): Finding[] {
  const { targetVersion, allowedStatus } = options;
  if (targetVersion === undefined && allowedStatus === undefined) return [];
  const allowed = new Set((allowedStatus ?? []).map((status) => status.trim().toLowerCase()));
  const findings: Finding[] = [];
  for (const [id, node] of flows) {
    if (!isImported(node)) continue;
    const who = capitalize(describeNode(nodes, id));
    if (targetVersion !== undefined) {
      const version = node.version ?? node.versions.published;
      if (version === undefined || compareVersions(version, targetVersion) !== 0) {
        const actual = version === undefined ? 'has no version' : `is at version ${version}`;
        findings.push({
          code: 'version-policy',
          severity: 'error',
          subject: id,
          message: `${who} ${actual}, not the target version ${targetVersion}.`,
        });
      }
    }
    if (allowedStatus !== undefined) {
      const status = node.declaredStatus ?? node.state;
      if (!allowed.has(status.trim().toLowerCase())) {
        findings.push({
          code: 'status-policy',
          severity: 'error',
          subject: id,
          message: `${who} has status "${status}"; allowed: ${allowedStatus.join(', ')}.`,
        });
      }
    }
  }
  return findings;
}

function isImported(flow: FlowNode): boolean {
  return flow.file !== undefined && flow.state !== 'missing';
}

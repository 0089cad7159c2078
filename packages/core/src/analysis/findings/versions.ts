import type { NodeLookup, FlowNode } from '../../model/graph.js';
import { compareVersions } from '../../util/compare.js';
import type { Finding } from '../result.js';
import { capitalize, describeNode } from './describe.js';
import type { Entry } from './node-groups.js';

/**
 * Per flow: `unpublished-changes` (warning) when a saved or checked-in version is newer than the
 * published one, `never-published` (info) when there are versions but none published, and
 * `locked` (info) when someone holds the lock.
 */
export function versionFindings(nodes: NodeLookup, flows: readonly Entry<FlowNode>[]): Finding[] {
  const findings: Finding[] = [];
  for (const [id, node] of flows) {
    const who = capitalize(describeNode(nodes, id));
    const { published, saved, checkedIn } = node.versions;
    const latest = newest(saved, checkedIn);
    if (latest !== undefined && published === undefined) {
      findings.push({
        code: 'never-published',
        severity: 'info',
        subject: id,
        message: `${who} has never been published (latest version ${latest.version}, ${latest.label}).`,
      });
    } else if (latest !== undefined && published !== undefined && compareVersions(latest.version, published) > 0) {
      findings.push({
        code: 'unpublished-changes',
        severity: 'warning',
        subject: id,
        message: `${who} has unpublished changes: ${latest.label} version ${latest.version} is newer than published version ${published}.`,
      });
    }
    if (node.lockedBy !== undefined && node.lockedBy !== '') {
      findings.push({ code: 'locked', severity: 'info', subject: id, message: `${who} is locked by ${node.lockedBy}.` });
    }
  }
  return findings;
}

function newest(saved: string | undefined, checkedIn: string | undefined): { version: string; label: string } | undefined {
  if (saved === undefined && checkedIn === undefined) return undefined;
  if (checkedIn === undefined || (saved !== undefined && compareVersions(saved, checkedIn) > 0)) {
    return { version: saved as string, label: 'saved' };
  }
  return { version: checkedIn, label: 'checked-in' };
}

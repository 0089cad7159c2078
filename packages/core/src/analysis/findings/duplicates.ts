import type { NodeLookup, FlowNode } from '../../model/graph.js';
import type { Finding } from '../result.js';
import { describeNode, listOf } from './describe.js';
import type { Entry } from './node-groups.js';

/**
 * `duplicate-flow` (warning): files that define one flow type and name differently (two YAML
 * files, exports with two Architect ids). Deploying both, the last one wins; the graph keeps one
 * node, so references by that name still resolve, and shows the steps of the file it names first.
 */
export function duplicateFlowFindings(nodes: NodeLookup, flows: readonly Entry<FlowNode>[]): Finding[] {
  const findings: Finding[] = [];
  for (const [id, node] of flows) {
    if (node.conflictingDefinitions !== true || node.files === undefined) continue;
    findings.push({
      code: 'duplicate-flow',
      severity: 'warning',
      subject: id,
      message:
        `${node.files.length} files define ${describeNode(nodes, id)} (${node.type}) differently: ${listOf(node.files, 10)}. ` +
        `Only one can be deployed; the steps shown are those of ${node.files[0]}.`,
    });
  }
  return findings;
}

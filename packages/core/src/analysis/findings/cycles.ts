import type { FlowGraph } from '../../model/graph.js';
import type { Cycle, Finding } from '../result.js';
import { capitalize, describeNode, nameOf } from './describe.js';

/**
 * `org-cycle` (error): flows and resources that depend on each other, so no order deploys them.
 * `flow-loop` (info, error under `strict`): steps of one flow that lead back to each other; normal
 * for menus and retries, but the tutorial's rule forbids any cycle.
 */
export function cycleFindings(graph: FlowGraph, cycles: readonly Cycle[], strict: boolean): Finding[] {
  return cycles.map((cycle) => {
    const path = cycle.path.map((id) => nameOf(graph, id)).join(' → ');
    const cut = `${nameOf(graph, cycle.cut.source)} → ${nameOf(graph, cycle.cut.target)}`;
    if (cycle.scope === 'org') {
      return {
        code: 'org-cycle',
        severity: 'error',
        subject: cycle.members[0] as string,
        message: `Circular reference among ${cycle.members.length} objects: ${path}. Removing ${cut} breaks this loop.`,
        related: cycle.members,
      };
    }
    const flowId = cycle.flowId ?? (cycle.members[0] as string);
    return {
      code: 'flow-loop',
      severity: strict ? 'error' : 'info',
      subject: flowId,
      message: `${capitalize(describeNode(graph, flowId))} loops through ${cycle.members.length} steps: ${path}.`,
      related: cycle.members,
    };
  });
}

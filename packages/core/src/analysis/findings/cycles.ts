import type { AnalysisContext } from '../context.js';
import type { Cycle, Finding } from '../result.js';
import { capitalize, describeNode, nameOf } from './describe.js';

/**
 * `org-cycle` (error): flows and resources that depend on each other, so no order deploys them.
 * `flow-loop` (info, error under `strict`): steps of one flow that lead back to each other; normal
 * for menus and retries, but the tutorial's rule forbids any cycle.
 * A menu-heavy org has tens of thousands of loops, so each message is joined from its parts in
 * one go (a flat string, quicker to build, keep and serialise than a chain of concatenations),
 * and the context's cycle paths save looking each path's ids up again.
 */
export function cycleFindings(context: AnalysisContext, strict: boolean): Finding[] {
  const { nodes, cycles } = context;
  const findings: Finding[] = new Array(cycles.length);
  const parts: string[] = [];
  // Flow loops come sorted by first member, so one flow's loops are next to each other.
  let describedFlowId: string | undefined;
  let describedFlow = '';
  for (let i = 0; i < cycles.length; i++) {
    const cycle = cycles[i] as Cycle;
    parts.length = 0;
    if (cycle.scope === 'org') {
      parts.push(`Circular reference among ${cycle.members.length} objects: `);
      pushPath(parts, context, cycle, i);
      parts.push(`. Removing ${nameOf(nodes, cycle.cut.source)} → ${nameOf(nodes, cycle.cut.target)} breaks this loop.`);
      findings[i] = {
        code: 'org-cycle',
        severity: 'error',
        subject: cycle.members[0] as string,
        message: parts.join(''),
        related: cycle.members,
      };
      continue;
    }
    const flowId = cycle.flowId ?? (cycle.members[0] as string);
    if (flowId !== describedFlowId) {
      describedFlowId = flowId;
      describedFlow = capitalize(describeNode(nodes, flowId));
    }
    parts.push(describedFlow, ` loops through ${cycle.members.length} steps: `);
    pushPath(parts, context, cycle, i);
    parts.push('.');
    findings[i] = {
      code: 'flow-loop',
      severity: strict ? 'error' : 'info',
      subject: flowId,
      message: parts.join(''),
      related: cycle.members,
    };
  }
  return findings;
}

/**
 * `"a" → "b" → "a"` for `cycle`, the context's `cycles[cycleAt]`. Names come from the index at
 * the positions the search left for the path (flow loops), else from looking the id up.
 */
function pushPath(parts: string[], context: AnalysisContext, cycle: Cycle, cycleAt: number): void {
  const { path } = cycle;
  const { nodes, index } = context;
  const { positions, offsets } = context.cyclePaths;
  const first = offsets[cycleAt] as number;
  const known = (offsets[cycleAt + 1] as number) > first;
  for (let i = 0; i < path.length; i++) {
    const id = path[i] as string;
    const at = known ? (positions[first + i] as number) : -1;
    const name = at >= 0 ? index.name(at) : nodes.get(id)?.name;
    parts.push(i === 0 ? '"' : ' → "', name || id, '"');
  }
}

import type { GraphNode } from '../model/graph.js';
import { compareStrings } from '../util/compare.js';
import type { AnalysisContext } from './context.js';
import type { Deployment } from './result.js';
import { hasSelfLoop, stronglyConnectedComponents } from './strongly-connected.js';

export interface DeploymentOptions {
  /** Any cycle blocks deployment, step-level loops included (the tutorial's rule). */
  strict?: boolean;
}

/**
 * Deployment waves over the org projection (flows and resources), dependencies first: a node
 * that uses nothing is in wave 0, any other in 1 + the highest wave it uses. Each strongly
 * connected component is one unit (a group when it has several members) placed whole in one wave.
 * The condensation is walked in the order Tarjan completes components, which is already a
 * topological order (everything a component reaches completes before it), so this is Kahn's
 * layering without a second queue: O(V + E). A target named only by a run-time expression is in
 * no wave (nobody deploys `Task.Queue`) and does not delay what uses it; it is listed in `dynamic`.
 */
export function planDeployment(context: AnalysisContext, options: DeploymentOptions = {}): Deployment {
  const { index } = context.org;
  const { componentOf, count, offsets, members } = stronglyConnectedComponents(index);
  const dynamic = new Uint8Array(index.ids.length);
  for (let node = 0; node < index.ids.length; node++) if (isRunTime(index.nodes[node])) dynamic[node] = 1;
  const wave = new Int32Array(count);
  let orgCycle = false;
  const groups: string[][] = [];

  for (let c = 0; c < count; c++) {
    const start = offsets[c] as number;
    const end = offsets[c + 1] as number;
    let level = 0;
    for (let m = start; m < end; m++) {
      const node = members[m] as number;
      for (let slot = index.outOffsets[node] as number; slot < (index.outOffsets[node + 1] as number); slot++) {
        const target = index.outTargets[slot] as number;
        if (dynamic[target] === 1) continue;
        const dependency = componentOf[target] as number;
        if (dependency !== c) level = Math.max(level, (wave[dependency] as number) + 1);
      }
    }
    wave[c] = level;
    if (end - start > 1) {
      orgCycle = true;
      groups.push(idsOf(index.ids, members.subarray(start, end)));
    } else if (hasSelfLoop(index, members[start] as number)) {
      orgCycle = true;
    }
  }

  const waves = bucketByWave(index.ids, componentOf, wave, dynamic);
  const flowLoop = options.strict === true && context.cycles.some((cycle) => cycle.scope === 'flow');
  return {
    waves,
    order: waves.flat(),
    groups: groups.sort((a, b) => compareStrings(a[0] ?? '', b[0] ?? '')),
    blocked: orgCycle || flowLoop,
    dynamic: index.ids.filter((_, node) => dynamic[node] === 1).sort(compareStrings),
  };
}

function isRunTime(node: GraphNode | undefined): boolean {
  return node?.kind === 'resource' && node.expression !== undefined;
}

function bucketByWave(ids: readonly string[], componentOf: Int32Array, wave: Int32Array, dynamic: Uint8Array): string[][] {
  const waves: string[][] = [];
  for (let node = 0; node < ids.length; node++) {
    if (dynamic[node] === 1) continue;
    const level = wave[componentOf[node] as number] as number;
    while (waves.length <= level) waves.push([]);
    (waves[level] as string[]).push(ids[node] as string);
  }
  for (const ids of waves) ids.sort(compareStrings);
  return waves;
}

function idsOf(ids: readonly string[], nodes: Int32Array): string[] {
  return Array.from(nodes, (node) => ids[node] as string).sort(compareStrings);
}

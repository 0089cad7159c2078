import { analyze } from '../analysis/analyze.js';
import { compareStrings, sortedIds } from '../util/compare.js';
import { findingKey } from '../analysis/findings/identity.js';
import { AnalysisContext } from '../analysis/context.js';
import type { AnalysisResult, AnalyzeOptions, Cycle, Finding } from '../analysis/result.js';
import type { FlowGraph, GraphEdge, GraphNode } from '../model/graph.js';
import { alignIds } from './align.js';
import { changeImpact } from './change-impact.js';
import { isDefined, propertyChanges, stepSignatures, stepsChange, targetsBySource, usesChange } from './node-changes.js';
import { publishPlan } from './publish-order.js';
import type { ChangedNode, DiffEdge, DiffNodeInfo, GraphDiff, NodeChange, NodeSetDiff } from './types.js';

export interface DiffOptions {
  /** Analysis options for both sides (strict, policies): they decide which findings exist. */
  analyze?: AnalyzeOptions;
  /** Match flows and resources whose ids differ by kind, type and name (default true). */
  matchByName?: boolean;
}

/** A side already analysed, so a caller that has the result does not pay for it twice. */
export interface DiffSide {
  graph: FlowGraph;
  result?: AnalysisResult;
}

interface Prepared {
  graph: FlowGraph;
  org: FlowGraph;
  result: AnalysisResult;
}

/**
 * Old state -> new state: flows and resources added, removed and changed (with what changed),
 * org edges, cycles and findings introduced and resolved, the upstream impact of the change and
 * the publish waves it needs. A pipeline of small stages over both sides' org projections.
 */
export function diffGraphs(oldSide: DiffSide | FlowGraph, newSide: DiffSide | FlowGraph, options: DiffOptions = {}): GraphDiff {
  const oldInput = asSide(oldSide);
  const newInput = asSide(newSide);
  const aligned = options.matchByName === false ? { graph: newInput.graph, matchedByName: [] } : alignIds(oldInput.graph, newInput.graph);
  // A result computed before renaming names the new side's own ids: analyse the renamed graph again.
  const newResult = aligned.matchedByName.length > 0 ? undefined : newInput.result;
  const before = prepare(oldInput.graph, oldInput.result, options.analyze);
  const after = prepare(aligned.graph, newResult, options.analyze);

  const flows = nodeSetDiff('flow', before, after);
  const resources = nodeSetDiff('resource', before, after);
  const edges = edgeDiff(before.org.edges, after.org.edges);
  const cycles = cycleDiff(before.result.cycles, after.result.cycles);
  const findings = findingDiff(before.result.findings, after.result.findings);
  const removed = new Set([...flows.removed, ...resources.removed]);
  const changed = [
    ...flows.added,
    ...flows.changed.map((c) => c.id),
    ...resources.added,
    ...resources.changed.map((c) => c.id),
    ...removed,
  ];
  const impact = changeImpact(after.org, before.org, changed, removed);
  const plan = publishPlan(
    after.org,
    before.graph,
    changed.filter((id) => !removed.has(id)),
  );

  const diff: Omit<GraphDiff, 'nodes' | 'summary'> = {
    flows,
    resources,
    edges,
    cycles,
    findings,
    impact,
    publishOrder: plan.waves,
    publishGroups: plan.groups,
    matchedByName: aligned.matchedByName,
  };
  return {
    ...diff,
    nodes: describeMentioned(diff, before.graph, after.graph),
    summary: {
      flowsAdded: flows.added.length,
      flowsRemoved: flows.removed.length,
      flowsChanged: flows.changed.length,
      resourcesAdded: resources.added.length,
      resourcesRemoved: resources.removed.length,
      resourcesChanged: resources.changed.length,
      edgesAdded: edges.added.length,
      edgesRemoved: edges.removed.length,
      cyclesIntroduced: cycles.introduced.length,
      cyclesResolved: cycles.resolved.length,
      findingsIntroduced: findings.introduced.length,
      findingsResolved: findings.resolved.length,
      introducesErrors: findings.introduced.some((finding) => finding.severity === 'error'),
    },
  };
}

function asSide(side: DiffSide | FlowGraph): DiffSide {
  return 'nodes' in side ? { graph: side } : side;
}

function prepare(graph: FlowGraph, result: AnalysisResult | undefined, options: AnalyzeOptions | undefined): Prepared {
  const context = new AnalysisContext(graph);
  return { graph, org: context.org.graph, result: result ?? analyze(context, options) };
}

function nodeSetDiff(kind: 'flow' | 'resource', before: Prepared, after: Prepared): NodeSetDiff {
  const added: string[] = [];
  const removed: string[] = [];
  const changed: ChangedNode[] = [];
  const usesBefore = targetsBySource(before.org.edges);
  const usesAfter = targetsBySource(after.org.edges);
  const stepsBefore = kind === 'flow' ? stepSignatures(before.graph) : undefined;
  const stepsAfter = kind === 'flow' ? stepSignatures(after.graph) : undefined;
  for (const [id, node] of after.graph.nodes) {
    if (node.kind !== kind || !isDefined(node)) continue;
    const old = before.graph.nodes.get(id);
    if (!isDefined(old)) {
      added.push(id);
      continue;
    }
    const changes: NodeChange[] = propertyChanges(old, node);
    const uses = usesChange(usesBefore.get(id), usesAfter.get(id));
    if (uses !== undefined) changes.push(uses);
    const steps = stepsChange(stepsBefore?.get(id), stepsAfter?.get(id));
    if (steps !== undefined) changes.push(steps);
    if (changes.length > 0) changed.push({ id, name: node.name, changes });
  }
  for (const [id, node] of before.graph.nodes) {
    if (node.kind === kind && isDefined(node) && !isDefined(after.graph.nodes.get(id))) removed.push(id);
  }
  return { added: sortedIds(added), removed: sortedIds(removed), changed: changed.sort((a, b) => compareStrings(a.id, b.id)) };
}

function edgeKey(edge: GraphEdge | DiffEdge): string {
  return `${edge.source}\u0000${edge.target}`;
}

function edgeDiff(before: readonly GraphEdge[], after: readonly GraphEdge[]): GraphDiff['edges'] {
  const oldKeys = new Set(before.map(edgeKey));
  const newKeys = new Set(after.map(edgeKey));
  const toDiffEdge = (edge: GraphEdge): DiffEdge => ({ source: edge.source, target: edge.target, ...(edge.via ? { via: edge.via } : {}) });
  const order = (a: DiffEdge, b: DiffEdge) => compareStrings(a.source, b.source) || compareStrings(a.target, b.target);
  return {
    added: after
      .filter((edge) => !oldKeys.has(edgeKey(edge)))
      .map(toDiffEdge)
      .sort(order),
    removed: before
      .filter((edge) => !newKeys.has(edgeKey(edge)))
      .map(toDiffEdge)
      .sort(order),
  };
}

/** A cycle is its scope and member set: the same members in another order of search are the same cycle. */
export function cycleKey(cycle: Pick<Cycle, 'scope' | 'members'>): string {
  return [cycle.scope, ...sortedIds(cycle.members)].join('\u0000');
}

function cycleDiff(before: readonly Cycle[], after: readonly Cycle[]): GraphDiff['cycles'] {
  const oldKeys = new Set(before.map(cycleKey));
  const newKeys = new Set(after.map(cycleKey));
  return {
    introduced: after.filter((cycle) => !oldKeys.has(cycleKey(cycle))),
    resolved: before.filter((cycle) => !newKeys.has(cycleKey(cycle))),
  };
}

function findingDiff(before: readonly Finding[], after: readonly Finding[]): GraphDiff['findings'] {
  const oldKeys = new Set(before.map(findingKey));
  const newKeys = new Set(after.map(findingKey));
  return {
    introduced: after.filter((finding) => !oldKeys.has(findingKey(finding))),
    resolved: before.filter((finding) => !newKeys.has(findingKey(finding))),
  };
}

/** Names, kinds and files of every id the diff mentions, so reporters need neither graph. */
function describeMentioned(diff: Omit<GraphDiff, 'nodes' | 'summary'>, before: FlowGraph, after: FlowGraph): Record<string, DiffNodeInfo> {
  const ids = new Set<string>();
  const add = (list: Iterable<string>) => {
    for (const id of list) ids.add(id);
  };
  for (const set of [diff.flows, diff.resources]) {
    add(set.added);
    add(set.removed);
    for (const changed of set.changed) {
      ids.add(changed.id);
      for (const change of changed.changes) if (change.kind === 'uses') add([...change.added, ...change.removed]);
    }
  }
  for (const edge of [...diff.edges.added, ...diff.edges.removed]) add([edge.source, edge.target]);
  for (const cycle of [...diff.cycles.introduced, ...diff.cycles.resolved]) add(cycle.path);
  for (const finding of [...diff.findings.introduced, ...diff.findings.resolved]) add([finding.subject, ...(finding.related ?? [])]);
  add(diff.impact.nodes);
  for (const entry of diff.impact.entryFlows) add(entry.path);
  for (const wave of diff.publishOrder) add(wave);

  const nodes: Record<string, DiffNodeInfo> = {};
  for (const id of sortedIds(ids)) {
    const now = after.nodes.get(id);
    const old = before.nodes.get(id);
    const node = now ?? old;
    if (node === undefined) continue;
    nodes[id] = infoOf(node, now !== undefined && old !== undefined ? 'both' : now !== undefined ? 'new' : 'old', old);
  }
  return nodes;
}

function infoOf(node: GraphNode, side: DiffNodeInfo['side'], old: GraphNode | undefined): DiffNodeInfo {
  const file = node.file ?? old?.file;
  return { name: node.name || node.id, kind: node.kind, type: node.type, state: node.state, ...(file ? { file } : {}), side };
}

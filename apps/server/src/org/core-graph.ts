import {
  type FlowGraph,
  flowStepGraph,
  type ImportIssue,
  type ImportUnit,
  importArchitectConfiguration,
  link,
  loadGraph,
  type Snapshot,
} from '@flowgraph/core';

/** A crawl's snapshot through core's own importer and linker, as `flowgraph analyze snapshot.json` reads it. */
export function graphFromSnapshot(snapshot: Snapshot): { graph: FlowGraph; issues: ImportIssue[] } {
  const { graph, issues } = loadGraph([{ path: `${snapshot.source.kind}:snapshot`, text: JSON.stringify(snapshot) }]);
  return { graph, issues };
}

/**
 * One flow's step graph. With a fetched `latestconfiguration`, its steps are imported and linked
 * against the whole org, so a step calling a module points at the module's node.
 */
export function stepGraphOf(graph: FlowGraph, flowId: string, configuration: unknown): { graph: FlowGraph; issues: ImportIssue[] } {
  if (configuration === undefined) return { graph: flowStepGraph(graph, flowId), issues: [] };
  const steps = importArchitectConfiguration(configuration, { file: `flow:${flowId}`, flowId });
  // The org already has this flow's node (with its publish state); the configuration's copy would be a duplicate.
  const stepsOnly: ImportUnit = { ...steps, nodes: steps.nodes.filter((node) => node.id !== flowId) };
  const linked = link([orgUnit(graph), stepsOnly]);
  return { graph: flowStepGraph(linked.graph, flowId), issues: [...steps.issues, ...linked.issues] };
}

function orgUnit(graph: FlowGraph): ImportUnit {
  return { file: 'org', format: 'graph', nodes: [...graph.nodes.values()], edges: graph.edges, references: [], issues: [] };
}

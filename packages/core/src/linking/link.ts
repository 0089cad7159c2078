import type { ImportUnit } from '../importers/importer.js';
import { columnarGraph, GraphColumns } from '../model/columnar-graph.js';
import type { FlowSteps } from '../model/flow-steps.js';
import type { FlowGraph, GraphNode, NodeLookup } from '../model/graph.js';
import type { ImportIssue } from '../model/issues.js';
import type { Reference } from '../model/reference.js';
import { columnsOrObjects, madeNodesCollide } from './columnar-units.js';
import { type FlowTarget, FlowTargets } from './flow-targets.js';
import { mergeFlowDefinitions } from './flow-definitions.js';
import { EdgeSet, mergeEdges, mergeNodes } from './merge.js';
import { type ResourceTarget, ResourceTargets } from './resource-targets.js';
import { dropFlowUsesCoveredBySteps } from './step-covered-uses.js';
import { withStepObjects } from '../importers/unit-objects.js';

export interface LinkResult {
  graph: FlowGraph;
  issues: ImportIssue[];
  /** The units as linked: a flow several files define is kept in one of them (see `mergeFlowDefinitions`). */
  units: ImportUnit[];
}

/**
 * Joins what every file imported into one graph (one node per flow, however many files define it)
 * and resolves each reference: by id when the id
 * exists, else by name (Genesys's comparison) and compatible type. Several matches give an edge to
 * each, flagged ambiguous, never a silent pick; no match gives one shared external node. A flow's
 * own `uses` edge to a target one of its steps uses is dropped for the step's.
 * Linear: names are indexed once. Steps an importer wrote as columns stay columns (see
 * `GraphColumns`) unless another node could share their ids.
 */
export function link(imported: readonly ImportUnit[]): LinkResult {
  const units = columnsOrObjects(mergeFlowDefinitions(imported));
  const linked = linkUnits(units);
  const columns = linked.columns;
  // A resource or missing flow linking made could take a column-held step's id: then link again
  // with every step an object, so the one-node-per-id rules decide.
  if (columns !== undefined && madeNodesCollide(columns)) return linkUnits(units.map(withStepObjects)).result;
  return linked.result;
}

function linkUnits(units: ImportUnit[]): { result: LinkResult; columns?: GraphColumns } {
  const issues: ImportIssue[] = [];
  const merged = mergeNodes(units, issues);
  const { nodes } = merged;
  const tables = new Map<string, FlowSteps>();
  for (const unit of units) for (const steps of unit.flowSteps ?? []) tables.set(steps.flowId, steps);
  const columns = tables.size === 0 ? undefined : new GraphColumns(nodes, tables);
  const lookup: NodeLookup = columns ?? nodes;
  const edges = new EdgeSet();
  mergeEdges(units, merged, lookup, edges, issues);
  const flows = new FlowTargets(nodes, lookup);
  const resources = new ResourceTargets(nodes);
  settleTargets(units, merged.lost, flows, resources);

  for (const unit of units) {
    const ignored = merged.lost.get(unit);
    for (const reference of unit.references) {
      if (ignored?.has(reference.from)) continue;
      const file = reference.file ?? unit.file;
      if (!lookup.has(reference.from)) {
        issues.push({
          file,
          ...fieldOf(reference),
          message: `reference from unknown node "${reference.from}": dropped`,
          severity: 'error',
        });
        continue;
      }
      const targets = resolve(reference, flows, resources);
      if (targets.length === 0) {
        issues.push(unresolvedIssue(reference, file, lookup));
        continue;
      }
      const ambiguous = targets.length > 1;
      for (const target of targets) {
        if (reference.templateVariables?.length) addTemplateVariables(target, reference.templateVariables);
        edges.add(
          ambiguous
            ? { source: reference.from, target: target.id, kind: 'uses', via: reference.via, ambiguous: true }
            : { source: reference.from, target: target.id, kind: 'uses', via: reference.via },
        );
      }
    }
  }
  const kept = dropFlowUsesCoveredBySteps(edges.edges, edges.uses, lookup);
  if (columns === undefined) return { result: { graph: { nodes, edges: kept }, issues, units } };
  columns.objectEdges = kept;
  return { result: { graph: columnarGraph(columns), issues, units }, columns };
}

/**
 * Makes, before any edge, the nodes that the first reference to them would otherwise shape (a
 * missing flow's or a resource's id, spelling and type): all at once, in an order of their own, so
 * the graph does not depend on the order the files were read in.
 */
function settleTargets(
  units: readonly ImportUnit[],
  lost: ReadonlyMap<ImportUnit, ReadonlySet<string>>,
  flows: FlowTargets,
  resources: ResourceTargets,
): void {
  const missingFlows: FlowTarget[] = [];
  const resourceTargets: ResourceTarget[] = [];
  for (const unit of units) {
    const ignored = lost.get(unit);
    for (const reference of unit.references) {
      if (ignored?.has(reference.from)) continue;
      const target = reference.target;
      if (target.kind === 'resource') resourceTargets.push(target);
      else if (target.kind === 'flow' && !reference.mustResolve && flows.find(target).length === 0) missingFlows.push(target);
    }
  }
  flows.settle(missingFlows);
  resources.settle(resourceTargets);
}

function resolve(reference: Reference, flows: FlowTargets, resources: ResourceTargets): GraphNode[] {
  const target = reference.target;
  if (target.kind === 'dynamic') return [resources.dynamic(target)];
  if (target.kind === 'resource') {
    const node = resources.findOrCreate(target);
    return node === undefined ? [] : [node];
  }
  const found = flows.find(target);
  if (found.length > 0) return found.map((id) => flows.node(id));
  if (reference.mustResolve) return [];
  return [flows.external(target)];
}

function unresolvedIssue(reference: Reference, file: string, nodes: NodeLookup): ImportIssue {
  const target = reference.target;
  const what = target.kind === 'dynamic' ? target.expression : (target.id ?? target.name ?? '');
  const message = reference.mustResolve
    ? `dangling ${reference.via}: "${what}" is not a step of this flow, nor a flow or step in any imported file`
    : `${reference.via} reference names no id and no name: dropped`;
  const from = nodes.get(reference.from);
  const flow = from?.kind === 'step' ? nodes.get(from.flowId) : from;
  return { file, ...(flow ? { flow: flow.name } : {}), ...fieldOf(reference), message, severity: 'error' };
}

function fieldOf(reference: Reference): { field?: string } {
  return reference.field === undefined ? {} : { field: reference.field };
}

function addTemplateVariables(node: GraphNode, variables: readonly string[]): void {
  const merged = new Set(node.templateVariables ?? []);
  for (const variable of variables) merged.add(variable);
  node.templateVariables = [...merged].sort();
}

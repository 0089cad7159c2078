import { flowNameKey } from '../importers/flow-names.js';
import type { ImportUnit } from '../importers/importer.js';
import type { FlowNode } from '../model/graph.js';
import { compareStrings } from '../util/compare.js';

/**
 * Formats whose files define flows known by type and name (Genesys keeps that pair unique in an
 * org), so one flow can arrive as several files: Archy YAML, an Architect export, its decoded JSON.
 */
const FLOW_FILE_FORMATS: ReadonlySet<string> = new Set(['archy-yaml', 'architect-export']);

/** One flow as one file defines it: its node and what of the unit hangs off it. */
interface Definition {
  unit: number;
  flow: FlowNode;
  format: string;
  steps: number;
  transitions: number;
  references: number;
}

/**
 * One node per flow, however many files define it. Files whose flows share type and resolved name
 * are merged: the node lists every file (`files`) and keeps the steps, transitions and references
 * of one of them, the richest (most steps, then transitions, then references; on a tie an export,
 * whose manifest carries Architect's ids, then the first by file path, then by id), so no transition is drawn
 * twice. When the files are not all encodings of one flow (two YAML files, or exports with two
 * different Architect ids), the node is marked `conflictingDefinitions` for a `duplicate-flow`
 * finding. A name still templated names nothing yet: those flows are never merged.
 */
export function mergeFlowDefinitions(units: readonly ImportUnit[]): ImportUnit[] {
  const groups = new Map<string, FlowNode[]>();
  const unitOf = new Map<FlowNode, number>();
  units.forEach((unit, index) => {
    if (!FLOW_FILE_FORMATS.has(unit.format)) return;
    for (const node of unit.nodes) {
      if (node.kind !== 'flow' || (node.templateVariables?.length ?? 0) > 0) continue;
      const key = `${node.type}\u0000${flowNameKey(node.name)}`;
      const group = groups.get(key);
      if (group === undefined) groups.set(key, [node]);
      else group.push(node);
      unitOf.set(node, index);
    }
  });

  const dropped = new Map<number, Set<FlowNode>>();
  for (const group of groups.values()) {
    if (group.length < 2) continue;
    const definitions = group.map((flow) => measure(units, unitOf.get(flow)!, flow));
    const primary = definitions.reduce((best, candidate) => (richer(candidate, best) ? candidate : best));
    const files = [primary.flow.file, ...definitions.filter((d) => d !== primary).map((d) => d.flow.file)];
    primary.flow.files = [...new Set(files.filter((file): file is string => file !== undefined))];
    if (!encodingsOfOneFlow(definitions)) primary.flow.conflictingDefinitions = true;
    for (const definition of definitions) {
      if (definition === primary) continue;
      const set = dropped.get(definition.unit) ?? new Set<FlowNode>();
      set.add(definition.flow);
      dropped.set(definition.unit, set);
    }
  }
  if (dropped.size === 0) return [...units];
  return units.map((unit, index) => {
    const flows = dropped.get(index);
    return flows === undefined ? unit : withoutFlows(unit, flows);
  });
}

function measure(units: readonly ImportUnit[], index: number, flow: FlowNode): Definition {
  const unit = units[index]!;
  const own = ownIds(unit, flow);
  let steps = 0;
  for (const node of unit.nodes) if (node.kind === 'step' && own.has(node.id)) steps++;
  let transitions = 0;
  for (const edge of unit.edges) if (edge.kind === 'transition' && own.has(edge.source)) transitions++;
  let references = 0;
  for (const reference of unit.references) if (own.has(reference.from)) references++;
  return { unit: index, flow, format: unit.format, steps, transitions, references };
}

/** The flow's id and its steps' ids within its unit (a YAML file may hold several flows). */
function ownIds(unit: ImportUnit, flow: FlowNode): Set<string> {
  const ids = new Set<string>([flow.id]);
  for (const node of unit.nodes) if (node.kind === 'step' && node.flowId === flow.id) ids.add(node.id);
  return ids;
}

function richer(a: Definition, b: Definition): boolean {
  if (a.steps !== b.steps) return a.steps > b.steps;
  if (a.transitions !== b.transitions) return a.transitions > b.transitions;
  if (a.references !== b.references) return a.references > b.references;
  if (a.format !== b.format) return a.format === 'architect-export';
  // Then a total order that does not depend on the order the files were read.
  const byFile = compareStrings(a.flow.file ?? '', b.flow.file ?? '');
  if (byFile !== 0) return byFile < 0;
  const byId = compareStrings(a.flow.id, b.flow.id);
  return byId === 0 ? a.unit < b.unit : byId < 0;
}

/** At most one YAML file and one Architect id: a YAML file and its export, an export and its decoded JSON. */
function encodingsOfOneFlow(definitions: readonly Definition[]): boolean {
  const yaml = definitions.filter((definition) => definition.format === 'archy-yaml').length;
  const exportIds = new Set(definitions.filter((definition) => definition.format === 'architect-export').map((d) => d.flow.id));
  return yaml <= 1 && exportIds.size <= 1;
}

/** The unit without these flows, their steps and everything that starts or ends at them; its issues stay. */
function withoutFlows(unit: ImportUnit, flows: ReadonlySet<FlowNode>): ImportUnit {
  const gone = new Set<string>();
  for (const flow of flows) for (const id of ownIds(unit, flow)) gone.add(id);
  return {
    ...unit,
    nodes: unit.nodes.filter((node) => !(node.kind === 'flow' ? flows.has(node) : gone.has(node.id))),
    ...(unit.flowSteps ? { flowSteps: unit.flowSteps.filter((steps) => !gone.has(steps.flowId)) } : {}),
    edges: unit.edges.filter((edge) => !gone.has(edge.source) && !gone.has(edge.target)),
    references: unit.references.filter((reference) => !gone.has(reference.from)),
  };
}

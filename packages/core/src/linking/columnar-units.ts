import type { ImportUnit } from '../importers/importer.js';
import { withStepObjects } from '../importers/unit-objects.js';
import type { GraphColumns } from '../model/columnar-graph.js';

/**
 * The units as linking takes them: column-held steps stay columns when no other node can share
 * their ids, else every unit's steps are made objects and linked the careful way (one node per id,
 * duplicates reported), as before columns existed. A step's id is `${flowId}:${stepId}`, so it
 * can be another node's only when its flow id is defined twice, or when some id is that flow id
 * followed by `:` (a flow `a` with a step `b:c`, and a flow `a:b` with a step `c`): both rare.
 */
export function columnsOrObjects(units: readonly ImportUnit[]): ImportUnit[] {
  return columnsMayCollide(units) ? units.map(withStepObjects) : [...units];
}

function columnsMayCollide(units: readonly ImportUnit[]): boolean {
  const columnar = new Set<string>();
  for (const unit of units) {
    for (const steps of unit.flowSteps ?? []) {
      if (columnar.has(steps.flowId)) return true;
      columnar.add(steps.flowId);
    }
  }
  if (columnar.size === 0) return false;
  for (const unit of units) {
    const own = new Set(unit.flowSteps?.map((steps) => steps.flowId));
    for (const node of unit.nodes) {
      if (columnar.has(node.id) && !own.has(node.id)) return true;
      if (prefixIsColumnar(node.id, columnar)) return true;
    }
  }
  for (const flowId of columnar) if (prefixIsColumnar(flowId, columnar)) return true;
  return false;
}

/** Whether `id` up to one of its `:` is a columnar flow's id. */
function prefixIsColumnar(id: string, columnar: ReadonlySet<string>): boolean {
  for (let at = id.indexOf(':'); at >= 0; at = id.indexOf(':', at + 1)) if (columnar.has(id.slice(0, at))) return true;
  return false;
}

/** Whether a node linking made (a resource, a missing flow) took an id a column-held step has. */
export function madeNodesCollide(columns: GraphColumns): boolean {
  for (const id of columns.objects.keys()) if (columns.findStep(id) !== undefined) return true;
  return false;
}

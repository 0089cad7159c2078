import type { FlowNode } from '../../model/graph.js';
import { defaultVisitLimit, VisitBudget } from '../visit-budget.js';
import { flowNameKey, flowTypeOfName } from '../flow-names.js';
import { UnitBuilder } from '../unit-builder.js';
import type { Importer, ImportUnit, InputFile } from '../importer.js';
import { decodeArchitectExport } from './decode.js';
import { detectArchitectExport } from './detect.js';
import { importFlowInternals } from '../architect-flow/flow-steps.js';
import { ArchitectFlowSchema } from '../architect-flow/schema.js';

export const ARCHITECT_EXPORT_FORMAT = 'architect-export';

export interface ArchitectExportResult {
  unit: ImportUnit;
  /** Values the walks visited: a structural measure of the work done. */
  visits: number;
}

/** One Architect UI export → its flow node, steps, transitions and manifest references. Never throws. */
export function importArchitectExport(file: InputFile): ArchitectExportResult {
  const budget = new VisitBudget(defaultVisitLimit(file.text.length));
  const builder = new UnitBuilder(file.path, ARCHITECT_EXPORT_FORMAT, budget);
  const decoded = decodeArchitectExport(file.text);
  if (!decoded.ok) {
    builder.issue('error', undefined, decoded.message);
    return { unit: builder.unit, visits: budget.visits };
  }
  const parsed = ArchitectFlowSchema.safeParse(decoded.data);
  if (!parsed.success) {
    for (const issue of parsed.error.issues)
      builder.issue('error', issue.path.join('.') || undefined, `not an Architect flow export: ${issue.message}`);
    return { unit: builder.unit, visits: budget.visits };
  }
  const flowJson = parsed.data;
  const name = flowJson.name?.trim() || file.path;
  builder.flowName = name;
  const type = flowTypeOfName(flowJson.type);
  if (!type) builder.issue('warning', 'type', `unknown flow type "${flowJson.type ?? ''}"`);
  const flowType = type ?? 'UNKNOWN';
  const flowId = flowJson.id ?? `export:${flowType}:${flowNameKey(name)}`;
  const flow: FlowNode = {
    kind: 'flow',
    id: flowId,
    name,
    type: flowType,
    state: 'unknown',
    file: file.path,
    versions: {},
    hasOrgId: flowJson.id !== undefined,
  };
  if (flowJson.description) flow.description = flowJson.description;
  builder.unit.nodes.push(flow);
  importFlowInternals(flowJson, flowId, builder);
  return { unit: builder.unit, visits: budget.visits };
}

export const architectExportImporter: Importer = {
  format: ARCHITECT_EXPORT_FORMAT,
  detect: detectArchitectExport,
  parse: (file) => importArchitectExport(file).unit,
};

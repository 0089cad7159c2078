import type { FlowNode } from '../../model/graph.js';
import type { ImportContext, Importer, ImportUnit, InputFile } from '../importer.js';
import { templateVariablesIn } from '../templates/placeholders.js';
import { walkActions } from './action-walk.js';
import { defaultVisitLimit, VisitBudget } from '../visit-budget.js';
import { type Container, findContainers, zodProblems } from './containers.js';
import { containerKey, parseContainerRef } from './container-ref.js';
import { detectArchyYaml } from './detect.js';
import { templatedYamlFlowId, yamlFlowId } from './flow-id.js';
import { FieldPath } from '../field-path.js';
import { flowTypeOfKey, suggestFlowTypeKey } from './flow-type-keys.js';
import { loadArchyYaml } from './load.js';
import { referencedFlowReferences } from './referenced-objects.js';
import { scanReferences } from './references.js';
import { ArchyFlowBodySchema } from './schema.js';
import { UnitBuilder } from '../unit-builder.js';
import { asMap } from '../plain-values.js';

export const ARCHY_YAML_FORMAT = 'archy-yaml';

/** Parsed data has no text length to size the cap on: far above any real flow. */
const PARSED_DATA_VISIT_LIMIT = 5_000_000;

export interface ArchyYamlResult {
  unit: ImportUnit;
  /** Values the walks visited: a structural measure of the work done. */
  visits: number;
}

/** Flow-level keys that are not settings: not scanned for references. */
const NOT_SETTINGS = new Set(['name', 'description', 'division', 'startUpRef', 'referencedObjects', 'menus', 'tasks', 'states', 'bots']);

/** One Archy YAML file → its flow node (one per YAML document), steps, transitions and references. Never throws. */
export function importArchyYaml(file: InputFile, context: ImportContext): ArchyYamlResult {
  const budget = new VisitBudget(defaultVisitLimit(file.text.length));
  const builder = new UnitBuilder(file.path, ARCHY_YAML_FORMAT, budget);
  const loaded = loadArchyYaml(file.text, context.substitutions, builder);
  if (loaded) {
    if (loaded.documents.length === 0) importDocument(undefined, builder, 0);
    loaded.documents.forEach((document, index) => {
      importDocument(document, builder, index);
    });
  }
  if (loaded && loaded.unresolved.length > 0) builder.issue('warning', undefined, placeholderMessage(loaded.unresolved, context));
  return { unit: builder.unit, visits: budget.visits };
}

/** One warning per file for its unfilled placeholders, saying where values were looked for. */
function placeholderMessage(unresolved: readonly string[], context: ImportContext): string {
  const names = unresolved.join(', ');
  if (context.flowResource !== undefined)
    return `template placeholders without a value: ${names} (not in the substitutions of ${context.flowResource}; pass them with --set name=value)`;
  if (context.withoutFlowResource)
    return `template placeholders without a value: ${names} (no genesyscloud_flow resource of the Terraform files has this file as its filepath; pass them with --set name=value)`;
  return `template placeholders without a value: ${names} (pass them with --set name=value or --substitutions FILE)`;
}

/** The same import for an Archy flow already parsed into plain data (`{inboundCall: {…}}`). */
export function importArchyData(data: unknown, file: string): ArchyYamlResult {
  const budget = new VisitBudget(PARSED_DATA_VISIT_LIMIT);
  const builder = new UnitBuilder(file, ARCHY_YAML_FORMAT, budget);
  importDocument(data, builder, 0);
  return { unit: builder.unit, visits: budget.visits };
}

function importDocument(data: unknown, builder: UnitBuilder, documentIndex: number): void {
  const root = asMap(data);
  if (!root) {
    builder.issue('error', undefined, 'expected a mapping whose one key is the flow type (inboundCall, workflow, …)');
    return;
  }
  const keys = Object.keys(root);
  const flowKeys = keys.filter((key) => flowTypeOfKey(key) !== undefined);
  if (flowKeys.length === 0) {
    const hints = keys.map((key) => [key, suggestFlowTypeKey(key)] as const).filter(([, hint]) => hint !== undefined);
    const hint =
      hints.length > 0 ? `; ${hints.map(([key, known]) => `"${key}" is not an Archy flow type, did you mean "${known}"?`).join(' ')}` : '';
    builder.issue('error', keys[0], `no Archy flow-type key at the top level${hint}`);
    return;
  }
  if (flowKeys.length > 1) builder.issue('warning', flowKeys[1], `more than one flow in one file; only "${flowKeys[0]}" is read`);
  importFlow(flowKeys[0]!, root[flowKeys[0]!], builder, documentIndex);
}

function importFlow(flowKey: string, rawBody: unknown, builder: UnitBuilder, documentIndex: number): void {
  const type = flowTypeOfKey(flowKey)!;
  const flowPath = FieldPath.root(flowKey);
  builder.flowName = typeof asMap(rawBody)?.name === 'string' ? (asMap(rawBody)!.name as string) : undefined;
  const parsed = ArchyFlowBodySchema.safeParse(rawBody);
  if (!parsed.success) {
    for (const problem of zodProblems(parsed.error, flowPath))
      builder.issue('error', problem.field, `${problem.message}: not a valid ${flowKey} flow`);
    return;
  }
  const body = parsed.data;
  const name = body.name.trim();
  builder.flowName = name;
  const variables = templateVariablesIn(name);
  // A name still templated says nothing yet: two files with `{{flow_name}}` are two flows, so the file keys it.
  const flowId = variables.length > 0 ? templatedYamlFlowId(type, name, builder.file, documentIndex) : yamlFlowId(type, name);
  const flow: FlowNode = { kind: 'flow', id: flowId, name, type, state: 'unknown', file: builder.file, versions: {}, hasOrgId: false };
  if (body.description !== undefined) flow.description = body.description;
  if (body.division !== undefined) flow.division = body.division;
  if (variables.length > 0) flow.templateVariables = variables;
  builder.unit.nodes.push(flow);

  const { containers, problems } = findContainers(body, flowPath);
  for (const problem of problems) builder.issue('error', problem.field, problem.message);
  const nodeIds = registerContainers(containers, flowId, builder);
  const byRef = new Map<string, string>();
  containers.forEach((container, index) => {
    const nodeId = nodeIds[index]!;
    for (const key of [container.refId, container.name]) {
      const mapKey = key === undefined ? undefined : containerKey(container.kind, key);
      if (mapKey !== undefined && !byRef.has(mapKey)) byRef.set(mapKey, nodeId);
    }
  });
  const resolveTarget = (ref: string, field: FieldPath): string | undefined => {
    const target = parseContainerRef(ref);
    const nodeId = target && byRef.get(containerKey(target.kind, target.refId));
    if (!nodeId) builder.issue('warning', field, `"${ref}" points at no ${target?.kind ?? 'menu, task or state'} of this flow`);
    return nodeId;
  };

  const entry =
    body.startUpRef !== undefined ? resolveTarget(body.startUpRef, flowPath.key('startUpRef')) : defaultEntry(containers, nodeIds);
  if (entry) builder.addEdge({ source: flowId, target: entry, kind: 'contains' });
  if (containers.length === 0) builder.issue('warning', flowKey, 'the flow has no menus, tasks, states, bots or start-up actions');

  containers.forEach((container, index) => {
    const nodeId = nodeIds[index]!;
    scanReferences(container.body, container.path, { builder, from: nodeId, via: container.kind });
    const walk = { builder, flowId, resolveTarget };
    walkActions({ nodeId, stepId: stepIdOf(nodeId, flowId), items: container.actions, path: container.actionsPath, choices: false }, walk);
    walkActions(
      { nodeId, stepId: stepIdOf(nodeId, flowId), items: container.choices, path: container.path.key('choices'), choices: true },
      walk,
    );
  });
  for (const [key, value] of Object.entries(body)) {
    if (NOT_SETTINGS.has(key) || key.endsWith('Actions') || /^(startUp|periodic)(State|Task)$/.test(key)) continue;
    scanReferences({ [key]: value }, flowPath, { builder, from: flowId, via: key });
  }
  referencedFlowReferences(body.referencedObjects, flowPath.key('referencedObjects'), flowId, builder);
}

/** Adds one step per container; a repeated refId gets a `#2` suffix and a warning instead of a clash. */
function registerContainers(containers: Container[], flowId: string, builder: UnitBuilder): string[] {
  const used = new Set<string>();
  return containers.map((container) => {
    let stepId = container.stepId;
    for (let n = 2; used.has(stepId); n += 1) stepId = `${container.stepId}#${n}`;
    if (stepId !== container.stepId) builder.issue('warning', container.path, `refId "${container.stepId}" is used twice`);
    used.add(stepId);
    return builder.addStep(flowId, stepId, container.name, container.kind);
  });
}

function defaultEntry(containers: Container[], nodeIds: string[]): string | undefined {
  const startUp = containers.findIndex((container) => container.stepId === 'startUpTaskActions' || container.kind === 'startUp');
  return nodeIds[Math.max(startUp, 0)];
}

function stepIdOf(nodeId: string, flowId: string): string {
  return nodeId.slice(flowId.length + 1);
}

export const archyYamlImporter: Importer = {
  format: ARCHY_YAML_FORMAT,
  detect: detectArchyYaml,
  parse: (file, context) => importArchyYaml(file, context).unit,
};

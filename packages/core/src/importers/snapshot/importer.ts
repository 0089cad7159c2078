import { z } from 'zod';
import { DependencySchema, FlowSchema } from '../../genesys-api/schemas.js';
import type { FlowNode } from '../../model/graph.js';
import { importArchitectConfiguration } from '../architect-flow/configuration.js';
import { appendPath, describeZodError } from '../field-path.js';
import type { Importer, ImportUnit, InputFile } from '../importer.js';
import { isJsonFileName, readJson } from '../json-text.js';
import { includesText, opensWith, textStart } from '../text-sniff.js';
import { dependencyReference } from './dependency-reference.js';
import { snapshotFlowNode } from './flow-node.js';
import { SNAPSHOT_FORMAT, SNAPSHOT_VERSION, SnapshotConsumedSchema, SnapshotFetchErrorSchema, SnapshotSchema } from './schema.js';

export const SNAPSHOT_IMPORT_FORMAT = 'snapshot';

// The envelope is checked first with every list item left open, then each item on its own,
// so one malformed flow or dependency listing is one issue and the rest still imports.
const EnvelopeSchema = SnapshotSchema.extend({
  flows: z.array(z.unknown()),
  consumedResources: z.record(z.string(), z.unknown()),
  errors: z.array(z.unknown()),
});
const ConsumedEnvelopeSchema = SnapshotConsumedSchema.extend({ resources: z.array(z.unknown()) });

export const snapshotImporter: Importer = {
  format: SNAPSHOT_IMPORT_FORMAT,
  detect(file) {
    // Our writer puts `format` first, so a sniff settles most files without parsing; a `.json`
    // object that names the format anywhere is parsed (once: the tutorial detector reuses it).
    if (!textStart(file, 4096).includes(SNAPSHOT_FORMAT) && !isJsonFileName(file.path)) return false;
    if (!mayBeSnapshot(file)) return false;
    const json = readJson(file);
    return json.ok && typeof json.value === 'object' && json.value !== null && 'format' in json.value
      ? json.value.format === SNAPSHOT_FORMAT
      : false;
  },
  parse: (file) => parseSnapshot(file),
};

/**
 * False when the file cannot be a snapshot, told without parsing it (nor decoding it when it has
 * bytes: text-sniff.ts): a snapshot is a JSON object, and its `"flowgraph-snapshot"` is in the
 * text, written out or with `\u` escapes. (Detection should stay a sniff; an importer that needs
 * the tree parses it.)
 */
function mayBeSnapshot(file: InputFile): boolean {
  return opensWith(file, '{') && (includesText(file, SNAPSHOT_FORMAT) || includesText(file, '\\u'));
}

export function parseSnapshot(file: InputFile): ImportUnit {
  const unit: ImportUnit = { file: file.path, format: SNAPSHOT_IMPORT_FORMAT, nodes: [], edges: [], references: [], issues: [] };
  const error = (message: string, field?: string, flow?: string): void => {
    unit.issues.push({ file: file.path, message, severity: 'error', ...(field ? { field } : {}), ...(flow ? { flow } : {}) });
  };
  const json = readJson(file);
  if (!json.ok) {
    error(json.message);
    return unit;
  }
  const newer = newerVersion(json.value);
  if (newer !== undefined) {
    error(
      `written by a newer Flowgraph (snapshot format version ${newer}; ` +
        `this version reads version ${SNAPSHOT_VERSION}): upgrade Flowgraph to read it`,
      'version',
    );
    return unit;
  }
  const envelope = EnvelopeSchema.safeParse(json.value);
  if (!envelope.success) {
    const { field, message } = describeZodError('', envelope.error);
    error(`not a valid snapshot: ${message}`, field);
    return unit;
  }
  const snapshot = envelope.data;

  const flows = new Map<string, FlowNode>();
  snapshot.flows.forEach((raw, index) => {
    const parsed = FlowSchema.safeParse(raw);
    const path = appendPath('flows', index);
    if (!parsed.success) {
      const { field, message } = describeZodError(path, parsed.error);
      error(`flow skipped: ${message}`, field, rawLabel(raw));
      return;
    }
    if (flows.has(parsed.data.id)) {
      error(`duplicate flow id "${parsed.data.id}": the first one is kept`, appendPath(path, 'id'), parsed.data.name);
      return;
    }
    const { node, knownType } = snapshotFlowNode(parsed.data, file.path);
    if (!knownType) {
      unit.issues.push({
        file: file.path,
        flow: node.name,
        field: appendPath(path, 'type'),
        message: `unknown flow type "${parsed.data.type}": shown as UNKNOWN`,
        severity: 'warning',
      });
    }
    flows.set(node.id, node);
    unit.nodes.push(node);
  });

  for (const [flowId, raw] of Object.entries(snapshot.consumedResources)) {
    const path = appendPath('consumedResources', flowId);
    const flow = flows.get(flowId);
    if (flow === undefined) {
      unit.issues.push({
        file: file.path,
        field: path,
        message: `dependencies of flow id "${flowId}", which the snapshot does not list: ignored`,
        severity: 'warning',
      });
      continue;
    }
    const consumed = ConsumedEnvelopeSchema.safeParse(raw);
    if (!consumed.success) {
      const { field, message } = describeZodError(path, consumed.error);
      error(`dependencies skipped: ${message}`, field, flow.name);
      continue;
    }
    consumed.data.resources.forEach((item, index) => {
      const field = appendPath(appendPath(path, 'resources'), index);
      const dependency = DependencySchema.safeParse(item);
      if (!dependency.success) {
        error(`dependency skipped: ${describeZodError(field, dependency.error).message}`, field, flow.name);
        return;
      }
      unit.references.push(dependencyReference(flowId, dependency.data, file.path, field));
    });
  }

  for (const [flowId, config] of Object.entries(snapshot.configurations ?? {})) {
    const flow = flows.get(flowId);
    if (flow === undefined) {
      unit.issues.push({
        file: file.path,
        field: appendPath('configurations', flowId),
        message: `configuration of flow id "${flowId}", which the snapshot does not list: ignored`,
        severity: 'warning',
      });
      continue;
    }
    addConfiguration(unit, config, file.path, flow);
  }

  snapshot.errors.forEach((raw, index) => {
    const parsed = SnapshotFetchErrorSchema.safeParse(raw);
    if (!parsed.success) {
      error(`unreadable fetch error: ${describeZodError(appendPath('errors', index), parsed.error).message}`, appendPath('errors', index));
      return;
    }
    const failure = parsed.data;
    const status = failure.status === undefined ? '' : ` (HTTP ${failure.status})`;
    const attempts = failure.attempts === undefined ? '' : ` after ${failure.attempts} attempt${failure.attempts === 1 ? '' : 's'}`;
    error(
      `fetch failed${status}${attempts}: ${failure.request}: ${failure.message}`,
      appendPath('errors', index),
      failure.flowName ?? failure.flowId,
    );
  });
  return unit;
}

/** A flow's Architect configuration adds its steps and step-level references to the unit. */
function addConfiguration(unit: ImportUnit, config: unknown, file: string, flow: FlowNode): void {
  let inner: ImportUnit;
  try {
    inner = importArchitectConfiguration(config, { file, flowId: flow.id });
  } catch (error) {
    const message = error instanceof Error ? error.message : String(error);
    unit.issues.push({
      file,
      flow: flow.name,
      field: appendPath('configurations', flow.id),
      message: `configuration skipped: ${message}`,
      severity: 'error',
    });
    return;
  }
  // The flow node itself comes from the flows list, which knows versions and state.
  for (const node of inner.nodes) if (node.kind !== 'flow') unit.nodes.push(node);
  unit.edges.push(...inner.edges);
  unit.references.push(...inner.references);
  unit.issues.push(...inner.issues);
}

function newerVersion(value: unknown): number | undefined {
  if (typeof value !== 'object' || value === null || !('version' in value)) return undefined;
  const version = value.version;
  return typeof version === 'number' && version > SNAPSHOT_VERSION ? version : undefined;
}

function rawLabel(raw: unknown): string | undefined {
  if (typeof raw !== 'object' || raw === null) return undefined;
  const record = raw as Record<string, unknown>;
  for (const key of ['name', 'id']) if (typeof record[key] === 'string' && record[key] !== '') return record[key];
  return undefined;
}

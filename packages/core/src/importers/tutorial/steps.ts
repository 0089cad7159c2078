import { FlowSteps } from '../../model/flow-steps.js';
import type { FlowNode } from '../../model/graph.js';
import type { ImportIssue } from '../../model/issues.js';
import type { Reference } from '../../model/reference.js';
import { appendPath } from '../field-path.js';
import type { ImportUnit } from '../importer.js';
import type { SharedStrings } from '../shared-strings.js';
import { findEntryStep } from './entry-step.js';
import { isPlainObject, type TutorialFlow } from './schema.js';

/** One flow being imported: where it sits in its file, for issues, and the unit it adds to. */
export interface FlowSite {
  file: string;
  /** The flow's field path, `[3]` or `flows[3]`. */
  path: string;
  flow: FlowNode;
  unit: ImportUnit;
  /** One string per distinct step type and transition label across the file (see SharedStrings). */
  strings: SharedStrings;
}

/**
 * Turns one flow's nodes and transitions into its step columns (`FlowSteps`: steps, transitions,
 * the entry step its `contains` edge goes to) and cross-flow references. Hand checks in plain
 * loops instead of zod, and paths built only for reported problems: the benchmark file has 500k
 * nodes and 620k transitions.
 */
export function importSteps(definition: TutorialFlow['definition'], site: FlowSite): void {
  const steps = new FlowSteps(site.flow, definition.transitions?.length);
  const positions = importNodes(definition.nodes, steps, site);
  const entered = importTransitions(definition.transitions ?? [], steps, positions, site);
  const entry = findEntryStep(steps.types, entered);
  if (entry === undefined) report(site, appendPath(appendPath(site.path, 'definition'), 'nodes'), 'the flow has no nodes', 'warning');
  else steps.entry = entry;
  steps.seal();
  site.unit.flowSteps ??= [];
  site.unit.flowSteps.push(steps);
}

/** Adds the flow's steps; returns local step id -> position. */
function importNodes(nodes: Record<string, unknown> | unknown[], steps: FlowSteps, site: FlowSite): Map<string, number> {
  const positions = new Map<string, number>();
  const nodesPath = appendPath(appendPath(site.path, 'definition'), 'nodes');
  const isList = Array.isArray(nodes);
  const keys = isList ? [] : Object.keys(nodes);
  const count = isList ? nodes.length : keys.length;
  for (let index = 0; index < count; index++) {
    const key: string | number = isList ? index : keys[index]!;
    const raw = isList ? nodes[index] : nodes[key as string];
    if (!isPlainObject(raw)) {
      report(site, appendPath(nodesPath, key), 'expected a node object with a type and a name');
      continue;
    }
    const stepId = isList ? idText(raw.id) : (key as string);
    if (stepId === undefined) {
      report(site, appendPath(appendPath(nodesPath, key), 'id'), 'a node in a list needs a non-empty string id');
      continue;
    }
    // Object keys are unique already; only a list can repeat an id.
    if (isList && positions.has(stepId)) {
      report(site, appendPath(nodesPath, key), `duplicate node id "${stepId}": the first one is kept`);
      continue;
    }
    const type =
      typeof raw.type === 'string' && raw.type !== ''
        ? site.strings.shared(raw.type)
        : fallbackText(raw.type, 'step', site, nodesPath, key, 'type');
    const name = typeof raw.name === 'string' && raw.name !== '' ? raw.name : fallbackText(raw.name, stepId, site, nodesPath, key, 'name');
    positions.set(stepId, steps.addStep(stepId, name, type));
  }
  return positions;
}

/** Adds the flow's transitions; returns, per step, whether some transition of the flow enters it. */
function importTransitions(transitions: unknown[], steps: FlowSteps, positions: ReadonlyMap<string, number>, site: FlowSite): Uint8Array {
  const entered = new Uint8Array(steps.size);
  const transitionsPath = appendPath(appendPath(site.path, 'definition'), 'transitions');
  for (let index = 0; index < transitions.length; index++) {
    const raw = transitions[index];
    if (!isPlainObject(raw)) {
      report(site, appendPath(transitionsPath, index), 'expected a transition object with from and to');
      continue;
    }
    const from = idText(raw.from);
    const to = idText(raw.to);
    if (from === undefined || to === undefined) {
      report(site, appendPath(appendPath(transitionsPath, index), from === undefined ? 'from' : 'to'), 'expected a non-empty node id');
      continue;
    }
    const source = positions.get(from);
    if (source === undefined) {
      report(site, appendPath(appendPath(transitionsPath, index), 'from'), `dangling transition: "${from}" is not a node of this flow`);
      continue;
    }
    const target = positions.get(to);
    if (target !== undefined) {
      entered[target] = 1;
      const label = labelText(raw.condition);
      steps.addTransition(source, target, label === undefined ? undefined : site.strings.shared(label));
      continue;
    }
    // Another flow's id, or `otherFlowId:nodeId`: linking resolves it against every file, and
    // reports it as dangling when nothing anywhere has that id.
    const reference: Reference = {
      from: steps.nodeId(source),
      via: 'transition',
      target: { kind: 'flow', id: to, types: [] },
      file: site.file,
      field: appendPath(appendPath(transitionsPath, index), 'to'),
      mustResolve: true,
    };
    site.unit.references.push(reference);
  }
  return entered;
}

function report(site: FlowSite, field: string, message: string, severity: ImportIssue['severity'] = 'error'): void {
  site.unit.issues.push({ file: site.file, flow: site.flow.name, field, message, severity });
}

/** The default for a missing text field; a present but wrong-typed one is also reported. */
function fallbackText(value: unknown, fallback: string, site: FlowSite, nodesPath: string, key: string | number, field: string): string {
  if (value !== undefined && value !== null && value !== '') {
    report(site, appendPath(appendPath(nodesPath, key), field), `expected a string, got ${typeof value}`, 'warning');
  }
  return fallback;
}

function idText(value: unknown): string | undefined {
  // Only a string starting with whitespace can be blank: skip trim() for the 600k others.
  if (typeof value === 'string') return value === '' || (value.charCodeAt(0) <= 32 && value.trim() === '') ? undefined : value;
  if (typeof value === 'number' && Number.isFinite(value)) return String(value);
  return undefined;
}

function labelText(value: unknown): string | undefined {
  if (typeof value === 'string') return value === '' ? undefined : value;
  if (typeof value === 'number' || typeof value === 'boolean') return String(value);
  return undefined;
}

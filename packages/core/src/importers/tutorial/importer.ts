import type { ImportIssue } from '../../model/issues.js';
import { appendPath, describeZodError } from '../field-path.js';
import type { Importer, ImportUnit, InputFile } from '../importer.js';
import { isJsonFileName, readJson } from '../json-text.js';
import { flowTypeFromText, tutorialFlowNode } from './flow-node.js';
import { isPlainObject, looksLikeTutorialFlows, TutorialFlowSchema, tutorialFlowList } from './schema.js';
import { importSteps } from './steps.js';

export const TUTORIAL_FORMAT = 'tutorial-json';

/** Reads the tutorial's `[{ id, name, version, metadata, definition: { nodes, transitions } }]` files. */
export const tutorialImporter: Importer = {
  format: TUTORIAL_FORMAT,
  detect(file) {
    if (!isJsonFileName(file.path)) return false;
    const json = readJson(file);
    if (!json.ok) return false;
    const list = tutorialFlowList(json.value);
    return list !== undefined && looksLikeTutorialFlows(list);
  },
  parse: (file) => parseTutorial(file),
};

export function parseTutorial(file: InputFile): ImportUnit {
  // Edges are made only between steps of one flow and from a flow to its own step; anything
  // across flows is a reference.
  const unit: ImportUnit = {
    file: file.path,
    format: TUTORIAL_FORMAT,
    nodes: [],
    edges: [],
    references: [],
    issues: [],
    edgesWithinUnit: true,
  };
  const json = readJson(file);
  if (!json.ok) {
    unit.issues.push({ file: file.path, message: json.message, severity: 'error' });
    return unit;
  }
  const list = tutorialFlowList(json.value);
  if (list === undefined) {
    unit.issues.push({
      file: file.path,
      message: 'expected a JSON array of flows, or an object with a "flows" or "entities" array',
      severity: 'error',
    });
    return unit;
  }
  if (list.flows.length === 0) unit.issues.push({ file: file.path, message: 'the file lists no flows', severity: 'warning' });

  const seen = new Set<string>();
  for (let index = 0; index < list.flows.length; index++) {
    const raw = list.flows[index];
    const path = appendPath(list.prefix, index);
    const parsed = TutorialFlowSchema.safeParse(raw);
    if (!parsed.success) {
      const { field, message } = describeZodError(path, parsed.error);
      unit.issues.push(withFlow({ file: file.path, field, message: `flow skipped: ${message}`, severity: 'error' }, raw));
      continue;
    }
    const flow = parsed.data;
    if (seen.has(flow.id)) {
      unit.issues.push({
        file: file.path,
        flow: flow.name ?? flow.id,
        field: appendPath(path, 'id'),
        message: `duplicate flow id "${flow.id}": the first one is kept`,
        severity: 'error',
      });
      continue;
    }
    seen.add(flow.id);
    const node = tutorialFlowNode(flow, file.path);
    if (flow.type !== undefined && flowTypeFromText(flow.type) === undefined) {
      unit.issues.push({
        file: file.path,
        flow: node.name,
        field: appendPath(path, 'type'),
        message: `unknown flow type "${flow.type}": shown as UNKNOWN`,
        severity: 'warning',
      });
    }
    unit.nodes.push(node);
    importSteps(flow.definition, { file: file.path, path, flow: node, unit });
  }
  return unit;
}

/** Names the flow in an issue about a flow that failed validation, from whatever it has. */
function withFlow(issue: ImportIssue, raw: unknown): ImportIssue {
  if (!isPlainObject(raw)) return issue;
  const label = typeof raw.name === 'string' && raw.name !== '' ? raw.name : raw.id;
  if (typeof label === 'string' || typeof label === 'number') issue.flow = String(label);
  return issue;
}

import type { ImportIssue } from '../../model/issues.js';
import { appendPath, describeZodError } from '../field-path.js';
import type { Importer, ImportUnit, InputFile } from '../importer.js';
import { isJsonFileName, readJson, readJsonArray } from '../json-text.js';
import { flowTypeFromText, tutorialFlowNode } from './flow-node.js';
import { isPlainObject, looksLikeTutorialFlows, TutorialFlowSchema, type TutorialFlowList, tutorialFlowList } from './schema.js';
import { SharedStrings } from '../shared-strings.js';
import { importSteps } from './steps.js';

export const TUTORIAL_FORMAT = 'tutorial-json';

/** Reads the tutorial's `[{ id, name, version, metadata, definition: { nodes, transitions } }]` files. */
export const tutorialImporter: Importer = {
  format: TUTORIAL_FORMAT,
  detect(file) {
    if (!isJsonFileName(file.path)) return false;
    const list = flowListOf(file);
    if (list === 'invalid') return false;
    try {
      return list !== undefined && looksLikeTutorialFlows(list);
    } catch {
      // An item of a top-level array did not parse: the file is not JSON.
      return false;
    }
  },
  parse: (file) => parseTutorial(file),
};

/**
 * The file's flows. A top-level array is parsed flow by flow, as the import reads it, so each
 * flow's parse tree dies young instead of one tree of the whole file (107 MB on the 500k-step
 * benchmark) being copied by every young-generation collection while the import runs.
 */
function flowListOf(file: InputFile): TutorialFlowList | 'invalid' | undefined {
  const array = readJsonArray(file);
  if (array !== undefined) return { length: array.length, flow: (index) => array.item(index), prefix: '' };
  const json = readJson(file);
  return json.ok ? tutorialFlowList(json.value) : 'invalid';
}

export function parseTutorial(file: InputFile): ImportUnit {
  try {
    return importFlows(file);
  } catch (error) {
    if (!(error instanceof SyntaxError)) throw error;
    // An item of a top-level array did not parse, so the file is not JSON: what the importers'
    // registry answers for a JSON file none of them reads (no other importer reads an array).
    const message = jsonErrorMessage(file);
    return {
      file: file.path,
      format: 'unknown',
      nodes: [],
      edges: [],
      references: [],
      issues: [{ file: file.path, message, severity: 'error' }],
    };
  }
}

function importFlows(file: InputFile): ImportUnit {
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
  const list = flowListOf(file);
  if (list === 'invalid') {
    unit.issues.push({ file: file.path, message: jsonErrorMessage(file), severity: 'error' });
    return unit;
  }
  if (list === undefined) {
    unit.issues.push({
      file: file.path,
      message: 'expected a JSON array of flows, or an object with a "flows" or "entities" array',
      severity: 'error',
    });
    return unit;
  }
  if (list.length === 0) unit.issues.push({ file: file.path, message: 'the file lists no flows', severity: 'warning' });

  const seen = new Set<string>();
  const strings = new SharedStrings();
  for (let index = 0; index < list.length; index++) {
    const raw = list.flow(index);
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
    importSteps(flow.definition, { file: file.path, path, flow: node, unit, strings });
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

/** The whole text's syntax error, with its line and column. */
function jsonErrorMessage(file: InputFile): string {
  const json = readJson(file);
  // Always an error here: a text that does not parse item by item does not parse whole either.
  return json.ok ? 'invalid JSON' : json.message;
}

import type { ImportIssue } from '../../model/issues.js';
import { appendPath, describeZodError } from '../field-path.js';
import type { Importer, ImportUnit, InputFile } from '../importer.js';
import { isJsonFileName, type JsonArray, readJson, readJsonArray, streamJsonArray } from '../json-text.js';
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
    } catch (error) {
      // An item of a top-level array did not parse: the file is not JSON.
      if (error instanceof SyntaxError) return false;
      throw error;
    }
  },
  parse: (file) => parseTutorial(file),
};

/**
 * The file's flows. A top-level array is parsed flow by flow, as the import reads it, so each
 * flow's parse tree dies young instead of one tree of the whole file (107 MB on the 500k-step
 * benchmark) being copied by every young-generation collection while the import runs; from a
 * file given by a reader, each flow as soon as its bytes are read (the file is never whole).
 */
function flowListOf(file: InputFile): TutorialFlowList | 'invalid' | undefined {
  const stream = streamJsonArray(file);
  if (stream !== undefined) {
    return {
      flows: stream,
      prefix: '',
      get complete() {
        return stream.complete;
      },
    };
  }
  const array = readJsonArray(file);
  if (array !== undefined) return { flows: itemsOf(array), prefix: '', complete: true };
  const json = readJson(file);
  return json.ok ? tutorialFlowList(json.value) : 'invalid';
}

function* itemsOf(array: JsonArray): Generator<unknown, void, undefined> {
  for (let index = 0; index < array.length; index++) yield array.item(index);
}

export function parseTutorial(file: InputFile): ImportUnit {
  try {
    return importFlows(file);
  } catch (error) {
    if (!(error instanceof NotJson)) throw error;
    // An item of a top-level array did not parse, or the array did not end as one, so the file is
    // not JSON: what the importers' registry answers for a JSON file none of them reads (no other
    // importer reads an array).
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
  const seen = new Set<string>();
  const strings = new SharedStrings();
  let index = -1;
  for (const raw of parsedFlows(list)) {
    index++;
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
  if (index === -1) unit.issues.push({ file: file.path, message: 'the file lists no flows', severity: 'warning' });
  return unit;
}

/** The file is not valid JSON: found while its flows were read one by one. */
class NotJson extends Error {}

/** The list's flows; NotJson when one does not parse, or when the file did not end as an array. */
function* parsedFlows(list: TutorialFlowList): Generator<unknown, void, undefined> {
  const flows = list.flows[Symbol.iterator]();
  for (;;) {
    let next: IteratorResult<unknown>;
    try {
      next = flows.next();
    } catch (error) {
      if (error instanceof SyntaxError) throw new NotJson(error.message);
      throw error;
    }
    if (next.done === true) break;
    yield next.value;
  }
  if (!list.complete) throw new NotJson('the file does not end as a JSON array');
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

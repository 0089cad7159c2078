import { decodeUtf8, undecodedBytes, undecodedReader } from './file-bytes.js';
import type { InputFile } from './importer.js';
import { type ChunkedArrayScan, jsonArrayItemBytes, jsonArrayItemChunks, jsonArrayItems } from './json-array-items.js';
import { jsonErrorOffset } from './json-error-offset.js';
import { opensWith } from './text-sniff.js';

export type JsonText = { ok: true; value: unknown } | { ok: false; message: string };

// Detection and parsing both need the parsed tree; a 60 MB file must be parsed only once.
// Keyed by the InputFile object, so the tree is freed together with the file.
const parsed = new WeakMap<InputFile, JsonText>();

/** The file's text as JSON, parsed once per InputFile; a syntax error is a message with line and column. */
export function readJson(file: InputFile): JsonText {
  const cached = parsed.get(file);
  if (cached) return cached;
  let result: JsonText;
  try {
    result = { ok: true, value: JSON.parse(file.text) };
  } catch (error) {
    result = { ok: false, message: describeSyntaxError(file.text, error) };
  }
  parsed.set(file, result);
  return result;
}

/** A top-level JSON array whose items are parsed one at a time, when asked for. */
export interface JsonArray {
  readonly length: number;
  /** Item `index`, parsed now; throws a SyntaxError when it does not parse (then the file is not valid JSON). */
  item(index: number): unknown;
}

const arrays = new WeakMap<InputFile, JsonArray | null>();

/**
 * The file's text as a top-level array read item by item (json-array-items.ts says why), from
 * its bytes while its text is not decoded (file-bytes.ts), or undefined when the text is not an
 * array of non-empty items (use `readJson`, which reports errors). Items are not kept: each is
 * parsed again if asked for again.
 */
export function readJsonArray(file: InputFile): JsonArray | undefined {
  let array = arrays.get(file);
  if (array === undefined) {
    const bytes = undecodedBytes(file);
    array = bytes === undefined ? textArray(file.text) : bytesArray(bytes);
    arrays.set(file, array);
  }
  return array ?? undefined;
}

function textArray(text: string): JsonArray | null {
  const bounds = jsonArrayItems(text);
  if (bounds === undefined) return null;
  return { length: bounds.length / 2, item: (index) => JSON.parse(text.slice(bounds[2 * index], bounds[2 * index + 1])) };
}

/**
 * From the bytes, each item decoded alone: its string (~30 KB for a 250-step flow) dies young
 * with its tree, and the 60 MB text is never made (nor flattened: a second copy on first scan).
 * Items split at ASCII bytes, so decoding them apart gives the characters the whole text has.
 */
function bytesArray(bytes: Uint8Array): JsonArray | null {
  const bounds = jsonArrayItemBytes(bytes);
  if (bounds === undefined) return null;
  return { length: bounds.length / 2, item: (index) => JSON.parse(decodeUtf8(bytes.subarray(bounds[2 * index], bounds[2 * index + 1]))) };
}

/**
 * The items of a top-level JSON array, each parsed as soon as the chunk that ends it is read: a
 * file given by a reader (file-bytes.ts) and not read whole yet, whose first character is `[`.
 * Undefined for any other file (read it with `readJsonArray` / `readJson`). Iterating throws a
 * SyntaxError at an item that does not parse; `complete` is false after an iteration that
 * stopped because the text is not `[ item, … ]`. Either way the file is not valid JSON: it opens
 * with `[`, and the scan rejects only texts that are not arrays of items.
 */
export function streamJsonArray(file: InputFile): (Iterable<unknown> & ChunkedArrayScan) | undefined {
  const reader = undecodedReader(file);
  if (reader === undefined || !opensWith(file, '[')) return undefined;
  const stream: Iterable<unknown> & ChunkedArrayScan = {
    complete: false,
    *[Symbol.iterator]() {
      for (const item of jsonArrayItemChunks(reader.chunks(), stream)) yield JSON.parse(decodeUtf8(item));
    },
  };
  return stream;
}

export function isJsonFileName(path: string): boolean {
  return /\.json$/i.test(path);
}

function describeSyntaxError(text: string, error: unknown): string {
  const raw = error instanceof Error ? error.message : String(error);
  const position = /at position (\d+)/.exec(raw);
  const offset = position ? Number(position[1]) : jsonErrorOffset(text);
  // V8 quotes an excerpt of the text ("…" is not valid JSON); the line and column say more.
  const reason = raw.replace(/ in JSON at position \d+.*$/s, '').replace(/, (?:\.\.\.)?".*" is not valid JSON$/s, '');
  if (offset < 0) return `invalid JSON: ${reason}`;
  const { line, column } = lineAndColumn(text, offset);
  return `invalid JSON at line ${line}, column ${column}: ${reason}`;
}

function lineAndColumn(text: string, offset: number): { line: number; column: number } {
  let line = 1;
  let lineStart = 0;
  for (let index = text.indexOf('\n'); index !== -1 && index < offset; index = text.indexOf('\n', index + 1)) {
    line++;
    lineStart = index + 1;
  }
  return { line, column: offset - lineStart + 1 };
}

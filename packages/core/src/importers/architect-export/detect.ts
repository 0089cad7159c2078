import type { InputFile } from '../importer.js';

const EXPORT_NAME = /\.i3[A-Za-z]*(\.i3flow)?$/i;
/** `{"` URL-encoded is `%7B%22`, whose base64 starts `JTdCJTIy`. */
const ENCODED_START = /^\s*JTdC/;

/** `*.i3*` files, base64 text that decodes to URL-encoded JSON, or JSON with Architect's top-level keys. */
export function detectArchitectExport(file: InputFile): boolean {
  if (EXPORT_NAME.test(file.path)) return true;
  if (ENCODED_START.test(file.text.slice(0, 16))) return true;
  if (!/^\s*\{/.test(file.text.slice(0, 64))) return false;
  // Decoded exports: both keys, and not a Flowgraph snapshot that embeds configurations.
  return file.text.includes('"flowSequenceItemList"') && file.text.includes('"manifest"') && !file.text.includes('"flowgraph-snapshot"');
}

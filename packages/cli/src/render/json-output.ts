import type { OutputStream } from '../io.js';

// Small enough that each chunk string (and its UTF-8 copy) is an ordinary young-generation object
// that the next scavenge frees: chunks of a megabyte went to V8's large-object space, where the
// ~50 of a 50 MB result piled up until a full collection (about 40 MB more peak RSS on the
// 500k-step bench). Big enough that the writes stay few (~1,600 for 50 MB).
const CHUNK_CHARS = 1 << 15;
const FIRST_BATCH = 16;

/**
 * Writes a JSON object. On a terminal it is indented for reading; otherwise (files, pipes, CI)
 * it is compact and streamed a slice of each top-level array at a time: a 500k-step org's result
 * is ~50 MB, and one JSON.stringify of it, plus its UTF-8 copy, costs time and memory for nothing.
 */
export function writeJson(stream: OutputStream, value: Record<string, unknown>, pretty: boolean): void {
  if (pretty) {
    stream.write(`${JSON.stringify(value, null, 2)}\n`);
    return;
  }
  let head = '{';
  for (const [key, item] of Object.entries(value)) {
    if (item === undefined) continue;
    head += `${head === '{' ? '' : ','}${JSON.stringify(key)}:`;
    if (!Array.isArray(item)) {
      head += JSON.stringify(item);
      continue;
    }
    stream.write(`${head}[`);
    head = ']';
    writeArrayItems(stream, item);
  }
  stream.write(`${head}}\n`);
}

/**
 * The items of an array, comma-separated, one JSON.stringify per slice of items rather than per
 * item (50,000 cycles make 50,000 calls otherwise). Slices are sized from the previous slice's
 * length to give chunks of about CHUNK_CHARS.
 */
function writeArrayItems(stream: OutputStream, items: readonly unknown[]): void {
  let batch = FIRST_BATCH;
  for (let start = 0, end = 0; start < items.length; start = end) {
    end = Math.min(start + batch, items.length);
    // `[a,b,c]` without its brackets; like JSON.stringify, an undefined item becomes null.
    const text = JSON.stringify(items.slice(start, end));
    stream.write(start === 0 ? text.slice(1, -1) : `,${text.slice(1, -1)}`);
    batch = Math.max(1, Math.round(((end - start) * CHUNK_CHARS) / text.length));
  }
}

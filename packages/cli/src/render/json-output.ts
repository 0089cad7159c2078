import type { OutputStream } from '../io.js';

// Big enough that a 50 MB result is ~50 writes, small enough that no second full copy is ever held.
const CHUNK_CHARS = 1 << 20;

/**
 * Writes a JSON object. On a terminal it is indented for reading; otherwise (files, pipes, CI)
 * it is compact and streamed one top-level array item at a time: a 500k-step org's result is
 * ~50 MB, and one JSON.stringify of it, plus its UTF-8 copy, costs time and memory for nothing.
 */
export function writeJson(stream: OutputStream, value: Record<string, unknown>, pretty: boolean): void {
  if (pretty) {
    stream.write(`${JSON.stringify(value, null, 2)}\n`);
    return;
  }
  let buffer = '{';
  const flush = () => {
    stream.write(buffer);
    buffer = '';
  };
  let first = true;
  for (const [key, item] of Object.entries(value)) {
    if (item === undefined) continue;
    buffer += `${first ? '' : ','}${JSON.stringify(key)}:`;
    first = false;
    if (!Array.isArray(item)) {
      buffer += JSON.stringify(item);
      continue;
    }
    buffer += '[';
    for (let index = 0; index < item.length; index++) {
      // JSON.stringify turns undefined / functions in arrays into null; do the same.
      buffer += `${index > 0 ? ',' : ''}${JSON.stringify(item[index]) ?? 'null'}`;
      if (buffer.length >= CHUNK_CHARS) flush();
    }
    buffer += ']';
  }
  buffer += '}\n';
  flush();
}

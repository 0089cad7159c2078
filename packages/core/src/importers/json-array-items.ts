const QUOTE = 34;
const BACKSLASH = 92;
const COMMA = 44;
const OPEN_ARRAY = 91;
const CLOSE_ARRAY = 93;
const OPEN_OBJECT = 123;
const CLOSE_OBJECT = 125;

/**
 * Where each item of a top-level JSON array lies in `text`: item `i` is
 * `text.slice(bounds[2 * i], bounds[2 * i + 1])`, whitespace around it included. Found by a scan
 * that follows only strings (with their escapes) and bracket depth, without building anything.
 * Undefined when the text is not `[ item, … ]` with only whitespace after it, or when an item is
 * empty (`[1,,2]`): the caller then parses the whole text, which reports the error.
 *
 * Why: a file of 2,000 flows parsed whole is one 107 MB tree that stays alive while it is parsed
 * and read, so every young-generation collection copies it; parsed item by item, each flow's tree
 * dies young. If every item parses, the whole text is valid JSON and is the array of those items.
 */
export function jsonArrayItems(text: string): number[] | undefined {
  const length = text.length;
  let at = skipWhitespace(text, 0);
  if (text.charCodeAt(at) !== OPEN_ARRAY) return undefined;
  const bounds: number[] = [];
  let itemStart = at + 1;
  let depth = 1;
  for (at++; at < length; at++) {
    const code = text.charCodeAt(at);
    if (code === QUOTE) {
      at = stringEnd(text, at);
      if (at < 0) return undefined;
    } else if (code === OPEN_ARRAY || code === OPEN_OBJECT) {
      depth++;
    } else if (code === CLOSE_ARRAY || code === CLOSE_OBJECT) {
      depth--;
      if (depth === 0) {
        if (code !== CLOSE_ARRAY) return undefined;
        // `[]` and `[ ]` hold no item; any other blank item (`[1,]`) is an error for the full parse.
        const blank = skipWhitespace(text, itemStart) === at;
        if (blank && bounds.length > 0) return undefined;
        if (!blank) bounds.push(itemStart, at);
        return skipWhitespace(text, at + 1) === length ? bounds : undefined;
      }
    } else if (code === COMMA && depth === 1) {
      if (skipWhitespace(text, itemStart) === at) return undefined;
      bounds.push(itemStart, at);
      itemStart = at + 1;
    }
  }
  return undefined;
}

/** The index of the quote that closes the string opened at `open`, or -1 when none does. */
function stringEnd(text: string, open: number): number {
  let quote = text.indexOf('"', open + 1);
  while (quote >= 0) {
    // Escaped when an odd number of backslashes precede it.
    let backslashes = 0;
    while (text.charCodeAt(quote - 1 - backslashes) === BACKSLASH) backslashes++;
    if (backslashes % 2 === 0) return quote;
    quote = text.indexOf('"', quote + 1);
  }
  return -1;
}

/** The first index at or after `from` that is not JSON whitespace (space, tab, line feed, carriage return). */
function skipWhitespace(text: string, from: number): number {
  let at = from;
  for (let code = text.charCodeAt(at); code === 32 || code === 10 || code === 13 || code === 9; code = text.charCodeAt(at)) at++;
  return at;
}

/**
 * `jsonArrayItems` on the text's UTF-8 bytes: the same bounds, in bytes, so each item can be
 * decoded on its own (file-bytes.ts says why). Every character the scan looks at is ASCII, and an
 * ASCII byte is that character wherever it is, so the two scans agree (a test checks that they
 * do); an item's bytes always start and end at a whole character. Kept apart from the text scan
 * on purpose: one loop shared through `codeAt` / `indexOf` callbacks took 250-300 ms instead of
 * 140-200 ms on the 60 MB benchmark file, both finding quotes with `indexOf` (its call sites see
 * both kinds of input).
 */
export function jsonArrayItemBytes(bytes: Uint8Array): number[] | undefined {
  const length = bytes.length;
  let at = skipWhitespaceBytes(bytes, 0);
  if (bytes[at] !== OPEN_ARRAY) return undefined;
  const bounds: number[] = [];
  let itemStart = at + 1;
  let depth = 1;
  for (at++; at < length; at++) {
    const code = bytes[at];
    if (code === QUOTE) {
      at = stringEndBytes(bytes, at);
      if (at < 0) return undefined;
    } else if (code === OPEN_ARRAY || code === OPEN_OBJECT) {
      depth++;
    } else if (code === CLOSE_ARRAY || code === CLOSE_OBJECT) {
      depth--;
      if (depth === 0) {
        if (code !== CLOSE_ARRAY) return undefined;
        const blank = skipWhitespaceBytes(bytes, itemStart) === at;
        if (blank && bounds.length > 0) return undefined;
        if (!blank) bounds.push(itemStart, at);
        return skipWhitespaceBytes(bytes, at + 1) === length ? bounds : undefined;
      }
    } else if (code === COMMA && depth === 1) {
      if (skipWhitespaceBytes(bytes, itemStart) === at) return undefined;
      bounds.push(itemStart, at);
      itemStart = at + 1;
    }
  }
  return undefined;
}

/**
 * The index of the byte that closes the string opened at `open`, or -1 when none does. A loop,
 * not `indexOf`: a Buffer's `indexOf` is a call into C++ per string, and most strings here are a
 * few bytes long (220 ms against 110 ms for the 60 MB file's 7.5 million strings).
 */
function stringEndBytes(bytes: Uint8Array, open: number): number {
  const length = bytes.length;
  for (let at = open + 1; at < length; at++) {
    const code = bytes[at];
    if (code === QUOTE) return at;
    // An escape's second byte is never the closing quote (`\"`, `\\`); a multi-byte character
    // has no byte below 0x80, so skipping one byte of one is harmless.
    if (code === BACKSLASH) at++;
  }
  return -1;
}

function skipWhitespaceBytes(bytes: Uint8Array, from: number): number {
  let at = from;
  for (let code = bytes[at]; code === 32 || code === 10 || code === 13 || code === 9; code = bytes[at]) at++;
  return at;
}

/** What `jsonArrayItemChunks` found once its chunks are read. */
export interface ChunkedArrayScan {
  /**
   * True when the chunks were `[ item, … ]` with only whitespace after it, every item yielded;
   * false when the scan stopped at something else (the text is then not that, see
   * `jsonArrayItems`). Read after the iteration ends.
   */
  complete: boolean;
}

/**
 * `jsonArrayItemBytes` over a file read a chunk at a time: yields each item's bytes as soon as the
 * chunk that ends it is read, so a 60 MB file is imported without ever being in memory whole.
 * A yielded item is valid only until the next chunk is read (it may be a view of a reused
 * chunk), and an item cut by a chunk boundary is copied out whole. Stops at the first thing the
 * whole scan would reject, with `scan.complete` false; the caller then reads the file whole,
 * which reports the error.
 */
export function* jsonArrayItemChunks(chunks: Iterable<Uint8Array>, scan: ChunkedArrayScan): Generator<Uint8Array, void, undefined> {
  scan.complete = false;
  const state = new ChunkScanState();
  for (const chunk of chunks) {
    scanChunk(state, chunk);
    yield* state.items;
    if (state.rejected) return;
  }
  scan.complete = state.closed;
}

/** Where a chunked scan stands between two chunks, and the items the last chunk ended. */
class ChunkScanState {
  opened = false;
  closed = false;
  rejected = false;
  depth = 0;
  inString = false;
  /** Inside a string, the previous chunk ended on an unpaired backslash. */
  escaped = false;
  /** The current item has something besides whitespace. */
  itemHasContent = false;
  itemCount = 0;
  /** The items the last chunk ended. */
  items: Uint8Array[] = [];
  /** The bytes of an item begun in an earlier chunk. */
  carry = new Uint8Array(0);
  carried = 0;

  keep(part: Uint8Array): void {
    if (this.carried + part.length > this.carry.length) {
      const grown = new Uint8Array(Math.max(2 * this.carry.length, this.carried + part.length, 1 << 16));
      grown.set(this.carry.subarray(0, this.carried));
      this.carry = grown;
    }
    this.carry.set(part, this.carried);
    this.carried += part.length;
  }

  /** Item bytes from `itemStart` in this chunk (or from the carry) to `end`. */
  addItem(chunk: Uint8Array, itemStart: number, end: number): void {
    this.itemCount++;
    if (this.carried === 0) {
      this.items.push(chunk.subarray(itemStart, end));
      return;
    }
    this.keep(chunk.subarray(0, end));
    // A copy: the carry is reused for the item this chunk's end begins.
    this.items.push(this.carry.slice(0, this.carried));
    this.carried = 0;
  }
}

/**
 * Scans one chunk, leaving in `state.items` the items it ends. A plain function called once per
 * chunk, not the generator's own loop: V8 does not optimise a loop inside a generator it resumes,
 * and the scan ran 3x slower there (272 ms against ~90 ms for the 60 MB benchmark file).
 */
function scanChunk(state: ChunkScanState, chunk: Uint8Array): void {
  state.items = [];
  const length = chunk.length;
  let at = 0;
  if (state.closed) {
    if (skipWhitespaceBytes(chunk, 0) < length) state.rejected = true;
    return;
  }
  if (!state.opened) {
    at = skipWhitespaceBytes(chunk, 0);
    if (at === length) return;
    if (chunk[at] !== OPEN_ARRAY) {
      state.rejected = true;
      return;
    }
    state.opened = true;
    state.depth = 1;
    at++;
  }
  let { depth, inString, escaped, itemHasContent } = state;
  /** Where the current item starts in this chunk (0 when it began in an earlier one). */
  let itemStart = at;
  for (; at < length; at++) {
    if (inString) {
      if (escaped) {
        escaped = false;
        continue;
      }
      for (; at < length; at++) {
        const code = chunk[at];
        if (code === QUOTE) break;
        if (code === BACKSLASH) {
          if (at + 1 === length) escaped = true;
          at++;
        }
      }
      if (at >= length) break;
      inString = false;
      continue;
    }
    const code = chunk[at] as number;
    if (code === 32 || code === 10 || code === 13 || code === 9) continue;
    if (code === COMMA && depth === 1) {
      if (!itemHasContent) {
        state.rejected = true;
        return;
      }
      state.addItem(chunk, itemStart, at);
      itemHasContent = false;
      itemStart = at + 1;
      continue;
    }
    if ((code === CLOSE_ARRAY || code === CLOSE_OBJECT) && depth === 1) {
      // `[]` holds no item; any other blank item (`[1,]`) is an error for the full parse.
      if (code !== CLOSE_ARRAY || (!itemHasContent && state.itemCount > 0)) {
        state.rejected = true;
        return;
      }
      if (itemHasContent) state.addItem(chunk, itemStart, at);
      state.closed = true;
      if (skipWhitespaceBytes(chunk, at + 1) < length) state.rejected = true;
      return;
    }
    itemHasContent = true;
    if (code === QUOTE) inString = true;
    else if (code === OPEN_ARRAY || code === OPEN_OBJECT) depth++;
    else if (code === CLOSE_ARRAY || code === CLOSE_OBJECT) depth--;
  }
  if (itemStart < length) state.keep(chunk.subarray(itemStart));
  state.depth = depth;
  state.inString = inString;
  state.escaped = escaped;
  state.itemHasContent = itemHasContent;
}

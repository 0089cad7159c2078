import type { InputFile } from './importer.js';

// Decodes as Node's `readFile(path, 'utf8')` and `Buffer#toString('utf8')` do, which the CLI used
// before files carried bytes: a byte-order mark stays a character (TextDecoder drops it unless
// told not to) and each invalid sequence becomes U+FFFD (WHATWG decoding in both).
const utf8 = new TextDecoder('utf-8', { ignoreBOM: true });

export function decodeUtf8(bytes: Uint8Array): string {
  return utf8.decode(bytes);
}

/** Files made by `inputFileFromBytes` or `inputFileFromReader` whose `text` has not been read yet. */
const undecoded = new WeakSet<InputFile>();
/** Files made by `inputFileFromReader` whose `bytes` have not been read whole yet. */
const unread = new WeakMap<InputFile, FileReader>();
/** The longest start of a reader's file read so far (`startBytes`), and whether it is the whole file. */
const starts = new WeakMap<InputFile, { bytes: Uint8Array; whole: boolean }>();
const START_BYTES = 1 << 16;

/**
 * A file whose `text` is decoded from `bytes` when first read, then kept. Until then, importers
 * that can work on the bytes do (`undecodedBytes`): a 60 MB tutorial file decoded whole is a
 * 60 MB string (two, once flattened) that only lives to be cut into its flows.
 */
export function inputFileFromBytes(path: string, bytes: Uint8Array, location?: string): InputFile {
  return undecodedFile(path, () => bytes, location);
}

/**
 * Reads one file, from its start, when asked to (the CLI reads from disk). Both methods throw a
 * `FileReadError` when the file cannot be read (removed since it was listed): the file is then
 * reported as unreadable and the others are still imported.
 */
export interface FileReader {
  /** The whole file. */
  readAll(): Uint8Array;
  /**
   * The file from its start, a chunk at a time. A chunk is valid only until the next one is asked
   * for (a reader may fill one buffer again and again); ending the iteration early closes the file.
   */
  chunks(): Iterable<Uint8Array>;
}

/** A file given by a reader could not be read; the message says why in a person's words (`permission denied`). */
export class FileReadError extends Error {
  override name = 'FileReadError';
}

/**
 * A file read only when something asks: `bytes` (and `text`, decoded from them) read it whole,
 * once; until then the tutorial importer reads a top-level array a chunk at a time
 * (`streamJsonArray`) and the sniffs read its start (`startBytes`). On the 500k-step benchmark the
 * 60 MB buffer of a whole read cost more than reading: 15,000 fresh pages for the kernel to map
 * (0.2 s here), where chunks refill one.
 */
export function inputFileFromReader(path: string, reader: FileReader, location?: string): InputFile {
  let bytes: Uint8Array | undefined;
  const file = undecodedFile(
    path,
    () => {
      if (bytes === undefined) {
        bytes = reader.readAll();
        unread.delete(file);
      }
      return bytes;
    },
    location,
  );
  unread.set(file, reader);
  return file;
}

function undecodedFile(path: string, readBytes: () => Uint8Array, location: string | undefined): InputFile {
  let text: string | undefined;
  const file: InputFile = {
    path,
    get bytes(): Uint8Array {
      return readBytes();
    },
    ...(location === undefined ? {} : { location }),
    get text(): string {
      if (text === undefined) {
        text = decodeUtf8(readBytes());
        undecoded.delete(file);
      }
      return text;
    },
  };
  undecoded.add(file);
  return file;
}

/**
 * The file's bytes while its text has not been decoded: what `text` would be decoded from. Once
 * the text exists (or for a file given as text, or a copy `{ ...file, text }`), undefined: the
 * text is read instead, so one file is never read both ways. A file given by a reader is read
 * whole here.
 */
export function undecodedBytes(file: InputFile): Uint8Array | undefined {
  return undecoded.has(file) ? file.bytes : undefined;
}

/** The reader of a file given by one, while it has been read neither whole nor as text. */
export function undecodedReader(file: InputFile): FileReader | undefined {
  return undecoded.has(file) ? unread.get(file) : undefined;
}

/**
 * The first `length` bytes of the file (all of it when shorter) while its text has not been
 * decoded, without reading a file given by a reader whole; undefined once the text exists.
 */
export function startBytes(file: InputFile, length: number): Uint8Array | undefined {
  if (!undecoded.has(file)) return undefined;
  const reader = unread.get(file);
  if (reader === undefined) return (file.bytes as Uint8Array).subarray(0, length);
  // The blank check and each importer's detection ask in turn: the file is opened once for them.
  const known = starts.get(file);
  if (known !== undefined && (known.bytes.length >= length || known.whole)) return known.bytes.subarray(0, length);
  // At least the start every sniff asks about (the snapshot check looks at 12 KB), in one read.
  const wanted = Math.max(length, START_BYTES);
  const start = new Uint8Array(wanted);
  let filled = 0;
  for (const chunk of reader.chunks()) {
    const part = chunk.subarray(0, wanted - filled);
    start.set(part, filled);
    filled += part.length;
    if (filled === wanted) break;
  }
  const bytes = start.subarray(0, filled);
  starts.set(file, { bytes, whole: filled < wanted });
  return bytes.subarray(0, length);
}

import type { InputFile } from './importer.js';

// Decodes as Node's `readFile(path, 'utf8')` and `Buffer#toString('utf8')` do, which the CLI used
// before files carried bytes: a byte-order mark stays a character (TextDecoder drops it unless
// told not to) and each invalid sequence becomes U+FFFD (WHATWG decoding in both).
const utf8 = new TextDecoder('utf-8', { ignoreBOM: true });

export function decodeUtf8(bytes: Uint8Array): string {
  return utf8.decode(bytes);
}

/** Files made by `inputFileFromBytes` whose `text` has not been read yet. */
const undecoded = new WeakSet<InputFile>();

/**
 * A file whose `text` is decoded from `bytes` when first read, then kept. Until then, importers
 * that can work on the bytes do (`undecodedBytes`): a 60 MB tutorial file decoded whole is a
 * 60 MB string (two, once flattened) that only lives to be cut into its flows.
 */
export function inputFileFromBytes(path: string, bytes: Uint8Array, location?: string): InputFile {
  let text: string | undefined;
  const file: InputFile = {
    path,
    bytes,
    ...(location === undefined ? {} : { location }),
    get text(): string {
      if (text === undefined) {
        text = decodeUtf8(bytes);
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
 * text is read instead, so one file is never read both ways.
 */
export function undecodedBytes(file: InputFile): Uint8Array | undefined {
  return undecoded.has(file) ? file.bytes : undefined;
}

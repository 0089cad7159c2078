import { decodeUtf8, startBytes, undecodedBytes } from './file-bytes.js';
import type { InputFile } from './importer.js';

// What runs on every file before its importer (the registry's blank check, detection) asks only
// about the start of the text or one ASCII word in it. These answer from the bytes when the text
// is not decoded yet, so detecting a 60 MB tutorial file does not decode it, and from its start
// alone where they can, so a file given by a reader is not read whole. Each answers exactly what
// the same question on `file.text` answers.

/** How much of a file's start the sniffs read first; more when that is all whitespace. */
const FIRST_LOOK = 4096;

/** `file.text.slice(0, length)`. */
export function textStart(file: InputFile, length: number): string {
  const bytes = startBytes(file, 3 * length + 3);
  if (bytes === undefined) return file.text.slice(0, length);
  // Every 3 bytes decode to at least one UTF-16 unit (a 4-byte sequence to two, an invalid
  // sequence of up to 3 bytes to one U+FFFD), so 3 * length whole bytes give `length` units;
  // 3 more cover a sequence the cut splits, whose decoding may differ.
  return decodeUtf8(bytes).slice(0, length);
}

/** `file.text.trim() === ''`. */
export function isBlank(file: InputFile): boolean {
  for (let length = FIRST_LOOK; ; length *= 8) {
    const bytes = startBytes(file, length);
    if (bytes === undefined) return file.text.trim() === '';
    let at = 0;
    while (at < bytes.length) {
      const byte = bytes[at] as number;
      if (byte === 32 || (byte >= 9 && byte <= 13)) at++;
      else if (byte === 0xef && bytes[at + 1] === 0xbb && bytes[at + 2] === 0xbf)
        at += 3; // a byte-order mark
      else break;
    }
    const more = bytes.length === length;
    if (at >= bytes.length) {
      if (!more) return true;
      continue;
    }
    // A byte-order mark the cut may split is read again, whole.
    if (more && at > bytes.length - 3) continue;
    // Another character `trim` drops (a no-break space, U+3000…) is rare enough to decode for.
    return (bytes[at] as number) < 0x80 ? false : file.text.trim() === '';
  }
}

/** `file.text.includes(needle)`. */
export function includesText(file: InputFile, needle: string): boolean {
  const bytes = undecodedBytes(file);
  // An ASCII byte always decodes to itself (invalid sequences end before it), so an ASCII needle
  // is in the text exactly where its bytes are; any other needle is looked for in the text.
  if (bytes === undefined || !isAscii(needle)) return file.text.includes(needle);
  if (needle === '') return true;
  const first = needle.charCodeAt(0);
  for (let at = bytes.indexOf(first); at !== -1; at = bytes.indexOf(first, at + 1)) {
    let matched = 1;
    while (matched < needle.length && bytes[at + matched] === needle.charCodeAt(matched)) matched++;
    if (matched === needle.length) return true;
  }
  return false;
}

/** Whether the text's first character after JSON whitespace (space, tab, line feed, carriage return) is the ASCII `character`. */
export function opensWith(file: InputFile, character: string): boolean {
  const code = character.charCodeAt(0);
  for (let length = FIRST_LOOK; ; length *= 8) {
    const bytes = startBytes(file, length);
    if (bytes === undefined) {
      const text = file.text;
      let at = 0;
      for (let c = text.charCodeAt(0); c === 32 || c === 10 || c === 13 || c === 9; c = text.charCodeAt(at)) at++;
      return text.charCodeAt(at) === code;
    }
    let at = 0;
    for (let b = bytes[0]; b === 32 || b === 10 || b === 13 || b === 9; b = bytes[at]) at++;
    if (at < bytes.length || bytes.length < length) return bytes[at] === code;
  }
}

function isAscii(text: string): boolean {
  for (let at = 0; at < text.length; at++) if (text.charCodeAt(at) > 0x7f) return false;
  return true;
}

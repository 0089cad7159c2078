import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { type ChunkedArrayScan, jsonArrayItemBytes, jsonArrayItemChunks, jsonArrayItems } from '../../src/importers/json-array-items.js';

/** Each item parsed on its own, or undefined when the scan refused the text or an item does not parse. */
function itemByItem(text: string): unknown[] | undefined {
  const bounds = jsonArrayItems(text);
  if (bounds === undefined) return undefined;
  try {
    return Array.from({ length: bounds.length / 2 }, (_, i) => JSON.parse(text.slice(bounds[2 * i], bounds[2 * i + 1])));
  } catch {
    return undefined;
  }
}

function parsed(text: string): { ok: true; value: unknown } | { ok: false } {
  try {
    return { ok: true, value: JSON.parse(text) };
  } catch {
    return { ok: false };
  }
}

/** JSON texts of arrays in several layouts, strings with quotes, backslashes and brackets included. */
const arrayText = fc
  .tuple(
    fc.array(fc.jsonValue({ maxDepth: 3 }), { maxLength: 6 }),
    fc.constantFrom(undefined, 1, 2, '\t'),
    fc.constantFrom('', ' ', '\n', ' \r\n\t'),
  )
  .map(([items, indent, around]) => `${around}${JSON.stringify(items, null, indent)}${around}`);

const unicodeArray = fc
  .tuple(
    fc.array(fc.jsonValue({ maxDepth: 3, stringUnit: 'grapheme' }), { maxLength: 5 }),
    fc.constantFrom(undefined, 2),
    fc.constantFrom('', ' \n'),
  )
  .map(([items, indent, around]) => `${around}${JSON.stringify(items, null, indent)}${around}`);

/** Arrays with one character inserted anywhere, multi-byte ones included. */
const mutatedUnicode = fc
  .tuple(fc.oneof(arrayText, unicodeArray), fc.nat(), fc.constantFrom('', ',', '[', ']', '}', '"', '\\', 'é', '日本', '😀', '\uFEFF'))
  .map(([text, at, insert]) => {
    // Inserted between UTF-16 units of one character it would make a lone surrogate, which UTF-8 cannot hold.
    const chars = [...text];
    const index = chars.length === 0 ? 0 : at % chars.length;
    return [...chars.slice(0, index), insert, ...chars.slice(index)].join('');
  });

describe('[U] jsonArrayItems', () => {
  it('splits a top-level array into its items, whatever they hold', () => {
    const text = ' [ {"a": "x,]}\\"["}, [1, [2]] ,"\\\\", 3 ]\n';
    expect(itemByItem(text)).toEqual([{ a: 'x,]}"[' }, [1, [2]], '\\', 3]);
    expect(itemByItem('[]')).toEqual([]);
    expect(itemByItem('[ \n ]')).toEqual([]);
  });

  it('refuses what is not one array of non-empty items', () => {
    for (const text of ['{"a": [1]}', '[1,,2]', '[1,]', '[,1]', '[1] x', '[1]]', '[1}', '["a]', '', '1']) {
      expect(jsonArrayItems(text), text).toBeUndefined();
    }
  });

  it('gives the items JSON.parse gives, for arrays in any layout (JSON.parse as the oracle)', () => {
    fc.assert(
      fc.property(arrayText, (text) => {
        expect(itemByItem(text)).toEqual(parsed(text).ok ? JSON.parse(text) : undefined);
      }),
      { numRuns: 1000 },
    );
  });

  it('never passes a text JSON.parse rejects: some item fails or the scan refuses (mutated JSON as the oracle)', () => {
    const mutated = fc
      .tuple(arrayText, fc.nat(), fc.constantFrom('', ',', '[', ']', '{', '}', '"', ':', '\\', '\n', '0', 'x'), fc.boolean())
      .map(([text, at, insert, remove]) => {
        const index = text.length === 0 ? 0 : at % text.length;
        return text.slice(0, index) + insert + text.slice(remove ? index + 1 : index);
      });
    fc.assert(
      fc.property(mutated, (text) => {
        const whole = parsed(text);
        const items = itemByItem(text);
        if (!whole.ok) expect(items).toBeUndefined();
        else if (Array.isArray(whole.value) && items !== undefined) expect(items).toEqual(whole.value);
      }),
      { numRuns: 3000 },
    );
  });

  it('finds the same items in the UTF-8 bytes as in the text, multi-byte characters included (the text scan as the oracle)', () => {
    fc.assert(
      fc.property(mutatedUnicode, (text) => {
        const bytes = new TextEncoder().encode(text);
        const byteBounds = jsonArrayItemBytes(bytes);
        const textBounds = jsonArrayItems(text);
        if (textBounds === undefined) {
          expect(byteBounds).toBeUndefined();
          return;
        }
        const decoder = new TextDecoder('utf-8', { ignoreBOM: true });
        expect(byteBounds?.length).toBe(textBounds.length);
        for (let i = 0; i < textBounds.length; i += 2) {
          expect(decoder.decode(bytes.subarray(byteBounds?.[i], byteBounds?.[i + 1]))).toBe(text.slice(textBounds[i], textBounds[i + 1]));
        }
      }),
      { numRuns: 2000 },
    );
  });

  it('finds the same items in a file read a chunk at a time, cut anywhere (the whole-bytes scan as the oracle)', () => {
    const cuts = fc.array(fc.nat(), { maxLength: 12 });
    fc.assert(
      fc.property(fc.oneof(mutatedUnicode, arrayText), cuts, fc.boolean(), (text, cutAt, bytewise) => {
        const bytes = new TextEncoder().encode(text);
        const expected = jsonArrayItemBytes(bytes);
        const scan: ChunkedArrayScan = { complete: false };
        const items: string[] = [];
        const decoder = new TextDecoder('utf-8', { ignoreBOM: true });
        for (const item of jsonArrayItemChunks(reusedBufferChunks(bytes, bytewise ? everyByte(bytes) : cutAt), scan))
          items.push(decoder.decode(item));
        expect(scan.complete).toBe(expected !== undefined);
        if (expected === undefined) return;
        const wanted: string[] = [];
        for (let i = 0; i < expected.length; i += 2) wanted.push(decoder.decode(bytes.subarray(expected[i], expected[i + 1])));
        expect(items).toEqual(wanted);
      }),
      { numRuns: 3000 },
    );
  });

  it('stops reading at the first thing the whole scan refuses', () => {
    let read = 0;
    const chunks = function* () {
      for (const part of ['[1, 2', ',,', '3]']) {
        read++;
        yield new TextEncoder().encode(part);
      }
    };
    const scan: ChunkedArrayScan = { complete: true };
    expect([...jsonArrayItemChunks(chunks(), scan)].length).toBe(2);
    expect(scan.complete).toBe(false);
    expect(read).toBe(2);
  });
});

/** Every cut point: a chunk per byte. */
function everyByte(bytes: Uint8Array): number[] {
  return Array.from({ length: bytes.length }, (_, at) => at);
}

/** The bytes cut at `cutAt` (taken modulo the length), each chunk copied into one buffer reused for all, as a disk reader does. */
function* reusedBufferChunks(bytes: Uint8Array, cutAt: readonly number[]): Generator<Uint8Array> {
  const cuts = [...new Set(cutAt.map((at) => (bytes.length === 0 ? 0 : at % bytes.length)))].sort((a, b) => a - b);
  const buffer = new Uint8Array(bytes.length);
  let start = 0;
  for (const end of [...cuts, bytes.length]) {
    if (end <= start) continue;
    buffer.fill(0xff);
    buffer.set(bytes.subarray(start, end));
    yield buffer.subarray(0, end - start);
    start = end;
  }
}

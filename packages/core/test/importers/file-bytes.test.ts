import fc from 'fast-check';
import { describe, expect, it, vi } from 'vitest';
import {
  FileReadError,
  type FileReader,
  inputFileFromBytes,
  inputFileFromReader,
  undecodedBytes,
  undecodedReader,
} from '../../src/importers/file-bytes.js';
import type { InputFile } from '../../src/importers/importer.js';
import { importFile } from '../../src/importers/registry.js';
import { includesText, isBlank, opensWith, textStart } from '../../src/importers/text-sniff.js';
import { withStepObjects } from '../../src/importers/unit-objects.js';
import { generateTutorialOrg } from './tutorial-fixture.js';

const encode = (text: string) => new TextEncoder().encode(text);

/** The file as the CLI read it before files carried bytes: `readFile(path, 'utf8')`, which is `Buffer#toString`. */
const asText = (path: string, bytes: Uint8Array): InputFile => ({ path, text: Buffer.from(bytes).toString('utf8') });

const imported = (file: InputFile) => withStepObjects(importFile(file, { substitutions: {} }));

/** Counts reads of the file's `text`, still decoding it when read. */
function countTextReads(file: InputFile): { readonly reads: number } {
  const spy = vi.spyOn(file, 'text', 'get');
  return {
    get reads() {
      return spy.mock.calls.length;
    },
  };
}

const fragment = fc.constantFrom('Main', ' menu', 'é', '日本', '😀', '"', '\\', '\n', '\t', 'x,]}[{', '\u2028', '\u00a0', '/');
const label = fc.array(fragment, { maxLength: 4 }).map((parts) => parts.join(''));
const flow = fc.oneof(
  fc.record({
    id: fc.oneof(label, fc.nat({ max: 9 })),
    name: label,
    type: fc.constantFrom('inboundcall', 'inqueuecall', 'commonmodule'),
    version: fc.constantFrom('1.0', 2),
    metadata: fc.record({ status: fc.constantFrom('published', 'draft') }),
    definition: fc.array(fc.tuple(label, fc.constantFrom('start', 'menu', 'task', 'transfer'), label), { maxLength: 4 }).map((steps) => ({
      nodes: Object.fromEntries(steps.map(([id, type, name], at) => [`${id}${at}`, { type, name }])),
      transitions: steps
        .slice(1)
        .map(([id], at) => ({ id: `t${at}`, from: `${steps[at]?.[0]}${at}`, to: `${id}${at + 1}`, condition: 'next' })),
    })),
  }),
  // Flows the schema rejects, so issues are compared too.
  fc.constantFrom({ name: 'no id', definition: { nodes: {} } }, { id: 'f', definition: 'none' }, 7, 'flow'),
);

/** Tutorial files as UTF-8 bytes: any layout, escaped or raw characters, a BOM, broken JSON, invalid UTF-8. */
const tutorialBytes = fc
  .record({
    flows: fc.array(flow, { maxLength: 4 }),
    indent: fc.constantFrom(undefined, 2, '\t'),
    around: fc.constantFrom('', ' \n', '\r\n\t'),
    escapeNonAscii: fc.boolean(),
    bom: fc.boolean(),
    broken: fc.option(fc.tuple(fc.nat(), fc.constantFrom(',', ']', '{', '"', 'x', '\\', '\u00a0'))),
    invalidByte: fc.option(fc.tuple(fc.nat(), fc.constantFrom(0xff, 0xc3, 0xe6))),
  })
  .map(({ flows, indent, around, escapeNonAscii, bom, broken, invalidByte }) => {
    let text = JSON.stringify(flows, null, indent);
    if (escapeNonAscii) text = text.replace(/[\u0080-\uffff]/g, (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`);
    if (broken !== null) {
      const at = broken[0] % (text.length + 1);
      text = text.slice(0, at) + broken[1] + text.slice(at);
    }
    const bytes = encode(`${bom ? '\uFEFF' : ''}${around}${text}${around}`);
    if (invalidByte === null) return bytes;
    const at = invalidByte[0] % (bytes.length + 1);
    return Uint8Array.from([...bytes.subarray(0, at), invalidByte[1], ...bytes.subarray(at)]);
  });

describe('[U] files given as bytes', () => {
  it('decode their text on first read, as Node reads a file as UTF-8 (a BOM kept, invalid bytes replaced)', () => {
    const bytes = Uint8Array.from([0xef, 0xbb, 0xbf, 0x5b, 0xff, 0x22, 0xc3, 0xa9, 0xf0, 0x9f, 0x98, 0x80, 0xe6, 0x97, 0x22, 0x5d]);
    const file = inputFileFromBytes('a.json', bytes, '/work/a.json');
    expect(undecodedBytes(file)).toBe(bytes);
    expect(file.text).toBe(Buffer.from(bytes).toString('utf8'));
    expect(file.text).toBe('\uFEFF[\uFFFD"é😀\uFFFD"]');
    expect(undecodedBytes(file)).toBeUndefined();
    expect(file).toMatchObject({ path: 'a.json', location: '/work/a.json' });
    // A copy with its own text is read as text: its bytes may no longer be what it says.
    expect(undecodedBytes({ ...inputFileFromBytes('b.json', bytes), text: '[]' })).toBeUndefined();
  });

  it('answer the sniffs as their text does, without decoding it (the text as the oracle)', () => {
    const bytesOf = fc.oneof(
      tutorialBytes,
      fc.string({ unit: 'grapheme', maxLength: 40 }).map(encode),
      fc.uint8Array({ maxLength: 40 }),
      fc
        .array(
          fc.constantFrom(' ', '\n', '\t', '\r', '\v', '\f', '\uFEFF', '\u00a0', '\u3000', '{', '[', 'é', '"flowgraph-snapshot"', '\\u'),
          {
            maxLength: 8,
          },
        )
        .map((parts) => encode(parts.join(''))),
    );
    fc.assert(
      fc.property(bytesOf, fc.nat({ max: 50 }), (bytes, length) => {
        const text = asText('a.json', bytes);
        const fresh = () => inputFileFromBytes('a.json', bytes);
        const file = fresh();
        expect(textStart(file, length)).toBe(text.text.slice(0, length));
        for (const needle of ['flowgraph-snapshot', '\\u', '']) expect(includesText(file, needle), needle).toBe(text.text.includes(needle));
        for (const character of ['{', '[']) expect(opensWith(file, character)).toBe(opensWith(text, character));
        expect(undecodedBytes(file)).toBe(bytes);
        // A needle that is not ASCII is looked for in the text.
        expect(includesText(file, 'é')).toBe(text.text.includes('é'));
        expect(isBlank(fresh())).toBe(text.text.trim() === '');
      }),
      { numRuns: 2000 },
    );
  });

  it('import as the same unit as their text, tutorial files of any content (the text as the oracle)', () => {
    fc.assert(
      fc.property(tutorialBytes, fc.constantFrom('org.json', 'org.yaml'), (bytes, path) => {
        expect(imported(inputFileFromBytes(path, bytes))).toStrictEqual(imported(asText(path, bytes)));
      }),
      { numRuns: 1000 },
    );
  });

  it('import as the same unit as their text: empty, blank, BOM-only and broken files', () => {
    for (const text of [
      '',
      ' \n\t',
      '\uFEFF',
      '\uFEFF \n',
      '\u00a0',
      '[',
      '[{"id": "a", "definition": {"nodes": {}}},]',
      '\uFEFF[]',
      '[1,,2]',
      '{}',
    ]) {
      const bytes = encode(text);
      expect(imported(inputFileFromBytes('org.json', bytes)), JSON.stringify(text)).toStrictEqual(imported(asText('org.json', bytes)));
    }
  });

  it('import a tutorial file flow by flow from its bytes, never reading its text', () => {
    const text = generateTutorialOrg(30, 12).replaceAll('Step ', 'Étape 日本 😀 ');
    const file = inputFileFromBytes('org.json', encode(text));
    const reads = countTextReads(file);
    const unit = imported(file);
    expect(reads.reads).toBe(0);
    expect(unit.issues).toEqual([]);
    expect(unit.nodes.filter((node) => node.kind === 'flow')).toHaveLength(30);
    expect(unit).toStrictEqual(imported({ path: 'org.json', text }));
  });

  it('read the text when the array does not parse, for the syntax error with its line and column', () => {
    const file = inputFileFromBytes(
      'org.json',
      encode('[\n{"id": "a", "name": "é", "definition": {"nodes": {}}},\n{"id": "b" "definition": {}}\n]'),
    );
    const text = countTextReads(file);
    const unit = imported(file);
    expect(text.reads).toBeGreaterThan(0);
    expect(unit.issues.map((issue) => issue.message)).toEqual([expect.stringMatching(/^invalid JSON at line 3, column 12: /)]);
  });
});

/** A reader over `bytes`, cut at `cutAt` (modulo the length), each chunk copied into one reused buffer as a disk reader does; counts what is read. */
function countingReader(
  bytes: Uint8Array,
  cutAt: readonly number[] = [],
): FileReader & { wholeReads: number; chunkReads: number; open: number; opens: number } {
  const cuts = [...new Set(cutAt.map((at) => (bytes.length === 0 ? 0 : at % bytes.length)))].sort((a, b) => a - b);
  const reader = {
    wholeReads: 0,
    opens: 0,
    chunkReads: 0,
    open: 0,
    readAll() {
      reader.wholeReads++;
      return bytes.slice();
    },
    *chunks() {
      reader.open++;
      reader.opens++;
      const buffer = new Uint8Array(bytes.length);
      try {
        let start = 0;
        for (const end of [...cuts, bytes.length]) {
          if (end <= start) continue;
          buffer.fill(0xff);
          buffer.set(bytes.subarray(start, end));
          reader.chunkReads++;
          yield buffer.subarray(0, end - start);
          start = end;
        }
      } finally {
        reader.open--;
      }
    },
  };
  return reader;
}

function firstAfterBlanksIsNotAscii(bytes: Uint8Array): boolean {
  let at = 0;
  for (;;) {
    const byte = bytes[at];
    if (byte === 32 || (byte !== undefined && byte >= 9 && byte <= 13)) at++;
    else if (byte === 0xef && bytes[at + 1] === 0xbb && bytes[at + 2] === 0xbf) at += 3;
    else return byte !== undefined && byte >= 0x80;
  }
}

describe('[U] files given by a reader', () => {
  const cuts = fc.array(fc.nat(), { maxLength: 8 });

  it('read whole only when their bytes or text are asked for', () => {
    const bytes = encode('[{"id": "é"}]');
    const reader = countingReader(bytes, [3]);
    const file = inputFileFromReader('a.json', reader, '/work/a.json');
    expect(undecodedReader(file)).toBe(reader);
    expect(file).toMatchObject({ path: 'a.json', location: '/work/a.json' });
    expect(reader.wholeReads).toBe(0);
    expect(file.text).toBe('[{"id": "é"}]');
    expect(file.bytes).toEqual(bytes);
    expect(reader.wholeReads).toBe(1);
    expect(undecodedReader(file)).toBeUndefined();
    expect(undecodedBytes(file)).toBeUndefined();
  });

  it('answer the sniffs as their text does, reading only their start (the text as the oracle)', () => {
    const bytesOf = fc.oneof(
      tutorialBytes,
      fc.uint8Array({ maxLength: 40 }),
      // Long blank starts, so the sniffs read more than their first look.
      fc
        .tuple(fc.constantFrom(' ', '\n', '\uFEFF', '\u00a0'), fc.nat({ max: 20_000 }), fc.constantFrom('', '[', '{', 'é', '\uFEFF'))
        .map(([blank, count, after]) => encode(blank.repeat(count) + after)),
    );
    fc.assert(
      fc.property(bytesOf, cuts, fc.nat({ max: 50 }), (bytes, cutAt, length) => {
        const text = asText('a.json', bytes);
        const reader = countingReader(bytes, cutAt);
        const fresh = () => inputFileFromReader('a.json', reader);
        expect(textStart(fresh(), length)).toBe(text.text.slice(0, length));
        for (const character of ['{', '[']) expect(opensWith(fresh(), character)).toBe(opensWith(text, character));
        const blank = text.text.trim() === '';
        expect(isBlank(fresh())).toBe(blank);
        // A file whose first byte after blanks is not ASCII (a no-break space?) is decoded whole, as from bytes.
        if (!firstAfterBlanksIsNotAscii(bytes)) expect(reader.wholeReads).toBe(0);
        expect(reader.open).toBe(0);
        expect(includesText(fresh(), 'flowgraph-snapshot')).toBe(text.text.includes('flowgraph-snapshot'));
      }),
      { numRuns: 500 },
    );
  });

  it('import as the same unit as their text, read in chunks cut anywhere (the text as the oracle)', () => {
    fc.assert(
      fc.property(tutorialBytes, cuts, fc.constantFrom('org.json', 'org.yaml'), (bytes, cutAt, path) => {
        const reader = countingReader(bytes, cutAt);
        expect(imported(inputFileFromReader(path, reader))).toStrictEqual(imported(asText(path, bytes)));
        expect(reader.open).toBe(0);
      }),
      { numRuns: 1000 },
    );
  });

  it('import as the same unit as their text: empty, blank, broken and cut-short files', () => {
    for (const text of [
      '',
      ' \n\t',
      '\uFEFF[]',
      '[',
      '[{"id": "a", "definition": {"nodes": {}}},]',
      '[1,,2]',
      '{}',
      '[] x',
      '[{"definition": {}}',
      '[{"id": "a", "definition": {"nodes": {}}}] ]',
    ]) {
      const bytes = encode(text);
      for (const cutAt of [[], [1], [2, 5, 9]]) {
        expect(imported(inputFileFromReader('org.json', countingReader(bytes, cutAt))), JSON.stringify(text)).toStrictEqual(
          imported(asText('org.json', bytes)),
        );
      }
    }
  });

  it('import a tutorial file a chunk at a time, never reading it whole', () => {
    const text = generateTutorialOrg(30, 12).replaceAll('Step ', 'Étape 日本 😀 ');
    const bytes = encode(text);
    const reader = countingReader(
      bytes,
      Array.from({ length: 40 }, (_, at) => at * 997),
    );
    const file = inputFileFromReader('org.json', reader);
    const reads = countTextReads(file);
    const unit = imported(file);
    expect(reader.wholeReads).toBe(0);
    expect(reads.reads).toBe(0);
    expect(reader.open).toBe(0);
    // Once for the blank check and the sniffs, once to detect it, once to import it.
    expect(reader.opens).toBe(3);
    expect(unit.issues).toEqual([]);
    expect(unit.nodes.filter((node) => node.kind === 'flow')).toHaveLength(30);
    expect(unit).toStrictEqual(imported({ path: 'org.json', text }));
  });

  it('read the whole text when the array turns out broken at its end, for the syntax error with its line and column', () => {
    const reader = countingReader(encode('[\n{"id": "a", "name": "é", "definition": {"nodes": {}}}\n] x'), [10]);
    const unit = imported(inputFileFromReader('org.json', reader));
    expect(reader.wholeReads).toBe(1);
    expect(unit).toStrictEqual({
      file: 'org.json',
      format: 'unknown',
      nodes: [],
      edges: [],
      references: [],
      issues: [{ file: 'org.json', message: expect.stringMatching(/^invalid JSON at line 3, column 3: /), severity: 'error' }],
    });
  });

  it('that can no longer be read are reported on that file, at whatever stage the read fails', () => {
    const text = generateTutorialOrg(30, 12);
    const gone = new FileReadError('no such file or folder');
    const failingAfter = (chunksRead: number): FileReader => ({
      readAll() {
        throw gone;
      },
      *chunks() {
        const bytes = encode(text);
        for (let at = 0, read = 0; at < bytes.length; at += 4096, read++) {
          if (read === chunksRead) throw gone;
          yield bytes.subarray(at, at + 4096);
        }
      },
    });
    // Before the blank check, during detection (past the first look), during the import.
    for (const chunksRead of [0, 1, 5]) {
      const unit = importFile(inputFileFromReader('org.json', failingAfter(chunksRead)), { substitutions: {} });
      expect(unit.issues, String(chunksRead)).toEqual([
        { file: 'org.json', message: 'cannot read: no such file or folder', severity: 'error' },
      ]);
      expect(unit.nodes).toEqual([]);
    }
  });
});

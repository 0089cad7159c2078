import fc from 'fast-check';
import { describe, expect, it, vi } from 'vitest';
import { inputFileFromBytes, undecodedBytes } from '../../src/importers/file-bytes.js';
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

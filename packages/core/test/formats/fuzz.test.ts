import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { parse as parseYaml, stringify as stringifyYaml } from 'yaml';
import { importArchitectExport } from '../../src/importers/architect-export/index.js';
import { importArchyYaml } from '../../src/importers/archy-yaml/index.js';
import type { InputFile } from '../../src/importers/importer.js';
import { corpusFiles, fixtureFiles, isYamlPath } from './corpus.js';

// A few files of each kind keep the run short on two shared cores; without the corpus, the project's fixtures.
const corpus = corpusFiles();
const seeds = corpus.length > 0 ? corpus.filter((_, index) => index % 7 === 0) : fixtureFiles();

const WRONG_VALUES: unknown[] = [null, 42, true, 'text', [], {}, [[[[]]]], { actions: 'not a list' }, 'x'.repeat(10_000)];

/** Replaces one value somewhere in the parsed document (picked by `choice`) with a wrong type. */
function replaceSomewhere(document: unknown, choice: number, replacement: unknown): unknown {
  const holders: Array<{ parent: Record<string, unknown> | unknown[]; key: string | number }> = [];
  const stack: unknown[] = [document];
  while (stack.length > 0 && holders.length < 5_000) {
    const value = stack.pop();
    const entries: Array<[string | number, unknown]> = Array.isArray(value)
      ? value.map((item, index) => [index, item])
      : typeof value === 'object' && value !== null
        ? Object.entries(value)
        : [];
    for (const [key, item] of entries) {
      holders.push({ parent: value as Record<string, unknown>, key });
      stack.push(item);
    }
  }
  const holder = holders[choice % Math.max(holders.length, 1)];
  if (!holder) return replacement;
  (holder.parent as Record<string | number, unknown>)[holder.key] = replacement;
  return document;
}

type Mutation =
  | { kind: 'truncate'; at: number }
  | { kind: 'bytes'; at: number; bytes: string }
  | { kind: 'nesting'; depth: number; open: string }
  | { kind: 'huge'; at: number; length: number }
  | { kind: 'wrongType'; choice: number; value: unknown };

const fraction = fc.double({ min: 0, max: 1, noNaN: true });
const mutation: fc.Arbitrary<Mutation> = fc.oneof(
  fc.record({ kind: fc.constant('truncate' as const), at: fraction }),
  fc.record({ kind: fc.constant('bytes' as const), at: fraction, bytes: fc.string({ unit: 'binary', maxLength: 64 }) }),
  fc.record({
    kind: fc.constant('nesting' as const),
    depth: fc.integer({ min: 100, max: 5_000 }),
    open: fc.constantFrom('[', '{a: ', '- ', '{"a":'),
  }),
  fc.record({ kind: fc.constant('huge' as const), at: fraction, length: fc.integer({ min: 10_000, max: 300_000 }) }),
  fc.record({ kind: fc.constant('wrongType' as const), choice: fc.nat(), value: fc.constantFrom(...WRONG_VALUES) }),
);

function mutate(file: InputFile, change: Mutation): InputFile {
  const text = file.text;
  const cut = (at: number) => Math.floor(at * text.length);
  switch (change.kind) {
    case 'truncate':
      return { ...file, text: text.slice(0, cut(change.at)) };
    case 'bytes':
      return { ...file, text: text.slice(0, cut(change.at)) + change.bytes + text.slice(cut(change.at)) };
    case 'nesting':
      return { ...file, text: change.open.repeat(change.depth) + text };
    case 'huge':
      return { ...file, text: `${text.slice(0, cut(change.at))}${'Ω'.repeat(change.length)}${text.slice(cut(change.at))}` };
    case 'wrongType': {
      const yaml = isYamlPath(file.path);
      try {
        const document = yaml ? parseYaml(text) : JSON.parse(file.path.endsWith('.json') ? text : decodeURIComponent(atob(text)));
        const changed = replaceSomewhere(document, change.choice, structuredClone(change.value));
        return { ...file, text: yaml ? stringifyYaml(changed) : JSON.stringify(changed) };
      } catch {
        return file; // templated YAML does not parse raw: the other mutations cover it
      }
    }
  }
}

describe('[U] importers under mutation (fast-check)', () => {
  it('never throw, always name the file, and do work linear in the input size', () => {
    let runs = 0;
    let maxVisitsPerChar = 0;
    fc.assert(
      fc.property(fc.constantFrom(...seeds), mutation, (seed, change) => {
        const file = mutate(seed, change);
        // Called directly, not through the registry, which would turn a throw into an issue.
        const { unit, visits } = isYamlPath(file.path) ? importArchyYaml(file, { substitutions: {} }) : importArchitectExport(file);
        expect(unit.file).toBe(file.path);
        for (const issue of unit.issues) expect(issue.file).toBe(file.path);
        // A structural bound, not a clock: every walk visits each parsed value a small number of times.
        expect(visits).toBeLessThanOrEqual(10 * file.text.length + 1_000);
        runs += 1;
        maxVisitsPerChar = Math.max(maxVisitsPerChar, visits / Math.max(file.text.length, 1));
      }),
      { numRuns: 120, seed: 20261126 },
    );
    console.log(
      `\nMutation fuzz: ${runs} runs over ${seeds.length} corpus files, 0 throws, at most ${maxVisitsPerChar.toFixed(2)} visits per input character`,
    );
  });
});

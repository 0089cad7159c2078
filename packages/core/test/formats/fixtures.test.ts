import { describe, expect, it } from 'vitest';
import type { ImportUnit } from '../../src/importers/importer.js';
import { importFile } from '../../src/importers/registry.js';
import { fixtureFiles } from './corpus.js';
import { comparableNames, errorsOf, scorePair, stepGraph } from './measures.js';

// The project's own fixtures take the code paths the real corpus takes (tests that need the
// corpus skip in a clone without it): one flow as YAML, as an encoded export and as its decoded JSON.
const YAML = 'callback-offer/Callback Offer.yaml';
const EXPORTED = 'callback-offer/Callback Offer.i3InboundFlow';
const DECODED = `${EXPORTED}.decoded.json`;

describe('[U] project flow fixtures', () => {
  const units = new Map<string, ImportUnit>(fixtureFiles().map((file) => [file.path, importFile(file, { substitutions: {} })]));

  it('imports every fixture as one flow, without errors', () => {
    expect(units.size).toBeGreaterThanOrEqual(4);
    for (const unit of units.values()) {
      expect(unit.format, unit.file).not.toBe('unknown');
      expect(errorsOf(unit), unit.file).toEqual([]);
      expect(
        unit.nodes.filter((node) => node.kind === 'flow'),
        unit.file,
      ).toHaveLength(1);
    }
    expect(units.get(YAML)!.format).toBe('archy-yaml');
    expect(units.get(EXPORTED)!.format).toBe('architect-export');
    expect(units.get(DECODED)!.format).toBe('architect-export');
  });

  it('reads an encoded export and its decoded JSON the same way', () => {
    const decoded = fixtureFiles().find((file) => file.path === DECODED)!;
    expect(importFile({ path: EXPORTED, text: decoded.text }, { substitutions: {} })).toEqual(units.get(EXPORTED));
  });

  it('finds in the YAML what the export manifest lists', () => {
    const score = scorePair(comparableNames(units.get(YAML)!.references), comparableNames(units.get(EXPORTED)!.references));
    expect(score).toMatchObject({ found: 3, expected: 3, extra: [] });
  });

  it('gives the YAML and the export one step graph: a nested path that runs out goes on after the enclosing action', () => {
    const yaml = stepGraph(units.get(YAML)!);
    expect(stepGraph(units.get(EXPORTED)!)).toEqual(yaml);
    expect(yaml.transitions).toEqual([
      '(entry) --> known caller?',
      'known caller? --> offer callback',
      'known caller? -yes-> look up customer',
      'look up customer --> offer callback',
      'look up customer -success-> offer callback',
      'offer callback --> to support',
    ]);
  });
});

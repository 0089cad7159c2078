import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { jsonErrorOffset } from '../../src/importers/json-error-offset.js';

function parses(text: string): boolean {
  try {
    JSON.parse(text);
    return true;
  } catch {
    return false;
  }
}

describe('[U] jsonErrorOffset', () => {
  it('finds the first bad character of common mistakes', () => {
    expect(jsonErrorOffset('[1, 2,]')).toBe(6);
    expect(jsonErrorOffset('{"a": 1,}')).toBe(8);
    expect(jsonErrorOffset('{"a" 1}')).toBe(5);
    expect(jsonErrorOffset('{"a": "b\nc"}')).toBe(8);
    expect(jsonErrorOffset('[1] x')).toBe(4);
    expect(jsonErrorOffset('')).toBe(0);
    expect(jsonErrorOffset('x')).toBe(0);
    expect(jsonErrorOffset('"\\q"')).toBe(2);
    expect(jsonErrorOffset('{"a": [true, null, -1.5e3, "\\u00e9"]}')).toBe(-1);
  });

  it('agrees with JSON.parse on whether a text is valid (mutated JSON as the oracle)', () => {
    const mutated = fc
      .tuple(fc.json({ maxDepth: 4 }), fc.nat(), fc.constantFrom('', ',', ']', '}', '"', ':', '\\', '\n', '0', 'x', ' '), fc.boolean())
      .map(([text, at, insert, remove]) => {
        const index = text.length === 0 ? 0 : at % text.length;
        return text.slice(0, index) + insert + text.slice(remove ? index + 1 : index);
      });
    fc.assert(
      fc.property(mutated, (text) => {
        expect(jsonErrorOffset(text) === -1).toBe(parses(text));
      }),
      { numRuns: 2000 },
    );
  });
});

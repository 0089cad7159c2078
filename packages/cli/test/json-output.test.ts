import { describe, expect, it } from 'vitest';
import { writeJson } from '../src/render/json-output.js';

function written(value: Record<string, unknown>, pretty = false): { text: string; chunks: string[] } {
  const chunks: string[] = [];
  writeJson({ write: (chunk: string) => chunks.push(chunk) }, value, pretty);
  return { text: chunks.join(''), chunks };
}

describe('[U] writeJson', () => {
  it('writes exactly what one JSON.stringify would, undefined items as null and undefined keys left out', () => {
    const value = { summary: { flows: 2 }, empty: [], skipped: undefined, mixed: [undefined, 1, null, 'x', [2], { a: 'b' }], last: 'end' };
    expect(written(value).text).toBe(`${JSON.stringify(value)}\n`);
    expect(written({}).text).toBe('{}\n');
  });

  it('streams a large array in chunks of about 32k characters, never the whole text at once', () => {
    // ~7 MB of cycles-like items of uneven size: many slices, each sized from the one before.
    const items = Array.from({ length: 20_000 }, (_, index) => ({
      scope: index % 7 === 0 ? 'org' : 'flow',
      members: Array.from({ length: 1 + (index % 13) }, (_, member) => `flow-${index}:step-${member}-${'x'.repeat(index % 50)}`),
    }));
    const value = { cycles: items, findings: items.slice(0, 3), imports: { steps: 1 } };
    const { text, chunks } = written(value);
    expect(text).toBe(`${JSON.stringify(value)}\n`);
    expect(chunks.length).toBeGreaterThan(100);
    // Small enough to stay out of V8's large-object space (which a full collection alone frees).
    expect(Math.max(...chunks.map((chunk) => chunk.length))).toBeLessThan(3 * 2 ** 15);
  });

  it('indents for a terminal', () => {
    expect(written({ a: [1] }, true).text).toBe('{\n  "a": [\n    1\n  ]\n}\n');
  });
});

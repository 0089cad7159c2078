import { describe, expect, it } from 'vitest';
import type { Importer } from '../../src/importers/importer.js';
import { IMPORTERS, importFiles } from '../../src/importers/registry.js';
import { withStepObjects } from '../../src/importers/unit-objects.js';

const tutorialFlow = {
  id: 'f',
  name: 'F',
  version: '1',
  metadata: { status: 'published' },
  definition: { nodes: { a: { type: 'start', name: 'A' } }, transitions: [] },
};

describe('[U] importFiles', () => {
  it('lists the snapshot importer before the lenient tutorial one', () => {
    expect(IMPORTERS.slice(0, 2).map((importer) => importer.format)).toEqual(['snapshot', 'tutorial-json']);
  });

  it('reads each file with the importer that recognises it', () => {
    const units = importFiles([
      { path: 'a.json', text: JSON.stringify([tutorialFlow]) },
      {
        path: 'b.json',
        text: JSON.stringify({
          format: 'flowgraph-snapshot',
          version: 1,
          source: { kind: 'file' },
          fetchedAt: 'now',
          flows: [],
          consumedResources: {},
          errors: [],
        }),
      },
    ]);
    expect(units.map((unit) => [unit.file, unit.format, withStepObjects(unit).nodes.length, unit.issues.length])).toEqual([
      ['a.json', 'tutorial-json', 2, 0],
      ['b.json', 'snapshot', 0, 0],
    ]);
  });

  it('turns empty, invalid and unrecognised files into one issue each, never a crash', () => {
    const units = importFiles([
      { path: 'empty.json', text: '  \n' },
      { path: 'broken.json', text: '{\n  "flows": [1, 2,]\n}' },
      { path: 'notes.txt', text: 'hello' },
      { path: 'config.json', text: '{"theme": "dark"}' },
    ]);
    expect(units.map((unit) => [unit.format, unit.issues.map((issue) => `${issue.file}: ${issue.message}`)])).toEqual([
      ['unknown', ['empty.json: the file is empty']],
      ['unknown', ["broken.json: invalid JSON at line 2, column 18: Unexpected token ']'"]],
      ['unknown', [expect.stringMatching(/^notes\.txt: not a recognised flow file \(expected a Flowgraph snapshot/)]],
      ['unknown', [expect.stringMatching(/^config\.json: not a recognised flow file/)]],
    ]);
  });

  it('reads a tutorial array flow by flow, and reports a later broken flow as the invalid JSON it is, at its line', () => {
    const good = JSON.stringify(tutorialFlow);
    const [whole, broken] = importFiles([
      { path: 'two.json', text: `[${good},\n${JSON.stringify({ ...tutorialFlow, id: 'g' })}]` },
      { path: 'broken.json', text: `[${good},\n{"id": "g",}]` },
    ]);
    expect(whole?.format).toBe('tutorial-json');
    expect(whole?.nodes.filter((node) => node.kind === 'flow').map((node) => node.id)).toEqual(['f', 'g']);
    // The same answer as for any JSON file that does not parse: no flow of it is imported.
    expect([broken?.format, broken?.nodes.length, broken?.issues.map((issue) => issue.message)]).toEqual([
      'unknown',
      0,
      ['invalid JSON at line 2, column 12: Expected double-quoted property name'],
    ]);
  });

  it('reports an importer that throws and goes on with the next file', () => {
    const throwing: Importer = {
      format: 'fragile',
      detect: (file) => file.path.endsWith('.frag'),
      parse: () => {
        throw new Error('boom');
      },
    };
    const units = importFiles(
      [
        { path: 'x.frag', text: 'data' },
        { path: 'y.json', text: JSON.stringify([tutorialFlow]) },
      ],
      {},
      [throwing, ...IMPORTERS],
    );
    expect(units[0]?.issues).toEqual([{ file: 'x.frag', message: 'the fragile importer failed: boom', severity: 'error' }]);
    expect(units[1] && withStepObjects(units[1]).nodes).toHaveLength(2);
  });
});

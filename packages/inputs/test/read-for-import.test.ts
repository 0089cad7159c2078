import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { type InputFile, loadGraph } from '@flowgraph/core';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { collectInputFiles, STREAMED_FILE_BYTES } from '../src/collect-files.js';

/** A tutorial-style file of `flows` flows with `steps` steps in a loop each: about 110 bytes a step. */
function tutorialOrg(flows: number, steps: number): string {
  return JSON.stringify(
    Array.from({ length: flows }, (_, flow) => ({
      id: `flow-${flow}`,
      name: `Flow ${flow} — é 日本`,
      definition: {
        nodes: Object.fromEntries(
          Array.from({ length: steps }, (_, step) => [`s${step}`, { type: 'task', name: `Step ${step} of flow ${flow}` }]),
        ),
        transitions: Array.from({ length: steps }, (_, step) => ({ from: `s${step}`, to: `s${(step + 1) % steps}`, condition: 'next' })),
      },
    })),
    null,
    1,
  );
}

const YAML =
  'inboundCall:\n  name: Small\n  startUpRef: ./menus/menu[Main]\n  menus:\n    - menu:\n        name: Main\n        refId: Main\n';

describe('[U] input files read for an import', () => {
  let folder: string;
  beforeEach(async () => {
    folder = await mkdtemp(join(tmpdir(), 'flowgraph-inputs-'));
    await writeFile(join(folder, 'org.json'), tutorialOrg(60, 200));
    await writeFile(join(folder, 'small.yaml'), YAML);
  });
  afterEach(async () => {
    await rm(folder, { recursive: true, force: true });
  });

  /** What an import gives, as plain values: every node and edge, the issues and the summary. */
  const imported = (files: readonly InputFile[]) => {
    const { graph, issues, summary } = loadGraph(files);
    return { nodes: [...graph.nodes.values()], edges: graph.edges, issues, summary };
  };

  it('import as their text does, a large file read a chunk at a time', async () => {
    const big = await readFile(join(folder, 'org.json'), 'utf8');
    expect(Buffer.byteLength(big)).toBeGreaterThan(STREAMED_FILE_BYTES);
    const files = await collectInputFiles(['.'], folder);
    expect(files.map((file) => file.path).sort()).toEqual(['org.json', 'small.yaml']);
    const asText = await Promise.all(
      files.map(async (file) => ({ path: file.path, text: await readFile(join(folder, file.path), 'utf8') })),
    );
    const loaded = imported(files);
    expect(loaded.nodes.filter((node) => node.kind === 'flow')).toHaveLength(61);
    expect(loaded.issues.filter((issue) => issue.severity === 'error')).toEqual([]);
    expect(loaded).toStrictEqual(imported(asText));
  });

  it('read a large file only when it is imported, and report it unreadable, the others imported, when it has gone by then', async () => {
    const files = await collectInputFiles(['.'], folder);
    await rm(join(folder, 'org.json'));
    await rm(join(folder, 'small.yaml'));
    const loaded = imported(files);
    expect(loaded.issues.filter((issue) => issue.severity === 'error')).toEqual([
      { file: 'org.json', message: 'cannot read: no such file or folder', severity: 'error' },
    ]);
    // A small file is read when it is collected.
    expect(loaded.nodes.filter((node) => node.kind === 'flow').map((node) => node.name)).toEqual(['Small']);
  });
});

import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parse } from '@cdktf/hcl2json';
import { type FilesResponse, isFlowFileName, loadGraph, parseGraphResponse } from '@flowgraph/core';
import { describe, expect, it } from 'vitest';
import { CORPUS_DIR, filesBelow, reportSkip } from '../../../testing/shared-data.js';
import { loadPicked, type PickedFile } from '../src/files/local-org.js';

if (CORPUS_DIR === undefined) reportSkip('the real flow corpus opened in the page', 'FLOWGRAPH_CORPUS_DIR');

/** The corpus folder as "Open folder…" hands it over: every file, paths below the folder's parent. */
function pickedCorpus(root: string): PickedFile[] {
  return filesBelow(root).map((path) => ({ path: `archy/${path}`, text: async () => readFileSync(join(root, path), 'utf8') }));
}

describe.skipIf(CORPUS_DIR === undefined)('[I] the real flow corpus opened in the page', () => {
  it('reads every flow file into the same graph the CLI builds from them, each file accounted for', async () => {
    const picked = pickedCorpus(CORPUS_DIR!);
    const org = await loadPicked(picked, { parseHcl: (name, text) => parse(name, text) as Promise<unknown>, onProgress: () => {} });
    const files = org.answer('files', new URLSearchParams()).body as FilesResponse;
    const flowFiles = picked.filter((file) => isFlowFileName(file.path));
    expect(files.files).toHaveLength(flowFiles.length);
    expect(files.skipped).toBe(picked.length - flowFiles.length);
    const graph = parseGraphResponse(org.answer('graph', new URLSearchParams()).body);
    // The CLI's pipeline over the same texts in the same (path) order: the same flows.
    const inOrder = [...flowFiles].sort((a, b) => (a.path < b.path ? -1 : a.path > b.path ? 1 : 0));
    const cli = loadGraph(await Promise.all(inOrder.map(async (file) => ({ path: file.path, text: await file.text() })))).graph;
    const names = (nodes: Iterable<{ kind: string; type: string; name: string }>) =>
      [...nodes]
        .filter((node) => node.kind === 'flow')
        .map((node) => `${node.type} ${node.name}`)
        .sort();
    expect(names(graph.graph.nodes)).toEqual(names(cli.nodes.values()));
  });
});

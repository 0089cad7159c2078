import { filesResponseSchema, isFlowFileName, parseGraphResponse } from '@flowgraph/core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CORPUS_DIR, filesBelow, reportSkip } from '../../../testing/shared-data.js';
import { type ServedFiles, serveFiles } from '../src/serve-files.js';

if (CORPUS_DIR === undefined) reportSkip('flowgraph serve over the real flow corpus', 'FLOWGRAPH_CORPUS_DIR');

describe.skipIf(CORPUS_DIR === undefined)('[I] flowgraph serve over the real flow corpus', () => {
  let served: ServedFiles;
  beforeAll(async () => {
    served = await serveFiles({ inputs: ['.'], cwd: CORPUS_DIR!, watch: false, port: 0, log: () => {} });
  });
  afterAll(() => served.close());

  it('lists every flow file with what it gave; a broken one names itself, and the rest is served', async () => {
    const files = filesResponseSchema.parse(await (await fetch(`${served.url}/api/files`)).json());
    const graph = parseGraphResponse(await (await fetch(`${served.url}/api/graph`)).json());
    const expected = filesBelow(CORPUS_DIR!).filter(isFlowFileName);
    expect(files.files.map((file) => file.path).sort()).toEqual(expected);
    for (const file of files.files) {
      expect(file.format, file.path).not.toBe('');
      for (const issue of file.issues) expect(issue.file, file.path).toBe(file.path);
      expect(file.errors + file.warnings, file.path).toBe(file.issues.length);
    }
    // The graph's flows read from a file are exactly those the rows name: the Files panel accounts
    // for every one (the others are flows the files only call: missing from the files).
    const flows = graph.graph.nodes.filter((node) => node.kind === 'flow' && node.file !== undefined).map((node) => node.id);
    expect(new Set(files.files.flatMap((file) => file.flows.map((flow) => flow.id)))).toEqual(new Set(flows));
    expect(flows.length).toBeGreaterThan(100);
  });
});

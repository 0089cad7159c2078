import { join } from 'node:path';
import { parseGraphResponse } from '@flowgraph/core';
import { describe, expect, it, vi } from 'vitest';
import { runCli } from './helpers.js';

const repo = join(import.meta.dirname, '../../../e2e/fixtures/serve-repo');

describe('[I] flowgraph serve', () => {
  it('serves the files until interrupted, the templated flow filled from its Terraform', async () => {
    const controller = new AbortController();
    let stdout = '';
    const running = runCli(['serve', 'flows', '--substitutions', '.', '--port', '0', '--no-watch'], {
      cwd: repo,
      signal: controller.signal,
      stdout: { write: (chunk: string) => (stdout += chunk) },
    });
    await vi.waitFor(() => expect(stdout).toMatch(/serving http:\/\/127\.0\.0\.1:\d+/), { timeout: 20_000 });
    // The four flow files and the Terraform file that fills the templated one.
    expect(stdout).toMatch(/5 file\(s\), 4 flow\(s\)/);
    const url = /serving (http:\/\/\S+)/.exec(stdout)![1]!;
    const graph = parseGraphResponse(await (await fetch(`${url}/api/graph`)).json());
    expect(graph.graph.nodes.filter((node) => node.kind === 'flow').map((node) => node.name)).toContain('Support Line');
    controller.abort();
    expect((await running).code).toBe(0);
  });

  it('needs inputs, and names a path that does not exist', async () => {
    expect((await runCli(['serve'])).stderr).toMatch(/give the flow files or folders/);
    const missing = await runCli(['serve', 'no-such-folder', '--port', '0'], { cwd: repo });
    expect(missing.code).toBe(2);
    expect(missing.stderr).toMatch(/cannot read no-such-folder: no such file or folder/);
  });
});

import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import { parse } from '@cdktf/hcl2json';
import { AnalysisContext, type FilesResponse, type Focus, loadGraph, type Paths, parseGraphResponse, toExportGraph } from '@flowgraph/core';
import { describe, expect, it } from 'vitest';
import { ASK_THE_SERVER } from '../src/files/local-answer.js';
import { type LoadProgress, loadPicked, type PickedFile } from '../src/files/local-org.js';

const fixtures = join(import.meta.dirname, '../../../e2e/fixtures');

/** A folder as the browser hands it over: paths relative to the folder's parent, like `webkitRelativePath`. */
function picked(folder: string): PickedFile[] {
  const files: PickedFile[] = [];
  const pending = [join(fixtures, folder)];
  for (let dir = pending.pop(); dir !== undefined; dir = pending.pop()) {
    for (const name of readdirSync(dir)) {
      const path = join(dir, name);
      if (statSync(path).isDirectory()) pending.push(path);
      else files.push({ path: relative(fixtures, path), text: async () => readFileSync(path, 'utf8') });
    }
  }
  return files;
}

const parseHcl = (name: string, text: string) => parse(name, text) as Promise<unknown>;

describe('[I] files opened in the page (the worker’s loader)', () => {
  it('reads a CX-as-Code folder: the template is filled from its .tf, the README is skipped', async () => {
    const progress: LoadProgress[] = [];
    const org = await loadPicked(picked('serve-repo'), { parseHcl, onProgress: (event) => progress.push(event) });
    const graph = org.answer('graph', new URLSearchParams());
    expect(graph.status).toBe(200);
    const body = parseGraphResponse(graph.body);
    expect(body.source.kind).toBe('files');
    expect(
      body.graph.nodes
        .filter((node) => node.kind === 'flow')
        .map((node) => node.name)
        .sort(),
    ).toEqual(['Billing IVR', 'Main IVR', 'Payments IVR', 'Support Line']);
    const files = org.answer('files', new URLSearchParams()).body as FilesResponse;
    expect(files.skipped).toBe(1);
    expect(files.files.find((file) => file.path === 'serve-repo/flows/support.yaml')?.flows.map((flow) => flow.name)).toEqual([
      'Support Line',
    ]);
    expect(progress.map((event) => event.phase)).toEqual(['reading', 'terraform', 'importing', 'analysing']);
    const main = body.graph.nodes.find((node) => node.name === 'Main IVR')!;
    expect(org.answer(`flows/${encodeURIComponent(main.id)}/steps`, new URLSearchParams()).status).toBe(200);
    expect(org.answer('impact', new URLSearchParams({ node: main.id })).status).toBe(200);
    expect(org.answer('focus', new URLSearchParams({ node: 'nowhere' })).status).toBe(404);
    // The scoped diagrams (issue 8's focus and path views) work on opened files too.
    const focused = org.answer('focus', new URLSearchParams({ node: main.id, depth: '1', direction: 'down' })).body as Focus;
    expect(focused.nodes.map((node) => node.name)).toContain('Billing IVR');
    const payments = body.graph.nodes.find((node) => node.name === 'Payments IVR')!;
    const paths = org.answer('path', new URLSearchParams({ from: main.id, to: payments.id })).body as Paths;
    expect(paths.shortest).toBe(2);
  });

  it('over an org: a dropped flow replaces the org’s flow of the same name and type, and is marked', async () => {
    const org = loadGraph(
      picked('serve-repo')
        .filter((file) => file.path.endsWith('ivr.yaml'))
        .map((file) => ({ path: `org/${file.path}`, text: readFileSync(join(fixtures, file.path), 'utf8') })),
    ).graph;
    const base = toExportGraph(new AnalysisContext(org).org.graph);
    const payments = base.nodes.find((node) => node.name === 'Payments IVR')!;
    const dropped: PickedFile[] = [
      {
        path: 'change/payments-ivr.yaml',
        text: async () =>
          readFileSync(join(fixtures, 'serve-repo/flows/payments-ivr.yaml'), 'utf8').replace(
            '          - disconnect:',
            '          - transferToFlow:\n              name: Loop\n              targetFlow:\n                name: Main IVR\n          - disconnect:',
          ),
      },
    ];
    const local = await loadPicked(dropped, { parseHcl, onProgress: () => {}, over: { graph: base, label: 'Demo org' } });
    const files = local.answer('files', new URLSearchParams()).body as FilesResponse;
    expect(files.overlay).toMatchObject({
      base: 'Demo org',
      replaced: [payments.id],
      changed: [payments.id],
      added: [],
      cyclesIntroduced: 1,
    });
    const graph = parseGraphResponse(local.answer('graph', new URLSearchParams()).body);
    expect(graph.graph.nodes.filter((node) => node.kind === 'flow')).toHaveLength(3);
    // The org's own flows keep their steps on the server: the page asks it.
    const main = base.nodes.find((node) => node.name === 'Main IVR')!;
    const steps = local.answer(`flows/${encodeURIComponent(main.id)}/steps`, new URLSearchParams());
    expect(steps).toMatchObject({ status: 404, body: { error: { code: ASK_THE_SERVER } } });
  });
});

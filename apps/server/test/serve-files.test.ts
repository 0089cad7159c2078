import { cpSync, mkdirSync, mkdtempSync, readFileSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { request as httpRequest } from 'node:http';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { filesResponseSchema, type GraphResponse, healthSchema, parseGraphResponse, stepsResponseSchema } from '@flowgraph/core';
import type { Reload } from '../src/org/file-source.js';
import { type ServedFiles, serveFiles } from '../src/serve-files.js';
import { readProgress } from './sse.js';

const fixture = join(import.meta.dirname, '../../../e2e/fixtures/serve-repo');
const silent = () => {};

/** A copy of the fixture repository the test may edit, and a secret file beside it that must never be served. */
function workspace(): { dir: string; repo: string; outside: string } {
  const dir = mkdtempSync(join(tmpdir(), 'flowgraph-serve-'));
  const repo = join(dir, 'repo');
  cpSync(fixture, repo, { recursive: true });
  const outside = join(dir, 'outside');
  mkdirSync(outside);
  writeFileSync(
    join(outside, 'secret.yaml'),
    readFileSync(join(repo, 'flows', 'payments-ivr.yaml'), 'utf8').replace('Payments IVR', 'Secret IVR'),
  );
  return { dir, repo, outside };
}

const flowNames = (body: GraphResponse) =>
  body.graph.nodes
    .filter((node) => node.kind === 'flow' && node.state !== 'missing')
    .map((node) => node.name)
    .sort();

describe('[I] flowgraph serve over a folder', () => {
  let space: ReturnType<typeof workspace>;
  let served: ServedFiles;
  const reloads: Reload[] = [];
  const get = (path: string) => fetch(`${served.url}${path}`);
  const graph = async () => parseGraphResponse(await (await get('/api/graph')).json());
  const files = async () => filesResponseSchema.parse(await (await get('/api/files')).json());

  beforeAll(async () => {
    space = workspace();
    // A link to a file and one to a folder outside the inputs: both must be refused.
    symlinkSync(join(space.outside, 'secret.yaml'), join(space.repo, 'flows', 'linked-secret.yaml'));
    symlinkSync(space.outside, join(space.repo, 'flows', 'linked-folder'));
    served = await serveFiles({
      inputs: ['repo/flows'],
      cwd: space.dir,
      substitutions: ['repo'],
      port: 0,
      quietMs: 100,
      log: silent,
    });
    served.source.onReload((reload) => reloads.push(reload));
  });
  afterAll(async () => {
    await served.close();
    rmSync(space.dir, { recursive: true, force: true });
  });

  it('serves every flow of the folder, the templated one named by its Terraform substitutions', async () => {
    const body = await graph();
    expect(body.source.kind).toBe('files');
    expect(flowNames(body)).toEqual(['Billing IVR', 'Main IVR', 'Payments IVR', 'Support Line']);
    expect(body.graph.nodes.find((node) => node.name === 'Support')?.kind).toBe('resource');
    const health = healthSchema.parse(await (await get('/api/health')).json());
    expect(health).toMatchObject({ mode: 'files', crawl: { phase: 'done' } });
  });

  it('lists every input file with its format, flows and errors; refused links say why', async () => {
    const body = await files();
    const byPath = new Map(body.files.map((file) => [file.path, file]));
    expect(byPath.get('repo/flows/main-ivr.yaml')).toMatchObject({
      format: 'archy-yaml',
      errors: 0,
      flows: [{ name: 'Main IVR', type: 'INBOUNDCALL' }],
    });
    expect(byPath.get('repo/flows/support.yaml')?.flows.map((flow) => flow.name)).toEqual(['Support Line']);
    // The Terraform file that filled it is listed too (its problems would be there).
    expect(byPath.get('repo/main.tf')).toMatchObject({ format: 'terraform', flows: [], errors: 0 });
    for (const refused of ['repo/flows/linked-secret.yaml', 'repo/flows/linked-folder']) {
      expect(byPath.get(refused)?.issues[0]?.message).toMatch(/outside the inputs: refused/);
      expect(byPath.get(refused)?.flows).toEqual([]);
    }
    expect(JSON.stringify(await graph())).not.toContain('Secret IVR');
  });

  it('answers a flow’s steps from its own file', async () => {
    const main = (await graph()).graph.nodes.find((node) => node.name === 'Main IVR')!;
    const steps = stepsResponseSchema.parse(await (await get(`/api/flows/${encodeURIComponent(main.id)}/steps`)).json());
    expect(steps.graph.nodes.filter((node) => node.kind === 'step').map((node) => node.name)).toContain('To billing');
  });

  it('never takes a path: traversal in routes and static files reads nothing outside', async () => {
    const secret = 'Secret IVR';
    for (const path of [
      '/api/files?path=../outside/secret.yaml',
      '/api/flows/..%2F..%2Foutside%2Fsecret.yaml/steps',
      '/api/graph?file=/etc/passwd',
      '/..%2F..%2Foutside%2Fsecret.yaml',
      '/%2e%2e/%2e%2e/outside/secret.yaml',
      '/assets/..%2F..%2F..%2Foutside%2Fsecret.yaml',
    ]) {
      const response = await get(path);
      expect(response.status, path).toBeGreaterThanOrEqual(400);
      expect(response.status, path).toBeLessThan(500);
      expect(await response.text(), path).not.toContain(secret);
    }
    // A raw request path (fetch normalises `..` away before sending).
    const raw = await new Promise<{ status: number; body: string }>((resolve, reject) => {
      const request = httpRequest(`${served.url}/../../outside/secret.yaml`, { path: '/../../outside/secret.yaml' }, (response) => {
        let body = '';
        response.on('data', (chunk: Buffer) => (body += chunk.toString()));
        response.on('end', () => resolve({ status: response.statusCode ?? 0, body }));
      });
      request.on('error', reject);
      request.end();
    });
    expect(raw.status).toBeGreaterThanOrEqual(400);
    expect(raw.body).not.toContain(secret);
  });

  it('re-reads one file once for ten quick writes, and a closed transfer loop shows as a cycle', async () => {
    const events = readProgress(await get('/api/progress'), (seen) => seen.filter((event) => event.phase === 'done').length >= 2);
    const before = reloads.length;
    const file = join(space.repo, 'flows', 'payments-ivr.yaml');
    const text = readFileSync(file, 'utf8');
    const closing = text.replace(
      '          - disconnect:',
      '          - transferToFlow:\n              name: Back to main\n              targetFlow:\n                name: Main IVR\n          - disconnect:',
    );
    for (let write = 0; write < 10; write++) writeFileSync(file, write === 9 ? closing : `${text}# draft ${write}\n`);
    await vi.waitFor(() => expect(reloads.length).toBe(before + 1), { timeout: 5000 });
    expect(reloads.at(-1)!.reimported).toEqual(['repo/flows/payments-ivr.yaml']);
    const phases = (await events).map((event) => event.phase);
    expect(phases.at(-1)).toBe('done');
    const cycles = (await graph()).analysis.cycles.filter((cycle) => cycle.scope === 'org');
    expect(cycles).toHaveLength(1);
    expect(cycles[0]!.members).toHaveLength(3);
    // Quiet since: no second re-analysis arrives for the same burst.
    await new Promise((resolve) => setTimeout(resolve, 500));
    expect(reloads.length).toBe(before + 1);
  });

  it('keeps the last good version of a file that breaks, marked stale, with the error in /api/files', async () => {
    const file = join(space.repo, 'flows', 'billing-ivr.yaml');
    const before = reloads.length;
    writeFileSync(file, 'inboundCall:\n  name: Billing IVR\n  tasks: [ unclosed\n');
    await vi.waitFor(() => expect(reloads.length).toBe(before + 1), { timeout: 5000 });
    const body = await graph();
    expect(flowNames(body)).toContain('Billing IVR');
    expect(body.source.staleFlows?.map((flow) => flow.name)).toEqual(['Billing IVR']);
    const billing = (await files()).files.find((entry) => entry.path === 'repo/flows/billing-ivr.yaml')!;
    expect(billing.stale).toBeDefined();
    expect(billing.issues[0]).toMatchObject({ severity: 'error', file: 'repo/flows/billing-ivr.yaml' });
    expect(billing.issues[0]!.message).toMatch(/YAML/);
  });

  it('picks up an added file and drops a deleted one', async () => {
    const before = reloads.length;
    writeFileSync(
      join(space.repo, 'flows', 'new.yaml'),
      readFileSync(join(space.repo, 'flows', 'main-ivr.yaml'), 'utf8').replace('Main IVR', 'New IVR'),
    );
    await vi.waitFor(() => expect(reloads.length).toBe(before + 1), { timeout: 5000 });
    expect(flowNames(await graph())).toContain('New IVR');
    rmSync(join(space.repo, 'flows', 'new.yaml'));
    await vi.waitFor(() => expect(reloads.length).toBe(before + 2), { timeout: 5000 });
    expect(reloads.at(-1)!.removed).toEqual(['repo/flows/new.yaml']);
    expect(flowNames(await graph())).not.toContain('New IVR');
  });
});

import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { cleanOrg, runCli, tempFolder, tutorialFlow } from './helpers.js';
import { impactSchema } from '@flowgraph/core';

// Main Line -> Billing, plus two flows that share the name "Support".
const org = [
  ...cleanOrg,
  tutorialFlow('support-1', 'Support', { s: { type: 'task', name: 'Queue' } }, [['s', 'flow-main', 'transfer']]),
  tutorialFlow('support-2', 'Support', { s: { type: 'task', name: 'Queue' } }, []),
];

describe('[I] flowgraph impact', () => {
  let folder: Awaited<ReturnType<typeof tempFolder>>;
  beforeAll(async () => {
    folder = await tempFolder({ 'org.json': org });
  });
  afterAll(() => folder.cleanup());

  const impact = (...argv: string[]) => runCli(['impact', 'org.json', ...argv], { cwd: folder.dir });

  it('traces both directions with paths, by exact name in any case', async () => {
    const run = await impact('--node', 'main line', '--format', 'json');
    expect(run.code).toBe(0);
    const json = impactSchema.parse(JSON.parse(run.stdout));
    expect(json.node).toBe('flow-main');
    expect(json.downstream).toContainEqual({ id: 'flow-billing', depth: 1, path: ['flow-main', 'flow-billing'] });
    expect(json.upstream).toContainEqual({ id: 'support-1', depth: 1, path: ['support-1', 'flow-main'] });
  });

  it('limits the trace to one direction', async () => {
    const json = impactSchema.parse(JSON.parse((await impact('--node', 'flow-main', '--direction', 'down', '--format', 'json')).stdout));
    expect(json.upstream).toEqual([]);
    expect(json.downstream.map((entry) => entry.id)).toContain('flow-billing');
  });

  it('prints paths by name in text', async () => {
    const run = await impact('--node', 'flow-billing');
    expect(run.stdout).toMatch(/Upstream\s+2 nodes/);
    // Two flows are called Support: the id tells them apart.
    expect(run.stdout).toContain('Support (UNKNOWN, support-1) → Main Line → Billing');
  });

  it('exits 2 listing the candidates of an ambiguous name', async () => {
    const run = await impact('--node', 'support');
    expect(run.code).toBe(2);
    expect(run.stderr).toContain('matches 2 nodes');
    expect(run.stderr).toContain('support-1');
    expect(run.stderr).toContain('support-2');
  });

  it('exits 2 with close matches for an unknown node', async () => {
    const run = await impact('--node', 'Biling');
    expect(run.code).toBe(2);
    expect(run.stderr).toMatch(/did you mean:\n\s+flow-billing/);
  });
});

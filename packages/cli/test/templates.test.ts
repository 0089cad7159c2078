import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { runCli } from './helpers.js';
import { analysisReportSchema } from '@flowgraph/core';

// A CX-as-Code template (placeholders in a map key and in unquoted scalars) and the module it calls.
const fixtures = fileURLToPath(new URL('./fixtures/templated/', import.meta.url));
const inputs = ['caller.yaml', 'module.yaml'];

async function analyze(extra: string[]) {
  const run = await runCli(['analyze', ...inputs, '--format', 'json', ...extra], { cwd: fixtures });
  expect(run.code).toBe(0);
  return analysisReportSchema.parse(JSON.parse(run.stdout));
}

function codes(json: Awaited<ReturnType<typeof analyze>>): string[] {
  return json.findings.map((finding) => finding.code).sort();
}

describe('[I] flowgraph analyze on CX-as-Code templates', () => {
  it('reports placeholders without values as templated, unresolved references', async () => {
    const json = await analyze([]);
    expect(json.imports).toMatchObject({ templated: 3 });
    expect(codes(json)).toEqual(['templated-reference', 'templated-reference', 'templated-reference', 'unresolved-reference']);
  });

  it('fills placeholders from --set, so the module call resolves to the imported module', async () => {
    const json = await analyze([
      '--set',
      'flow_name=Main IVR',
      '--set',
      'common_module_name=Resolve Contact',
      '--set',
      'queue_name=Support',
    ]);
    expect(json.findings).toEqual([]);
    expect(json.deployment.waves).toHaveLength(2);
    expect(json.imports).toMatchObject({ templated: 0, unresolved: 0 });
  });

  it('fills placeholders from the substitutions map of a Terraform genesyscloud_flow resource', async () => {
    const json = await analyze(['--substitutions', 'substitutions.tf']);
    expect(json.findings).toEqual([]);
    expect(json.imports).toMatchObject({ templated: 0, unresolved: 0 });
  });

  it('exits 2 naming the file when the substitutions file cannot be read', async () => {
    const run = await runCli(['analyze', ...inputs, '--substitutions', 'missing.json'], { cwd: fixtures });
    expect(run.code).toBe(2);
    expect(run.stderr).toContain('missing.json');
  });
});

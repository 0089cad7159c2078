import { mkdir, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { cleanOrg, cyclicOrg, runCli, tempFolder } from './helpers.js';
import { analysisReportSchema } from '@flowgraph/core';

const examples = fileURLToPath(new URL('../../../examples/', import.meta.url));

describe('[I] flowgraph analyze', () => {
  it('analyses a folder recursively, reports a broken file and still analyses the rest', async () => {
    const { dir, cleanup } = await tempFolder({ 'good.json': cyclicOrg, 'broken.json': '{ "flows": [', 'notes.txt': 'not a flow' });
    try {
      await mkdir(join(dir, 'nested'));
      await mkdir(join(dir, 'node_modules'));
      await writeFile(join(dir, 'node_modules', 'ignored.json'), '{ nope');
      await writeFile(join(dir, 'nested', 'more.json'), JSON.stringify([{ ...cleanOrg[1], id: 'flow-sales', name: 'Sales' }]));
      const run = await runCli(['analyze', '.', '--format', 'json'], { cwd: dir });
      expect(run.code).toBe(0);
      const json = analysisReportSchema.parse(JSON.parse(run.stdout));
      expect(json.imports).toMatchObject({ files: { total: 3, failed: 1 } });
      expect(json.errors).toEqual([expect.objectContaining({ file: 'broken.json', severity: 'error' })]);
      expect(json.summary.flows).toBe(3);
      expect(json.cycles.find((cycle) => cycle.scope === 'org')?.members).toEqual(['flow-billing', 'flow-main']);
      expect(run.stderr).toContain('broken.json');
      expect(run.stderr).toContain('the rest was analysed');
    } finally {
      await cleanup();
    }
  });

  it('writes a text report with cycles by name, waves and findings', async () => {
    const { dir, cleanup } = await tempFolder({ 'org.json': cyclicOrg });
    try {
      const run = await runCli(['analyze', 'org.json'], { cwd: dir });
      expect(run.code).toBe(0);
      expect(run.stdout).toMatch(/files\s+1 \(tutorial-json 1\)/);
      expect(run.stdout).toContain('Billing → Main Line → Billing');
      expect(run.stdout).toContain('Main Line: Main Menu → Route → Main Menu');
      expect(run.stdout).toMatch(/Deployment\s+1 wave · blocked by a cycle/);
      expect(run.stdout).toMatch(/error\s+org-cycle/);
    } finally {
      await cleanup();
    }
  });

  it('reads files as UTF-8: names in any script, a BOM or a broken flow reported with its line and column', async () => {
    const names = cyclicOrg.map((flow, index) => ({ ...flow, name: ['Menü 日本', 'Billing 😀'][index] }));
    const { dir, cleanup } = await tempFolder({
      'org.json': names,
      'bom.json': `\uFEFF${JSON.stringify(cleanOrg)}`,
      'broken.json': '[\n{"id": "é", "definition": {"nodes": {}}},\n{"id": "b" "definition": {}}\n]',
    });
    try {
      const run = await runCli(['analyze', '.'], { cwd: dir });
      expect(run.stdout).toContain('Billing 😀 → Menü 日本 → Billing 😀');
      expect(run.stdout).toMatch(/bom\.json: invalid JSON at line 1, column 1/);
      expect(run.stdout).toMatch(/broken\.json: invalid JSON at line 3, column 12/);
    } finally {
      await cleanup();
    }
  });

  it('reads the example org and applies the version policy', async () => {
    const plain = analysisReportSchema.parse(JSON.parse((await runCli(['analyze', examples, '--format', 'json'])).stdout));
    const run = await runCli(['analyze', examples, '--format', 'json', '--target-version', '99.0']);
    const withPolicy = analysisReportSchema.parse(JSON.parse(run.stdout));
    expect(plain.summary.flows).toBeGreaterThan(0);
    expect(withPolicy.findings.length).toBeGreaterThan(plain.findings.length);
  });

  it('exits 2 naming an input that cannot be read', async () => {
    const run = await runCli(['analyze', 'no/such/flows.json']);
    expect(run.code).toBe(2);
    expect(run.stderr).toBe('flowgraph: cannot read no/such/flows.json: no such file or folder\n');
  });
});

describe('[I] flowgraph check', () => {
  it('exits 0 for a clean org', async () => {
    const { dir, cleanup } = await tempFolder({ 'org.json': cleanOrg });
    try {
      const run = await runCli(['check', 'org.json'], { cwd: dir });
      expect(run.code).toBe(0);
      expect(run.stdout).toMatch(/Deployment\s+2 waves · ok/);
    } finally {
      await cleanup();
    }
  });

  it('exits 1 on an org cycle, and on a step loop only with --strict', async () => {
    const { dir, cleanup } = await tempFolder({ 'cyclic.json': cyclicOrg, 'clean.json': cleanOrg });
    try {
      expect((await runCli(['check', 'cyclic.json'], { cwd: dir })).code).toBe(1);
      expect((await runCli(['check', 'clean.json', '--strict'], { cwd: dir })).code).toBe(1);
      const json = await runCli(['check', 'cyclic.json', '--format', 'json'], { cwd: dir });
      expect(json.code).toBe(1);
      expect(analysisReportSchema.parse(JSON.parse(json.stdout)).deployment.blocked).toBe(true);
    } finally {
      await cleanup();
    }
  });

  it('exits 2 naming a --substitutions file that cannot be read', async () => {
    const { dir, cleanup } = await tempFolder({ 'org.json': cleanOrg });
    try {
      const run = await runCli(['check', 'org.json', '--substitutions', 'vars.tf'], { cwd: dir });
      expect(run).toMatchObject({ code: 2, stderr: 'flowgraph: cannot read --substitutions vars.tf: no such file or folder\n' });
    } finally {
      await cleanup();
    }
  });
});

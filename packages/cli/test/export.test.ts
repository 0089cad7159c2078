import { chmod, open, readdir, readFile, stat, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { jsonExportSchema } from '@flowgraph/core';
import { describe, expect, it } from 'vitest';
import { cyclicOrg, runCli, tempFolder } from './helpers.js';

describe('[I] flowgraph export', () => {
  it('writes DOT to stdout and the same text to --out', async () => {
    const { dir, cleanup } = await tempFolder({ 'org.json': cyclicOrg });
    try {
      const printed = await runCli(['export', 'org.json', '--format', 'dot'], { cwd: dir });
      expect(printed.code).toBe(0);
      expect(printed.stdout).toMatch(/^(strict )?digraph/);
      expect(printed.stdout).toContain('Billing');
      const written = await runCli(['export', 'org.json', '--format', 'dot', '--out', 'graph.dot'], { cwd: dir });
      expect(written).toMatchObject({ code: 0, stdout: '' });
      expect(written.stderr).toContain('wrote graph.dot');
      expect(await readFile(join(dir, 'graph.dot'), 'utf8')).toBe(printed.stdout);
    } finally {
      await cleanup();
    }
  });

  it('replaces an existing --out file atomically: a reader of the old one keeps it whole, permissions stay, no temp file', async () => {
    const { dir, cleanup } = await tempFolder({ 'org.json': cyclicOrg });
    try {
      const out = join(dir, 'graph.dot');
      await writeFile(out, 'the previous export');
      await chmod(out, 0o640);
      const reader = await open(out, 'r');
      const run = await runCli(['export', 'org.json', '--format', 'dot', '--out', 'graph.dot'], { cwd: dir });
      expect(run.code).toBe(0);
      expect(await reader.readFile('utf8')).toBe('the previous export');
      await reader.close();
      expect(await readFile(out, 'utf8')).toMatch(/digraph/);
      expect((await stat(out)).mode & 0o777).toBe(0o640);
      expect((await readdir(dir)).sort()).toEqual(['graph.dot', 'org.json']);
    } finally {
      await cleanup();
    }
  });

  it('leaves steps out with --scope org', async () => {
    const { dir, cleanup } = await tempFolder({ 'org.json': cyclicOrg });
    try {
      const full = await runCli(['export', 'org.json', '--format', 'mermaid'], { cwd: dir });
      const org = await runCli(['export', 'org.json', '--format', 'mermaid', '--scope', 'org'], { cwd: dir });
      expect(full.stdout).toContain('Main Menu');
      expect(org.stdout).not.toContain('Main Menu');
      expect(org.stdout).toContain('Main Line');
    } finally {
      await cleanup();
    }
  });

  it("writes JSON in the contract's shape, with the analysis", async () => {
    const { dir, cleanup } = await tempFolder({ 'org.json': cyclicOrg });
    try {
      const run = await runCli(['export', 'org.json', '--format', 'json', '--scope', 'org'], { cwd: dir });
      const document = jsonExportSchema.parse(JSON.parse(run.stdout));
      expect(document.nodes.map((node) => node.id)).toEqual(['flow-billing', 'flow-main']);
      expect(document.analysis?.cycles.some((cycle) => cycle.scope === 'org')).toBe(true);
    } finally {
      await cleanup();
    }
  });

  it('exits 2 for an unknown format or an unwritable --out', async () => {
    const { dir, cleanup } = await tempFolder({ 'org.json': cyclicOrg });
    try {
      expect((await runCli(['export', 'org.json', '--format', 'png'], { cwd: dir })).stderr).toMatch(/invalid --format/);
      const run = await runCli(['export', 'org.json', '--format', 'json', '--out', 'missing/dir/graph.json'], { cwd: dir });
      expect(run).toMatchObject({ code: 2, stderr: 'flowgraph: cannot write --out missing/dir/graph.json: no such file or folder\n' });
    } finally {
      await cleanup();
    }
  });
});

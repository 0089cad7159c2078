import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { cleanOrg, cyclicOrg, runCli, tempFolder, tutorialFlow } from './helpers.js';

const draft = tutorialFlow('flow-draft', 'Draft', { d: { type: 'task', name: 'Wait' } }, []);

describe('[I] flowgraph baseline and check --baseline', () => {
  it('fails on old problems without a baseline and passes with one, listing them as existing', async () => {
    const { dir, cleanup } = await tempFolder({ 'org.json': cyclicOrg, 'draft.json': [draft] });
    // Legacy problems: the org cycle, and every flow at 1.0 under a 2.0 version policy.
    const policy = ['--target-version', '2.0'];
    try {
      expect((await runCli(['check', dir, ...policy])).code).toBe(1);
      const written = await runCli(['baseline', dir, ...policy, '--out', 'baseline.json'], { cwd: dir });
      expect(written).toMatchObject({ code: 0, stdout: '' });
      expect(written.stderr).toContain('→ baseline.json');
      const baseline = JSON.parse(await readFile(join(dir, 'baseline.json'), 'utf8'));
      expect(baseline.problems.map((problem: { code: string }) => problem.code)).toEqual([
        'org-cycle',
        'version-policy',
        'version-policy',
        'version-policy',
      ]);

      const run = await runCli([
        'check',
        join(dir, 'org.json'),
        join(dir, 'draft.json'),
        ...policy,
        '--baseline',
        join(dir, 'baseline.json'),
      ]);
      expect(run.code).toBe(0);
      expect(run.stdout).toMatch(/Baseline {2}0 new problems · 4 existing · 0 fixed/);
      expect(run.stdout).toMatch(/existing {2}org-cycle/);
    } finally {
      await cleanup();
    }
  });

  it('fails only on a problem the baseline does not list', async () => {
    const { dir, cleanup } = await tempFolder({ 'before.json': cleanOrg, 'after.json': cyclicOrg });
    try {
      // The baseline may be the flows themselves: their problems are the baseline.
      const same = await runCli(['check', join(dir, 'after.json'), '--baseline', join(dir, 'after.json')]);
      expect(same.code).toBe(0);
      const worse = await runCli(['check', join(dir, 'after.json'), '--baseline', join(dir, 'before.json'), '--format', 'json']);
      expect(worse.code).toBe(1);
      const json = JSON.parse(worse.stdout);
      expect(json.baseline.introduced.map((finding: { code: string }) => finding.code)).toEqual(['org-cycle']);
      expect(json.baseline.existing).toEqual([]);
      const better = await runCli(['check', join(dir, 'before.json'), '--baseline', join(dir, 'after.json')]);
      expect(better.code).toBe(0);
      expect(better.stdout).toMatch(/fixed {2}org-cycle/);
    } finally {
      await cleanup();
    }
  });

  it('exits 2 naming the file and field of a broken baseline', async () => {
    const { dir, cleanup } = await tempFolder({
      'org.json': cleanOrg,
      'bad.json': { format: 'flowgraph-baseline', version: 1, problems: [{ code: 'org-cycle' }] },
    });
    try {
      const run = await runCli(['check', join(dir, 'org.json'), '--baseline', join(dir, 'bad.json')]);
      expect(run.code).toBe(2);
      expect(run.stderr).toMatch(/bad\.json: problems\.0\.subject: /);
      const missing = await runCli(['check', join(dir, 'org.json'), '--baseline', join(dir, 'nope.json')]);
      expect(missing.code).toBe(2);
      expect(missing.stderr).toMatch(/cannot read --baseline .*nope\.json/);
    } finally {
      await cleanup();
    }
  });

  it('writes SARIF, JUnit and Markdown, to stdout or --out, and GitHub annotations beside them', async () => {
    const { dir, cleanup } = await tempFolder({ 'org.json': cyclicOrg });
    try {
      const sarif = await runCli(['check', 'org.json', '--format', 'sarif'], { cwd: dir });
      expect(sarif.code).toBe(1);
      expect(JSON.parse(sarif.stdout)).toMatchObject({ version: '2.1.0', runs: [{ results: [{ ruleId: 'org-cycle', level: 'error' }] }] });

      const junit = await runCli(['check', 'org.json', '--format', 'junit', '--out', 'report.xml'], {
        cwd: dir,
        env: { GITHUB_ACTIONS: 'true' },
      });
      expect(junit.code).toBe(1);
      expect(await readFile(join(dir, 'report.xml'), 'utf8')).toContain('failures="1"');
      // The report went to a file, so the annotations take stdout, where the runner reads them.
      expect(junit.stdout).toMatch(/^::error file=org.json,title=flowgraph org-cycle%3A Billing::Circular reference/);

      const markdown = await runCli(['check', 'org.json', '--format', 'markdown'], { cwd: dir, env: { GITHUB_ACTIONS: 'true' } });
      expect(markdown.stdout).toMatch(/^## Flowgraph check\n/);
      expect(markdown.stdout).not.toContain('::error');
      expect(markdown.stderr).toContain('::error file=org.json');

      const text = await runCli(['check', 'org.json'], { cwd: dir });
      expect(text.stdout).not.toContain('::error');
    } finally {
      await cleanup();
    }
  });
});

describe('[U] report tool name', () => {
  it('names the version package.json has', async () => {
    const { TOOL } = await import('../src/tool.js');
    const pkg = JSON.parse(await readFile(join(import.meta.dirname, '..', 'package.json'), 'utf8'));
    expect(TOOL.version).toBe(pkg.version);
  });
});

import { spawnSync } from 'node:child_process';
import { mkdir, readdir, readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { cyclicOrg, runCli, tempFolder, tutorialFlow } from './helpers.js';

/** Main Line and Billing call each other; Main Line and Sales both call the Lookup module; two flows are named "Twin". */
const org = [
  ...cyclicOrg,
  tutorialFlow('flow-sales', 'Sales', { s: { type: 'task', name: 'Sell' } }, [['s', 'flow-lookup', 'lookup']]),
  tutorialFlow('flow-lookup', 'Lookup', { l: { type: 'task', name: 'Look up' } }, []),
  tutorialFlow('flow-twin-1', 'Twin', { t: { type: 'task', name: 'One' } }, []),
  tutorialFlow('flow-twin-2', 'Twin', { t: { type: 'task', name: 'Two' } }, []),
];

function renderDot(dot: string): { status: number | null; svg: string; stderr: string } {
  const run = spawnSync('/usr/bin/dot', ['-Tsvg'], { input: dot, encoding: 'utf8' });
  return { status: run.status, svg: run.stdout, stderr: run.stderr };
}

describe('[I] flowgraph export --focus / --cycle', () => {
  it('exports exactly the focus, named after what it shows, and Graphviz draws every node', async () => {
    const { dir, cleanup } = await tempFolder({ 'org.json': org });
    try {
      await mkdir(join(dir, 'out'));
      const run = await runCli(
        ['export', 'org.json', '--focus', 'main line', '--depth', '1', '--direction', 'down', '--format', 'dot', '--out', 'out'],
        { cwd: dir },
      );
      expect(run.code).toBe(0);
      expect(run.stderr).toContain('wrote out/main-line.down-1.dot');
      const dot = await readFile(join(dir, 'out', 'main-line.down-1.dot'), 'utf8');
      expect(dot).toContain('"flow-main" -> "flow-billing"');
      expect(dot).not.toContain('flow-sales');
      const rendered = renderDot(dot);
      expect(rendered).toMatchObject({ status: 0, stderr: '' });
      expect(rendered.svg.match(/class="node"/g)).toHaveLength(2);

      const json = await runCli(['export', 'org.json', '--focus', 'flow-lookup', '--direction', 'up', '--format', 'json'], { cwd: dir });
      const scope = JSON.parse(json.stdout) as { nodes: Array<{ id: string; side: string }> };
      expect(scope.nodes.map((node) => `${node.id} ${node.side}`)).toEqual(['flow-lookup self', 'flow-sales up']);
    } finally {
      await cleanup();
    }
  });

  it('exports a cycle with its cut, and says when a node is in none', async () => {
    const { dir, cleanup } = await tempFolder({ 'org.json': org });
    try {
      const run = await runCli(['export', 'org.json', '--cycle', 'Billing', '--format', 'mermaid'], { cwd: dir });
      expect(run.code).toBe(0);
      expect(run.stdout).toMatch(/-\.->\|"cut: /);
      const none = await runCli(['export', 'org.json', '--cycle', 'Sales', '--format', 'dot'], { cwd: dir });
      expect(none).toMatchObject({ code: 2, stderr: 'flowgraph: --cycle "Sales": Sales is in no cycle\n' });
    } finally {
      await cleanup();
    }
  });

  it('names the candidates of an ambiguous --focus, and rejects bad scope flags', async () => {
    const { dir, cleanup } = await tempFolder({ 'org.json': org });
    try {
      const twin = await runCli(['export', 'org.json', '--focus', 'Twin', '--format', 'dot'], { cwd: dir });
      expect(twin.code).toBe(2);
      expect(twin.stderr).toContain('--focus "Twin" matches 2 nodes; give one of these ids:');
      expect(twin.stderr).toContain('flow-twin-1');
      expect(twin.stderr).toContain('flow-twin-2');
      expect((await runCli(['export', 'org.json', '--focus', 'Sales', '--depth', '0', '--format', 'dot'], { cwd: dir })).stderr).toMatch(
        /invalid --depth/,
      );
      expect(
        (await runCli(['export', 'org.json', '--focus', 'Sales', '--kinds', 'flow,x', '--format', 'dot'], { cwd: dir })).stderr,
      ).toMatch(/invalid --kinds/);
      expect(
        (await runCli(['export', 'org.json', '--focus', 'Sales', '--cycle', 'Billing', '--format', 'dot'], { cwd: dir })).stderr,
      ).toMatch(/not both/);
    } finally {
      await cleanup();
    }
  });

  it('warns when a Mermaid export is more than renderers draw, and still writes it', async () => {
    const hub = tutorialFlow(
      'flow-hub',
      'Hub',
      Object.fromEntries(Array.from({ length: 260 }, (_, i) => [`s${i}`, { type: 'task', name: `Step ${i}` }])),
      Array.from({ length: 259 }, (_, i): [string, string, string] => [`s${i}`, `s${i + 1}`, 'next']).concat(
        Array.from({ length: 259 }, (_, i): [string, string, string] => [`s${i + 1}`, `s${i}`, 'back']),
      ),
    );
    const { dir, cleanup } = await tempFolder({ 'hub.json': [hub] });
    try {
      const run = await runCli(['export', 'hub.json', '--format', 'mermaid'], { cwd: dir });
      expect(run.code).toBe(0);
      expect(run.stdout.startsWith('flowchart LR')).toBe(true);
      expect(run.stderr).toMatch(/warning: Mermaid renderers stop drawing at about 500 edges .* this diagram has 5\d\d edges/);
    } finally {
      await cleanup();
    }
  });
});

describe('[I] flowgraph path', () => {
  it('prints the shortest paths with each hop action, and JSON { from, to, paths }', async () => {
    const { dir, cleanup } = await tempFolder({ 'org.json': org });
    try {
      const text = await runCli(['path', 'org.json', '--from', 'Billing', '--to', 'Main Line'], { cwd: dir });
      expect(text.code).toBe(0);
      expect(text.stdout).toContain('Paths from Billing to Main Line  1 shortest (1 hop)');
      expect(text.stdout).toMatch(/1\. Billing ─\w+→ Main Line/);
      const json = JSON.parse(
        (await runCli(['path', 'org.json', '--from', 'flow-main', '--to', 'flow-main', '--format', 'json'], { cwd: dir })).stdout,
      );
      expect(json).toMatchObject({ from: 'flow-main', to: 'flow-main', paths: [['flow-main']] });
      const all = JSON.parse(
        (
          await runCli(['path', 'org.json', '--from', 'Main Line', '--to', 'Billing', '--all', '--limit', '3', '--format', 'json'], {
            cwd: dir,
          })
        ).stdout,
      );
      expect(all).toMatchObject({ paths: [['flow-main', 'flow-billing']], truncated: false, mode: 'simple' });
      const none = await runCli(['path', 'org.json', '--from', 'Sales', '--to', 'Billing'], { cwd: dir });
      expect(none.stdout).toContain('none: Billing cannot be reached from Sales');
    } finally {
      await cleanup();
    }
  });

  it('draws the paths as DOT into a folder under a name saying what they show', async () => {
    const { dir, cleanup } = await tempFolder({ 'org.json': org });
    try {
      const run = await runCli(['path', 'org.json', '--from', 'Sales', '--to', 'Lookup', '--format', 'dot', '--out', `${dir}/`], {
        cwd: dir,
      });
      expect(run.code).toBe(0);
      expect(await readdir(dir)).toContain('path.sales.to.lookup.dot');
      expect(renderDot(await readFile(join(dir, 'path.sales.to.lookup.dot'), 'utf8')).status).toBe(0);
      expect((await runCli(['path', 'org.json', '--from', 'Sales'], { cwd: dir })).stderr).toContain('--from and --to are required');
      expect((await runCli(['path', 'org.json', '--from', 'Sales', '--to', 'Lookup', '--limit', '5000'], { cwd: dir })).stderr).toMatch(
        /invalid --limit: at most 1000/,
      );
    } finally {
      await cleanup();
    }
  });
});

describe('[I] flowgraph report', () => {
  it('writes a Markdown review with the summary, each cycle as Mermaid, findings, waves and the focus', async () => {
    const { dir, cleanup } = await tempFolder({ 'org.json': org });
    try {
      const run = await runCli(['report', 'org.json', '--format', 'markdown', '--focus', 'Lookup', '--depth', '1'], { cwd: dir });
      expect(run.code).toBe(0);
      const md = run.stdout;
      for (const heading of [
        '# Flowgraph review',
        '## Summary',
        '## Focus: Lookup: upstream and downstream, 1 hop',
        '## Cycles',
        '## Findings',
        '## Deployment waves',
      ]) {
        expect(md).toContain(heading);
      }
      expect(md).toContain('**Not ready: 1 error finding and a cycle blocks the deployment order.**');
      expect(md).toContain('2 nodes, 1 edge;');
      expect(md).toMatch(
        /### 1\. Across flows: 2 members\n\nPath: Billing → Main Line → Billing|### 1\. Across flows: 2 members\n\nPath: Main Line → Billing → Main Line/,
      );
      expect(md.match(/```mermaid/g)?.length).toBeGreaterThanOrEqual(2);
      expect(md).toContain('| 1 | Sales | Sales → Lookup |');
    } finally {
      await cleanup();
    }
  });

  it('writes one self-contained HTML file with inline SVG diagrams', async () => {
    const { dir, cleanup } = await tempFolder({ 'org.json': org });
    try {
      const run = await runCli(['report', 'org.json', '--format', 'html', '--focus', 'Lookup', '--out', '.'], { cwd: dir });
      expect(run.code).toBe(0);
      const html = await readFile(join(dir, 'review.lookup.both-2.html'), 'utf8');
      expect(html.startsWith('<!doctype html>')).toBe(true);
      expect(html.match(/<svg /g)?.length).toBeGreaterThanOrEqual(3);
      // Nothing to fetch: no scripts, stylesheets, images or links to elsewhere.
      expect(html).not.toMatch(/<script|<link|<img|src=|href=|@import|url\((?!#)/);
      expect((await runCli(['report', 'org.json', '--format', 'pdf'], { cwd: dir })).stderr).toMatch(
        /invalid --format: expected markdown or html/,
      );
    } finally {
      await cleanup();
    }
  });
});

import { type ChildProcess, spawn } from 'node:child_process';
import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { filesResponseSchema, parseGraphResponse } from '@flowgraph/core';
import { expect, type Page, test } from '@playwright/test';
import { classesOf, viewSettled } from './helpers.js';

/**
 * `flowgraph serve` over a copy of a small CX-as-Code repo (four YAML flows in a transfer chain,
 * one a template filled from `main.tf`), in a real browser: the page follows the files as the
 * test edits them, without a reload.
 */
const fixture = join(import.meta.dirname, 'fixtures', 'serve-repo');
let repo: string;
let server: ChildProcess;
let url: string;

test.beforeAll(async () => {
  repo = join(mkdtempSync(join(tmpdir(), 'flowgraph-serve-e2e-')), 'repo');
  cpSync(fixture, repo, { recursive: true });
  server = spawn(
    process.execPath,
    ['--conditions=@flowgraph/source', '--import', 'tsx', 'packages/cli/src/bin.ts', 'serve', repo, '--substitutions', repo, '--port', '0'],
    { stdio: ['ignore', 'pipe', 'pipe'], env: { ...process.env, NO_COLOR: '1' } },
  );
  url = await new Promise<string>((resolve, reject) => {
    let out = '';
    server.stdout?.on('data', (chunk: Buffer) => {
      out += chunk.toString();
      const found = /http:\/\/127\.0\.0\.1:\d+/.exec(out);
      if (found) resolve(found[0]);
    });
    server.stderr?.on('data', (chunk: Buffer) => (out += chunk.toString()));
    server.on('exit', (code) => reject(new Error(`flowgraph serve exited ${code}: ${out}`)));
  });
});

test.afterAll(() => {
  server?.kill('SIGINT');
  if (repo) rmSync(join(repo, '..'), { recursive: true, force: true });
});

const flowFile = (name: string) => join(repo, 'flows', name);

/** Edits a flow file of the copy: a transfer to `target` before its disconnect. */
function addTransfer(name: string, action: string, target: string): void {
  const file = flowFile(name);
  const transfer = `          - transferToFlow:\n              name: ${action}\n              targetFlow:\n                name: ${target}\n`;
  writeFileSync(file, readFileSync(file, 'utf8').replace('          - disconnect:', `${transfer}          - disconnect:`));
}

async function flowIds(): Promise<Map<string, string>> {
  const response = await fetch(`${url}/api/graph`);
  const graph = parseGraphResponse(await response.json());
  return new Map(graph.graph.nodes.filter((node) => node.kind === 'flow').map((node) => [node.name, node.id]));
}

test('serve shows every flow of the folder, then follows edits live: a closed loop appears in the cycles panel', async ({ page }) => {
  await page.goto(url);
  await expect(page.getByTestId('graph')).toHaveAttribute('data-ready', 'true');
  const ids = await flowIds();
  expect([...ids.keys()].sort()).toEqual(['Billing IVR', 'Main IVR', 'Payments IVR', 'Support Line']);
  // The four flow files, and the Terraform file that fills the templated one.
  await expect(page.getByTestId('files-panel')).toContainText('5 file(s) · 4 flow(s)');
  await expect(page.getByTestId('file-row')).toHaveCount(5);
  await expect(page.getByTestId('source')).toContainText('Files');
  await expect(page.getByTestId('cycles-panel').getByTestId('cycle-item')).toHaveCount(0);

  // A marker on the page: a reload would drop it.
  await page.evaluate(() => Object.assign(globalThis, { __noReload: true }));
  await page.evaluate(watchCycleListed);
  addTransfer('payments-ivr.yaml', 'Back to main', 'Main IVR');
  const cycle = page.getByTestId('cycles-panel').getByTestId('cycle-item');
  await expect(cycle).toHaveCount(1);
  await expect(cycle).toContainText('Payments IVR');
  expect(await page.evaluate(() => (globalThis as { __noReload?: boolean }).__noReload)).toBe(true);
  // The panel did not wait for the canvas: when the cycle was listed, the canvas still held the
  // graph from before the edit (a new graph is a new Cytoscape instance, drawn in a deferred render).
  expect(await page.evaluate(() => (globalThis as CycleWatch).__canvasRebuiltWhenListed)).toBe(false);
  await expect
    .poll(() =>
      page.evaluate(
        ([from, to]) =>
          (globalThis as ViewHost).__flowgraph?.org?.edges().some((edge) => edge.source === from && edge.target === to) ?? false,
        [ids.get('Payments IVR'), ids.get('Main IVR')] as const,
      ),
    )
    .toBe(true);
  await page.screenshot({ path: 'test-results/serve-files-cycle.png' });
});

type CycleWatch = { __flowgraph?: Record<string, unknown>; __canvasRebuiltWhenListed?: boolean };

/**
 * In the page: the moment the cycles panel first lists a cycle, whether the canvas's probe is
 * still the one of the graph drawn before (each Cytoscape instance registers its own).
 */
function watchCycleListed(): void {
  const host = globalThis as CycleWatch;
  const before = host.__flowgraph?.org;
  const panel = document.querySelector('[data-testid="cycles-panel"]');
  if (!panel || !before) throw new Error('no cycles panel or canvas yet');
  const observer = new MutationObserver(() => {
    if (panel.querySelector('[data-testid="cycle-item"]') === null) return;
    host.__canvasRebuiltWhenListed = host.__flowgraph?.org !== before;
    observer.disconnect();
  });
  observer.observe(panel, { subtree: true, childList: true });
}

test('a YAML that breaks shows its error in the Files panel, and its flow stays on the graph, marked stale', async ({ page }) => {
  await page.goto(url);
  await expect(page.getByTestId('graph')).toHaveAttribute('data-ready', 'true');
  const billing = (await flowIds()).get('Billing IVR')!;
  const file = flowFile('billing-ivr.yaml');
  const good = readFileSync(file, 'utf8');
  writeFileSync(file, good.replace('  tasks:', '  tasks: [unclosed'));
  const row = page.locator('[data-testid="file-row"][data-path$="billing-ivr.yaml"]');
  await expect(row.getByTestId('file-issue').first()).toContainText(/line \d+/);
  await expect(row.getByTestId('file-stale')).toBeVisible();
  await expect(page.getByTestId('files-panel')).toContainText('1 with errors');
  // The last good version is still drawn, marked stale.
  await expect.poll(() => classesOf(page, billing)).toContain('stale');
  await page.screenshot({ path: 'test-results/serve-files-broken.png' });
  writeFileSync(file, good);
  await expect(row.getByTestId('file-stale')).toHaveCount(0);
  await expect.poll(() => classesOf(page, billing)).not.toContain('stale');
});

test('the Files panel lists each file with its format and flows; a click selects the file’s flow', async ({ page }) => {
  await page.goto(url);
  await expect(page.getByTestId('graph')).toHaveAttribute('data-ready', 'true');
  const files = filesResponseSchema.parse(await (await fetch(`${url}/api/files`)).json());
  expect(files.files.map((file) => file.format)).toEqual(['archy-yaml', 'archy-yaml', 'archy-yaml', 'archy-yaml', 'terraform']);
  const support = page.locator('[data-testid="file-row"][data-path$="support.yaml"]');
  await expect(support).toContainText('Support Line');
  await support.getByRole('button').click();
  const id = (await flowIds()).get('Support Line')!;
  await expect.poll(() => classesOf(page, id)).toContain('selected');
});

/** What the org canvas's test probe tells this spec about the view (apps/web/src/graph/test-hook.ts). */
interface ViewProbe {
  zoom(): number;
  pagePosition(id: string): { x: number; y: number } | null;
  settled(): boolean;
  edges(): { source: string; target: string }[];
}
type ViewHost = { __flowgraph?: Record<string, ViewProbe> };

/**
 * The view as zoom and pan: a node's page position is its layout position times the zoom plus the
 * pan (plus the canvas's fixed page offset), so position − layout × zoom is the pan, read through
 * the probe without reaching into Cytoscape.
 */
async function viewOf(page: Page, id: string): Promise<{ zoom: number; pan: { x: number; y: number } }> {
  const graph = parseGraphResponse(await (await fetch(`${url}/api/graph`)).json());
  const at = graph.layout?.positions[id];
  if (!at) throw new Error(`${id} has no layout position`);
  const { zoom, position } = await page.evaluate((i) => {
    const probe = (globalThis as ViewHost).__flowgraph?.org;
    return { zoom: probe?.zoom() ?? 0, position: probe?.pagePosition(i) ?? null };
  }, id);
  if (!position) throw new Error(`${id} is not drawn`);
  return { zoom, pan: { x: position.x - at.x * zoom, y: position.y - at.y * zoom } };
}

test('a live update keeps the selection, the zoom and the pan', async ({ page }) => {
  await page.goto(url);
  await expect(page.getByTestId('graph')).toHaveAttribute('data-ready', 'true');
  const ids = await flowIds();
  const support = ids.get('Support Line')!;
  const billing = ids.get('Billing IVR')!;
  // Select through the Files panel, then move the view away from where the graph opened.
  await page.locator('[data-testid="file-row"][data-path$="support.yaml"]').getByRole('button').click();
  await expect.poll(() => classesOf(page, support)).toContain('selected');
  await viewSettled(page);
  await page.getByTitle('Zoom in').click();
  await page.getByTitle('Zoom in').click();
  const box = (await page.getByTestId('graph').boundingBox())!;
  // Pan by dragging the background near a corner, away from the nodes in the middle.
  await page.mouse.move(box.x + 12, box.y + box.height - 12);
  await page.mouse.down();
  await page.mouse.move(box.x + 52, box.y + box.height - 42, { steps: 5 });
  await page.mouse.up();
  await viewSettled(page);
  await expect.poll(() => classesOf(page, support)).toContain('selected');
  const before = await viewOf(page, support);

  addTransfer('support.yaml', 'To billing', 'Billing IVR');
  // The update is drawn: the new transfer is an edge of the canvas.
  await expect
    .poll(() =>
      page.evaluate(
        ([from, to]) =>
          (globalThis as ViewHost).__flowgraph?.org?.edges().some((edge) => edge.source === from && edge.target === to) ?? false,
        [support, billing] as const,
      ),
    )
    .toBe(true);
  await viewSettled(page);
  const after = await viewOf(page, support);
  expect(after.zoom).toBeCloseTo(before.zoom, 6);
  expect(after.pan.x).toBeCloseTo(before.pan.x, 1);
  expect(after.pan.y).toBeCloseTo(before.pan.y, 1);
  expect(await classesOf(page, support)).toContain('selected');
  await page.screenshot({ path: 'test-results/serve-files-kept-view.png' });
});

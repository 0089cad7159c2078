import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { type APIRequestContext, expect, type Page, test } from '@playwright/test';
import { clickNode, loadOrg, nodeById, type Org, openGraph } from './helpers.js';

interface ScopeAnswer {
  title: string;
  fileStem: string;
  nodes: { id: string }[];
  edges: { source: string; target: string; via?: string }[];
}

interface ScopeProbe {
  labels(): { count: number; minPx: number; nodesInView: number };
  nodeIds(): string[];
  edges(): { source: string; target: string; lineStyle: string; colour: string; label: string }[];
  pagePosition(id: string): { x: number; y: number } | null;
}
interface ProbeHost {
  __flowgraph?: Record<string, ScopeProbe>;
}

const scopeIds = (page: Page) => page.evaluate(() => (globalThis as ProbeHost).__flowgraph?.scope?.nodeIds() ?? []);
const scopeEdges = (page: Page) => page.evaluate(() => (globalThis as ProbeHost).__flowgraph?.scope?.edges() ?? []);
const scopeLabels = (page: Page) =>
  page.evaluate(() => (globalThis as ProbeHost).__flowgraph?.scope?.labels() ?? { count: 0, minPx: 0, nodesInView: 0 });

async function getJson<T>(request: APIRequestContext, path: string): Promise<T> {
  const response = await request.get(path);
  expect(response.status(), path).toBe(200);
  return (await response.json()) as T;
}

const sorted = (ids: readonly string[]) => [...ids].sort();
const CYCLE_RED = 'rgb(220,38,38)';

/** The common module the most flows call: the one a review of a shared change starts from. */
function mostUsedModule(org: Org) {
  const callers = new Map<string, number>();
  for (const edge of org.graph.edges) callers.set(edge.target, (callers.get(edge.target) ?? 0) + 1);
  const modules = org.graph.nodes.filter((node) => node.type === 'COMMONMODULE');
  modules.sort((a, b) => (callers.get(b.id) ?? 0) - (callers.get(a.id) ?? 0) || a.id.localeCompare(b.id));
  const module = modules[0];
  if (!module) throw new Error('the demo org has no common module');
  return module;
}

function plantedCycle(org: Org) {
  const cycle = org.analysis.cycles.find((candidate) => candidate.scope === 'org' && candidate.members.length === 2);
  if (!cycle) throw new Error('the demo org plants a cycle between two inbound call flows');
  return cycle;
}

test.describe('[E] focus, cycle and path diagrams', () => {
  test('focus on a common module at depth 2: the API and CLI node set, readable labels, a DOT Graphviz draws, Back', async ({
    page,
    request,
  }) => {
    test.setTimeout(120_000);
    const org = await loadOrg(request);
    const module = mostUsedModule(org);
    await openGraph(page);
    await clickNode(page, module);
    await page.getByTestId('impact-focus').click();

    const view = page.getByTestId('focus-view');
    await expect(view).toHaveAttribute('data-ready', 'true');
    const url = new URL(page.url());
    expect(url.searchParams.get('view')).toBe('focus');
    expect(url.searchParams.get('node')).toBe(module.id);

    const api = await getJson<ScopeAnswer>(request, `/api/focus?node=${encodeURIComponent(module.id)}&depth=2&group=true`);
    const drawn = await scopeIds(page);
    expect(sorted(drawn)).toEqual(sorted(api.nodes.map((node) => node.id)));
    await expect(view).toHaveAttribute('data-node-count', String(api.nodes.length));
    await expect(page.getByTestId('scope-page').locator('h2')).toHaveText(api.title);

    // The CLI on the same (seeded) demo org cuts out the same nodes.
    const cli = execFileSync(
      'node',
      ['--conditions=@flowgraph/source', '--import', 'tsx', 'packages/cli/src/bin.ts', 'export', '--demo'].concat([
        '--format',
        'json',
        '--focus',
        module.id,
        '--depth',
        '2',
      ]),
      { encoding: 'utf8', maxBuffer: 64 * 1024 * 1024, stdio: ['ignore', 'pipe', 'ignore'] },
    );
    expect(sorted((JSON.parse(cli) as ScopeAnswer).nodes.map((node) => node.id))).toEqual(sorted(drawn));

    // Every node labelled, every label at least 10 px on screen, the whole diagram in view.
    const labels = await scopeLabels(page);
    expect(labels.count).toBeGreaterThanOrEqual(api.nodes.length);
    expect(labels.minPx).toBeGreaterThanOrEqual(10);
    expect(labels.nodesInView).toBe(api.nodes.length);
    // Not colour alone: the module's callers come in dashed (upstream), what it uses goes out solid (downstream).
    const drawnEdges = (await scopeEdges(page)).filter((edge) => edge.colour !== CYCLE_RED);
    const into = drawnEdges.filter((edge) => edge.target === module.id && edge.source !== module.id);
    const outOf = drawnEdges.filter((edge) => edge.source === module.id && edge.target !== module.id);
    expect(into.length).toBeGreaterThan(0);
    expect(new Set(into.map((edge) => edge.lineStyle))).toEqual(new Set(['dashed']));
    expect(new Set(outOf.map((edge) => edge.lineStyle))).toEqual(new Set(outOf.length > 0 ? ['solid'] : []));
    await page.screenshot({ path: 'test-results/screens/focus.png' });

    // The DOT export is exactly this diagram, named by what it shows, and Graphviz draws every node.
    const [download] = await Promise.all([page.waitForEvent('download'), page.getByTestId('scope-export-dot').click()]);
    expect(download.suggestedFilename()).toBe(`${api.fileStem}.dot`);
    const file = test.info().outputPath(download.suggestedFilename());
    await download.saveAs(file);
    const plain = execFileSync('dot', ['-Tplain', file], { encoding: 'utf8', maxBuffer: 64 * 1024 * 1024 });
    expect(plain.split('\n').filter((line) => line.startsWith('node ')).length).toBe(api.nodes.length);
    console.log(
      `focus on ${module.name}, depth 2: ${api.nodes.length} nodes, smallest label ${labels.minPx.toFixed(1)} px, ` +
        `DOT ${readFileSync(file).length} bytes`,
    );

    // Depth is a control and part of the URL.
    await page.getByTestId('focus-depth').selectOption('1');
    const one = await getJson<ScopeAnswer>(request, `/api/focus?node=${encodeURIComponent(module.id)}&depth=1&group=true`);
    await expect(view).toHaveAttribute('data-node-count', String(one.nodes.length));
    expect(new URL(page.url()).searchParams.get('depth')).toBe('1');

    // Back: the org view, with the module still selected.
    await page.goBack();
    await expect(page.getByTestId('scope-page')).toHaveCount(0);
    await expect(page.getByTestId('impact-subject')).toHaveAttribute('data-node-id', module.id);
    expect(new URL(page.url()).searchParams.get('select')).toBe(module.id);
  });

  test('PNG and SVG of a focus are the whole diagram at print quality', async ({ page, request }) => {
    const org = await loadOrg(request);
    const module = mostUsedModule(org);
    await page.goto(`/?view=focus&node=${encodeURIComponent(module.id)}`);
    await expect(page.getByTestId('focus-view')).toHaveAttribute('data-ready', 'true');
    const api = await getJson<ScopeAnswer>(request, `/api/focus?node=${encodeURIComponent(module.id)}&depth=2&group=true`);

    const [png] = await Promise.all([page.waitForEvent('download'), page.getByTestId('scope-export-png').click()]);
    expect(png.suggestedFilename()).toBe(`${api.fileStem}.png`);
    const pngFile = test.info().outputPath('focus.png');
    await png.saveAs(pngFile);
    const bytes = readFileSync(pngFile);
    expect(bytes.subarray(1, 4).toString('latin1')).toBe('PNG');
    // IHDR: width and height, big-endian, at bytes 16 and 20. Three image pixels per model unit.
    const [width, height] = [bytes.readUInt32BE(16), bytes.readUInt32BE(20)];
    expect(width).toBeGreaterThanOrEqual(1600);
    expect(width * height).toBeGreaterThan(1600 * 1000);
    console.log(`focus PNG ${width} x ${height} px, ${bytes.length} bytes`);

    const [svg] = await Promise.all([page.waitForEvent('download'), page.getByTestId('scope-export-svg').click()]);
    expect(svg.suggestedFilename()).toBe(`${api.fileStem}.svg`);
    const svgFile = test.info().outputPath('focus.svg');
    await svg.saveAs(svgFile);
    const text = readFileSync(svgFile, 'utf8');
    expect(text).toContain('<svg');
    // Names are wrapped over two lines: the first word of the module's name is in the drawing.
    expect(text).toContain(module.name.split(' ')[0]);
  });

  test('cycle focus: the members side by side, the cycle path red, the cut dashed with its reason', async ({ page, request }) => {
    const org = await loadOrg(request);
    const cycle = plantedCycle(org);
    await openGraph(page);
    const [a, b] = cycle.members.map((id) => nodeById(org, id));
    const item = page.getByTestId('cycles-panel').locator('li').filter({ hasText: a!.name }).filter({ hasText: b!.name });
    await item.getByTestId('cycle-diagram').click();

    const view = page.getByTestId('cycle-view');
    await expect(view).toHaveAttribute('data-ready', 'true');
    const api = await getJson<ScopeAnswer & { cut: { source: string; target: string; reason: string } }>(
      request,
      `/api/cycles/${encodeURIComponent(cycle.members[0]!)}/focus?group=true`,
    );
    expect(sorted(await scopeIds(page))).toEqual(sorted(api.nodes.map((node) => node.id)));

    // Side by side: one row, and no other node between them.
    const positions = await Promise.all(
      api.nodes.map(async (node) => ({
        id: node.id,
        at: await page.evaluate((id) => (globalThis as ProbeHost).__flowgraph?.scope?.pagePosition(id) ?? null, node.id),
      })),
    );
    const at = (id: string) => positions.find((entry) => entry.id === id)!.at!;
    const [pa, pb] = [at(a!.id), at(b!.id)];
    expect(Math.abs(pa.y - pb.y)).toBeLessThan(2);
    const between = positions.filter(
      ({ id, at: p }) =>
        !cycle.members.includes(id) && p !== null && p.x > Math.min(pa.x, pb.x) && p.x < Math.max(pa.x, pb.x) && Math.abs(p.y - pa.y) < 40,
    );
    expect(between).toEqual([]);

    const edges = await scopeEdges(page);
    const cut = edges.find((edge) => edge.source === api.cut.source && edge.target === api.cut.target);
    expect(cut?.lineStyle).toBe('dashed');
    expect(cut?.label).toMatch(/^cut/);
    const hop = edges.find((edge) => edge.source === api.cut.target && edge.target === api.cut.source);
    // The cycle path dotted as on the org view, the cut dashed (with a bar across it): not told by colour alone.
    expect(hop?.lineStyle).toBe('dotted');
    // Both hops of the cycle path in the cycle red, the rest in grey.
    for (const edge of [cut!, hop!]) expect(edge.colour).toBe(CYCLE_RED);
    expect(edges.filter((edge) => edge.lineStyle === 'dashed' && edge.colour === CYCLE_RED)).toHaveLength(1);
    await expect(page.getByTestId('cycle-reason')).toHaveText(api.cut.reason);
    const labels = await scopeLabels(page);
    expect(labels.minPx).toBeGreaterThanOrEqual(10);
    await page.waitForTimeout(300);
    await page.screenshot({ path: 'test-results/screens/cycle-focus.png' });

    const [download] = await Promise.all([page.waitForEvent('download'), page.getByTestId('scope-export-mermaid').click()]);
    expect(download.suggestedFilename()).toBe(`${api.fileStem}.mmd`);
    const file = test.info().outputPath(download.suggestedFilename());
    await download.saveAs(file);
    expect(readFileSync(file, 'utf8')).toMatch(/^flowchart LR/);
    console.log(
      `cycle focus: ${api.nodes.length} nodes, smallest label ${labels.minPx.toFixed(1)} px, Mermaid ${readFileSync(file).length} bytes`,
    );
  });

  test('path finder on the planted cycle: why A depends on B, hop by hop with via; swap; Back', async ({ page, request }) => {
    const org = await loadOrg(request);
    const cycle = plantedCycle(org);
    const [from, to] = cycle.members as [string, string];
    await openGraph(page, `/?select=${encodeURIComponent(from)}`);
    const row = page
      .getByTestId('impact-downstream')
      .locator('li')
      .filter({ hasText: nodeById(org, to).name });
    await row.getByTestId('impact-why').first().click();

    const view = page.getByTestId('path-view');
    await expect(view).toHaveAttribute('data-ready', 'true');
    interface PathAnswer extends ScopeAnswer {
      paths: { nodes: string[]; hops: { source: string; target: string; via?: string }[] }[];
    }
    const forward = await getJson<PathAnswer>(request, `/api/path?from=${encodeURIComponent(from)}&to=${encodeURIComponent(to)}`);
    expect(forward.paths.length).toBeGreaterThan(0);
    expect(sorted(await scopeIds(page))).toEqual(sorted(forward.nodes.map((node) => node.id)));
    const edges = await scopeEdges(page);
    for (const hop of forward.paths[0]!.hops) {
      const edge = edges.find((candidate) => candidate.source === hop.source && candidate.target === hop.target);
      expect(edge?.label).toBe(hop.via);
    }
    await expect(page.getByTestId('path-summary')).toContainText('shortest path');
    const labels = await scopeLabels(page);
    expect(labels.minPx).toBeGreaterThanOrEqual(10);
    await page.screenshot({ path: 'test-results/screens/path.png' });

    // The other way round: B depends on A too (it is a cycle).
    await page.getByTestId('path-controls').getByRole('button', { name: /Swap/ }).click();
    await expect.poll(() => new URL(page.url()).searchParams.get('from')).toBe(to);
    const back = await getJson<PathAnswer>(request, `/api/path?from=${encodeURIComponent(to)}&to=${encodeURIComponent(from)}`);
    expect(back.paths.length).toBeGreaterThan(0);
    await expect(view).toHaveAttribute('data-node-count', String(back.nodes.length));

    await page.getByTestId('paths-more').click();
    await expect.poll(() => new URL(page.url()).searchParams.get('all')).toBe('1');

    await page.goBack();
    await expect.poll(() => new URL(page.url()).searchParams.get('from')).toBe(from);
    await page.goBack();
    await expect(page.getByTestId('scope-page')).toHaveCount(0);
    await expect(page.getByTestId('impact-subject')).toHaveAttribute('data-node-id', from);
  });
});

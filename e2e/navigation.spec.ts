import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { expect, test } from '@playwright/test';
import { classesOf, clickNode, findFlowWithLoop, inView, loadOrg, openGraph, viewSettled } from './helpers.js';

test.describe('[E] search, deep links, export, step view', () => {
  test('search jumps to a node: selects it and centres it', async ({ page, request }) => {
    const org = await loadOrg(request);
    const target = org.graph.nodes.filter((node) => node.kind === 'resource').at(-1)!;
    await openGraph(page);
    await page.getByTestId('search').fill(target.name.slice(0, Math.max(4, target.name.length - 2)));
    await expect(page.getByRole('listbox')).toContainText(target.name);
    await page.getByRole('option').filter({ hasText: target.name }).first().dispatchEvent('mousedown');
    await expect(page.getByTestId('impact-subject')).toHaveAttribute('data-node-id', target.id);
    await expect.poll(() => inView(page, target.id)).toBe(true);
    expect(await classesOf(page, target.id)).toContain('selected');
    expect(new URL(page.url()).searchParams.get('select')).toBe(target.id);
  });

  test('a deep link reopens the same selection and filters', async ({ page, request }) => {
    const org = await loadOrg(request);
    const target = org.graph.nodes.find((node) => node.kind === 'flow')!;
    await openGraph(page, `/?select=${encodeURIComponent(target.id)}&hideKinds=resource`);
    await expect(page.getByTestId('impact-subject')).toHaveAttribute('data-node-id', target.id);
    await expect.poll(() => classesOf(page, target.id)).toContain('selected');
    await expect.poll(() => inView(page, target.id)).toBe(true);
    const resource = org.graph.nodes.find((node) => node.kind === 'resource')!;
    expect(await classesOf(page, resource.id)).toContain('hidden');
    await expect(page.getByTestId('filters-panel').getByRole('checkbox', { name: 'Resources' })).not.toBeChecked();
  });

  test('the DOT download renders in Graphviz', async ({ page }) => {
    await openGraph(page);
    const [download] = await Promise.all([page.waitForEvent('download'), page.getByTestId('export-dot').click()]);
    const file = test.info().outputPath('flowgraph.dot');
    await download.saveAs(file);
    // execFileSync throws on a non-zero exit, so reaching the assertion means dot accepted it.
    const svg = execFileSync('dot', ['-Tsvg', file], { encoding: 'utf8', maxBuffer: 64 * 1024 * 1024 });
    expect(svg).toContain('<svg');
  });

  test('a version policy re-queries the analysis and lands in the URL', async ({ page }) => {
    await openGraph(page);
    await page.getByTestId('policy-panel').locator('summary').click();
    await page.getByTestId('policy-version').fill('99.0');
    await page.getByTestId('policy-apply').click();
    await expect(page.getByTestId('findings-panel')).toContainText('version-policy');
    expect(new URL(page.url()).searchParams.get('targetVersion')).toBe('99.0');
  });

  test('PNG and SVG exports save the current view', async ({ page }) => {
    await openGraph(page);
    const [png] = await Promise.all([page.waitForEvent('download'), page.getByTestId('export-png').click()]);
    expect(png.suggestedFilename()).toBe('flowgraph.png');
    const pngFile = test.info().outputPath('flowgraph.png');
    await png.saveAs(pngFile);
    expect(readFileSync(pngFile).subarray(1, 4).toString('latin1')).toBe('PNG');
    const [svg] = await Promise.all([page.waitForEvent('download'), page.getByTestId('export-svg').click()]);
    const svgFile = test.info().outputPath('flowgraph.svg');
    await svg.saveAs(svgFile);
    // Its text alternative: what it shows, first in the root.
    expect(readFileSync(svgFile, 'utf8')).toMatch(
      /<svg role="img"[^>]*><title>Flowgraph: Demo org<\/title><desc>Dependency graph of Demo org: \d+ flows,/,
    );
  });

  test('double-clicking a flow opens its step graph, with loops marked, and Back returns', async ({ page, request }) => {
    const org = await loadOrg(request);
    const { flow, members } = await findFlowWithLoop(request, org);
    await openGraph(page);
    await clickNode(page, flow, { double: true });
    const steps = page.getByTestId('flow-steps');
    await expect(steps).toContainText(flow.name);
    await expect(page.getByTestId('steps-graph')).toHaveAttribute('data-ready', 'true');
    const count = Number(await page.getByTestId('steps-graph').getAttribute('data-node-count'));
    expect(count).toBeGreaterThan(0);
    for (const member of members) await expect.poll(() => classesOf(page, member, 'steps')).toContain('cycle');
    await viewSettled(page, 'steps');
    await page.screenshot({ path: 'test-results/screens/steps.png' });
    await page.getByTestId('steps-back').click();
    await expect(steps).toHaveCount(0);
  });

  test('the findings panel names the planted problems; a click selects the subject', async ({ page, request }) => {
    const org = await loadOrg(request);
    const error = org.analysis.findings.find((finding) => finding.severity === 'error');
    expect(error, 'the demo org plants publish errors').toBeDefined();
    if (!error) return;
    const subject = org.graph.nodes.find((node) => node.id === error.subject);
    await openGraph(page);
    const items = page.getByTestId('findings-panel').getByTestId('finding-item');
    await expect(items).toHaveCount(org.analysis.findings.length);
    await expect(page.getByTestId('findings-panel')).toContainText(error.code);
    await items
      .filter({ hasText: subject?.name ?? error.subject })
      .first()
      .click();
    await expect(page.getByTestId('impact-subject')).toHaveAttribute('data-node-id', error.subject);
    await page.screenshot({ path: 'test-results/screens/findings.png' });
  });
});

import { expect, test } from '@playwright/test';
import { classesOf, clickNode, loadOrg, nodeById, openGraph, viewSettled } from './helpers.js';

test.describe('[E] org graph', () => {
  test('draws every flow and resource of the demo org', async ({ page, request }) => {
    const org = await loadOrg(request);
    const answer = page.waitForResponse((response) => new URL(response.url()).pathname === '/api/graph');
    await openGraph(page);
    // The compact answer travels brotli-compressed; the page's client decoded it to draw every node.
    expect((await (await answer).allHeaders())['content-encoding']).toBe('br');
    const graph = page.getByTestId('graph');
    await expect(graph).toHaveAttribute('data-node-count', String(org.graph.nodes.length));
    expect(org.graph.nodes.length).toBeGreaterThan(10);
    // Headless Chromium's WebGL is SwiftShader, a software rasteriser: the page draws with the canvas renderer.
    await expect(graph).toHaveAttribute('data-renderer', 'canvas');
    await expect(page.locator('.legend')).toContainText('Inbound call');
    // 'done' arrives only through the /api/progress event stream.
    await expect(page.getByTestId('progress')).toHaveAttribute('data-phase', 'done');
    await page.getByTestId('diagnostics-panel').locator('summary').click();
    await expect(page.getByTestId('diagnostics-panel')).toContainText('/api/v2/flows');
    await page.screenshot({ path: 'test-results/screens/org-graph.png' });
  });

  test('lists the planted org cycle and highlights it in red on click', async ({ page, request }) => {
    const org = await loadOrg(request);
    const cycle = org.analysis.cycles.find(
      (candidate) =>
        candidate.scope === 'org' &&
        candidate.members.length === 2 &&
        candidate.members.every((id) => nodeById(org, id).type === 'INBOUNDCALL'),
    );
    expect(cycle, 'the demo org plants a cycle between two inbound call flows').toBeDefined();
    if (!cycle) return;
    const [a, b] = cycle.members.map((id) => nodeById(org, id));
    await openGraph(page);
    const item = page.getByTestId('cycles-panel').getByTestId('cycle-item').filter({ hasText: a!.name }).filter({ hasText: b!.name });
    await expect(item).toHaveCount(1);
    await item.click();
    await expect.poll(() => classesOf(page, a!.id)).toContain('cycle');
    await expect.poll(() => classesOf(page, b!.id)).toContain('cycle');
    const outsider = org.graph.nodes.find((node) => !cycle.members.includes(node.id))!;
    // The rest is dimmed by the canvas's one dimming state, not by a class on each element.
    expect(await classesOf(page, outsider.id)).toEqual([]);
    await expect(page.getByTestId('graph')).toHaveAttribute('data-dimmed', 'true');
    expect(new URL(page.url()).searchParams.get('cycle')).toBe(cycle.members[0]);
    await viewSettled(page);
    await page.screenshot({ path: 'test-results/screens/cycle.png' });
  });

  test('clicking a common module lists the flows that call it upstream', async ({ page, request }) => {
    const org = await loadOrg(request);
    const callersOf = (id: string) =>
      org.graph.edges.filter((edge) => edge.target === id && nodeById(org, edge.source).kind === 'flow').map((edge) => edge.source);
    const module = org.graph.nodes.find((node) => node.type === 'COMMONMODULE' && callersOf(node.id).length > 0);
    expect(module).toBeDefined();
    if (!module) return;
    await openGraph(page);
    await clickNode(page, module);
    const panel = page.getByTestId('impact-panel');
    await expect(panel.getByTestId('impact-subject')).toHaveAttribute('data-node-id', module.id);
    for (const caller of callersOf(module.id)) {
      await expect(panel.getByTestId('impact-upstream')).toContainText(nodeById(org, caller).name);
      await expect.poll(() => classesOf(page, caller)).toContain('upstream');
    }
    expect(await classesOf(page, module.id)).toContain('selected');
    await page.screenshot({ path: 'test-results/screens/impact.png' });
    await page.keyboard.press('Escape');
    await expect.poll(() => classesOf(page, module.id)).not.toContain('selected');
  });
});

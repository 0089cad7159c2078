import { decodeGraphResponse, type GraphResponse } from '@flowgraph/core';
import { expect, test } from '@playwright/test';
import { startDemoServer } from '../bench/web-bench.js';

/**
 * The org view at 3,000 demo flows (4,850 nodes): above the level-of-detail threshold, so
 * resources are drawn only when something touches them. Its own server, 2000 above the suite's
 * port, started for this file only.
 */
const FLOWS = 3000;
const port = Number(process.env.FLOWGRAPH_E2E_PORT ?? 8181) + 2000;

interface Probe {
  classes(id: string): string[];
  visible(id: string): boolean;
  inView(id: string): boolean;
  settled(): boolean;
}
interface ProbeHost {
  __flowgraph?: Record<string, Probe>;
}

test.describe('[E] a large org (3,000 demo flows)', () => {
  let server: Awaited<ReturnType<typeof startDemoServer>> | undefined;
  let org: GraphResponse;

  test.beforeAll(async () => {
    test.setTimeout(300_000);
    server = await startDemoServer(port, FLOWS);
    org = decodeGraphResponse(await (await fetch(`${server.url}/api/graph`)).json());
  });
  test.afterAll(async () => {
    await server?.stop();
  });

  test('the page opens with resources grouped; search reaches a hidden resource, selects it and opens its focus view', async ({ page }) => {
    test.setTimeout(240_000);
    const url = server?.url ?? '';
    const resources = org.graph.nodes.filter((node) => node.kind === 'resource');
    const target = resources.at(-1)!;
    const probe = (method: 'classes' | 'visible' | 'inView' | 'settled', id = '') =>
      page.evaluate(
        ([m, i]) => {
          const org = (globalThis as ProbeHost).__flowgraph?.org;
          return org ? (org[m as 'classes'] as (id: string) => unknown)(i) : null;
        },
        [method, id] as const,
      );

    await page.goto(url);
    const graph = page.getByTestId('graph');
    await expect(graph).toHaveAttribute('data-ready', 'true', { timeout: 180_000 });
    await expect(graph).toHaveAttribute('data-node-count', String(org.graph.nodes.length));
    const note = page.getByTestId('lod-note');
    await expect(note).toHaveAttribute('data-lod', 'on');
    await expect(note).toHaveAttribute('data-hidden', String(resources.length));
    await expect(note).toContainText(`${resources.length.toLocaleString('en')} resources`);
    expect(await probe('visible', target.id)).toBe(false);
    await page.screenshot({ path: test.info().outputPath('large-org-3000.png') });

    await page.getByTestId('search').fill(target.name);
    await page.getByRole('option').filter({ hasText: target.name }).first().dispatchEvent('mousedown');
    await expect(page.getByTestId('impact-subject')).toHaveAttribute('data-node-id', target.id, { timeout: 60_000 });
    await expect.poll(() => probe('classes', target.id), { timeout: 60_000 }).toContain('selected');
    expect(await probe('visible', target.id)).toBe(true);
    await expect.poll(() => probe('inView', target.id), { timeout: 60_000 }).toBe(true);
    // The flows using it are drawn as its upstream.
    const user = org.graph.edges.find((edge) => edge.target === target.id)?.source;
    if (user !== undefined) await expect.poll(() => probe('classes', user), { timeout: 60_000 }).toContain('upstream');
    await expect.poll(() => probe('settled'), { timeout: 30_000 }).toBe(true);
    await page.screenshot({ path: test.info().outputPath('large-org-3000-selected.png') });

    await page.getByTestId('impact-focus').click();
    const focus = page.getByTestId('focus-view');
    await expect(focus).toHaveAttribute('data-ready', 'true', { timeout: 60_000 });
    expect(new URL(page.url()).searchParams.get('node')).toBe(target.id);
    expect(Number(await focus.getAttribute('data-node-count'))).toBeGreaterThan(1);
    await page.screenshot({ path: test.info().outputPath('large-org-3000-focus.png') });
  });
});

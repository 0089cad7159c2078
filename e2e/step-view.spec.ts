import { execFileSync } from 'node:child_process';
import { slugOf } from '@flowgraph/core';
import { expect, test } from '@playwright/test';
import { loadOrg, type Org, type OrgNode, viewSettled } from './helpers.js';

interface Steps {
  graph: { nodes: OrgNode[]; edges: { source: string; target: string; kind: string; label?: string }[] };
}

/** A flow with a step that calls a common module, and a step that has a failure or timeout path. */
async function flowCallingModule(request: import('@playwright/test').APIRequestContext, org: Org) {
  for (const flow of org.graph.nodes.filter((node) => node.kind === 'flow')) {
    const response = await request.get(`/api/flows/${encodeURIComponent(flow.id)}/steps`);
    if (!response.ok()) continue;
    const steps = (await response.json()) as Steps;
    const call = steps.graph.edges.find(
      (edge) => edge.kind === 'uses' && steps.graph.nodes.find((node) => node.id === edge.target)?.type === 'COMMONMODULE',
    );
    const failing = steps.graph.edges.some((edge) => edge.kind === 'transition' && /failure|timeout/.test(edge.label ?? ''));
    if (call && failing) return { flow, steps, module: steps.graph.nodes.find((node) => node.id === call.target)! };
  }
  throw new Error('no flow of the demo org calls a common module and has a failure path');
}

interface ProbeHost {
  __flowgraph?: Record<
    string,
    { pagePosition(id: string): { x: number; y: number } | null; zoom(): number; labels(): { count: number; minPx: number } }
  >;
}

test.describe('[E] step view', () => {
  test('a step that calls a module links to it; hiding error paths leaves the happy path', async ({ page, request }) => {
    const org = await loadOrg(request);
    const { flow, steps, module } = await flowCallingModule(request, org);
    await page.goto(`/?flow=${encodeURIComponent(flow.id)}`);
    const canvas = page.getByTestId('steps-graph');
    await expect(canvas).toHaveAttribute('data-ready', 'true');
    const all = Number(await canvas.getAttribute('data-node-count'));
    expect(all).toBe(steps.graph.nodes.length);
    await page.screenshot({ path: 'test-results/screens/step-view.png' });
    const labels = await page.evaluate(() => (globalThis as ProbeHost).__flowgraph?.steps?.labels());
    console.log(`step view of ${flow.name}: ${all} nodes, ${labels?.count} labels, smallest ${labels?.minPx.toFixed(1)} px`);
    // Step names and transition labels (failure, digit_2) read on screen as the view opens.
    expect(labels?.minPx).toBeGreaterThanOrEqual(10);

    // The export is exactly what is shown: Graphviz draws every node, the flow's steps in a cluster.
    const [download] = await Promise.all([page.waitForEvent('download'), page.getByTestId('steps-export-dot').click()]);
    expect(download.suggestedFilename()).toBe(`${slugOf(flow.name)}.steps.dot`);
    const file = test.info().outputPath(download.suggestedFilename());
    await download.saveAs(file);
    const plain = execFileSync('dot', ['-Tplain', file], { encoding: 'utf8' });
    expect(plain.split('\n').filter((line) => line.startsWith('node ')).length).toBe(all);
    expect(execFileSync('dot', ['-Tcanon', file], { encoding: 'utf8' })).toContain(`cluster_${flow.id}`);

    await page.getByTestId('hide-errors').check();
    await expect.poll(async () => Number(await canvas.getAttribute('data-node-count'))).toBeLessThan(all);
    await page.getByTestId('hide-errors').uncheck();
    await expect(canvas).toHaveAttribute('data-node-count', String(all));

    // The called module is drawn above its step as a link: clicking it opens its own steps.
    await page.getByTestId('flow-steps').getByRole('button', { name: 'Fit' }).click();
    await viewSettled(page, 'steps');
    const at = await page.evaluate((id) => (globalThis as ProbeHost).__flowgraph?.steps?.pagePosition(id) ?? null, module.id);
    expect(at).not.toBeNull();
    await page.mouse.click(at!.x, at!.y);
    await expect(page.getByTestId('flow-steps').locator('h2')).toHaveText(module.name);
    expect(new URL(page.url()).searchParams.get('flow')).toBe(module.id);
  });
});

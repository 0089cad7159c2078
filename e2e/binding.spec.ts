import { expect, test } from '@playwright/test';
import { serveBindingPage } from '../bench/binding-bench.js';

interface BindingPage {
  __binding?: {
    report: { effectMounts: number; tapsSeen: number };
    interact(times: number): Promise<number[]>;
  };
  __flowgraph?: Record<string, { classes(id: string): string[]; pagePosition(id: string): { x: number; y: number } | null }>;
}

const NODES = 300;

// The app's canvas (react-cytoscapejs in React.memo, the adapter on its `cy` callback) in React's
// development build under StrictMode, where the binding's first Cytoscape instance is destroyed
// after its `cy` callback ran (plotly/react-cytoscapejs#106). The adapter must end on the live one.
test('[E] the canvas under React StrictMode: the live instance drawn, one event per click, classes applied', async ({ page }) => {
  test.setTimeout(120_000);
  const served = await serveBindingPage();
  try {
    await page.goto(`${served.url}?variant=canvas&nodes=${NODES}`);
    const canvas = page.getByTestId('bench');
    await expect(canvas).toHaveAttribute('data-ready', 'true', { timeout: 60_000 });
    // StrictMode's double mount happened: the page runs React's development build.
    expect(await page.evaluate(() => (globalThis as BindingPage).__binding?.report.effectMounts)).toBe(2);
    // One Cytoscape drawn in the canvas (a destroyed instance leaves none of its layers behind).
    await expect(canvas.locator('canvas[data-id="layer2-node"]')).toHaveCount(1);

    // A selection reaches the instance on screen: the node drawn as selected.
    await page.evaluate(() => (globalThis as BindingPage).__binding?.interact(1));
    const selected = `n${97 % NODES}`;
    expect(await page.evaluate((id) => (globalThis as BindingPage).__flowgraph?.bench?.classes(id), selected)).toContain('selected');

    // A real click on a node arrives once.
    const at = await page.evaluate((id) => (globalThis as BindingPage).__flowgraph?.bench?.pagePosition(id) ?? null, selected);
    expect(at).not.toBeNull();
    await page.mouse.click(at!.x, at!.y);
    await expect.poll(() => page.evaluate(() => (globalThis as BindingPage).__binding?.report.tapsSeen)).toBe(1);
    await page.waitForTimeout(300);
    expect(await page.evaluate(() => (globalThis as BindingPage).__binding?.report.tapsSeen)).toBe(1);
  } finally {
    await served.close();
  }
});

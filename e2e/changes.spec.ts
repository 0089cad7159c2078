import { expect, test } from '@playwright/test';
import { expectNoViolations } from './axe.js';
import { classesOf, inView, openGraph, recrawl } from './helpers.js';

/**
 * Changes mode after a refresh: the e2e server's demo org publishes new versions of 3 flows
 * before each refresh (FLOWGRAPH_DEMO_CHANGES in playwright.config.ts), and every crawl is kept
 * in the store, so the last two crawls differ by those flows.
 */
test.describe('[E] Changes mode', () => {
  test('compares the last two crawls after a refresh: changed flows amber, the list focuses them, the publish order', async ({
    page,
    request,
  }) => {
    await openGraph(page);
    await recrawl(page, request);

    await page.getByTestId('open-changes').click();
    const view = page.getByTestId('changes-view');
    await expect(view).toBeVisible();
    await expect(page.getByTestId('changes-graph')).toHaveAttribute('data-ready', 'true');
    await expect(page.getByTestId('changes-summary')).toContainText('3 changed flows');
    await expectNoViolations(page, 'changes');

    const diff = (await (await request.get('/api/diff')).json()) as {
      diff: { flows: { changed: Array<{ id: string; name: string }> }; publishOrder: string[][] };
    };
    const changed = diff.diff.flows.changed;
    expect(changed).toHaveLength(3);
    for (const flow of changed) expect(await classesOf(page, flow.id, 'changes')).toContain('change-changed');

    // The "What changed" entries of changed objects (entry flows and problems are listed below them).
    const changedEntries = page.locator('[data-testid="change-entry"].changed');
    await expect(changedEntries).toHaveCount(3);
    const target = changed[0] as { id: string; name: string };
    await changedEntries.filter({ hasText: target.name }).click();
    await expect.poll(() => classesOf(page, target.id, 'changes')).toContain('selected');
    await expect.poll(() => inView(page, target.id, 'changes')).toBe(true);

    await expect(page.getByTestId('publish-order')).toContainText('wave 1');
    expect(diff.diff.publishOrder.flat()).toEqual(expect.arrayContaining(changed.map((flow) => flow.id)));
    await page.screenshot({ path: 'test-results/screens/changes-mode.png' });

    await page.getByTestId('changes-back').click();
    await expect(view).toBeHidden();
  });
});

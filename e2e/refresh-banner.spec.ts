import { expect, type Page, test } from '@playwright/test';
import { loadOrg } from './helpers.js';

/**
 * The server states after a failed or partly failed refresh (apps/server/test/refresh-faults.test.ts
 * produces them against a killed simulator) as the page receives them: the demo server's real graph
 * with its age and stale flows set, and the progress stream's last event.
 */
const MINUTES_AGO = 12;

async function serve(
  page: Page,
  options: { progress: Record<string, unknown>; staleFlows?: unknown[] },
): Promise<{ refreshes: () => number }> {
  const fetchedAt = new Date(Date.now() - MINUTES_AGO * 60_000).toISOString();
  await page.route('**/api/graph*', async (route) => {
    const response = await route.fetch();
    const body = (await response.json()) as { source: Record<string, unknown> };
    body.source = { ...body.source, fetchedAt, ...(options.staleFlows ? { staleFlows: options.staleFlows } : {}) };
    await route.fulfill({ response, json: body });
  });
  // A CrawlProgress event (core's crawlProgressSchema: the page drops one that does not match).
  const event = { flowsDone: 150, flowsTotal: 150, pagesDone: 1, pagesTotal: 1, requests: 160, rateLimitWaitMs: 0, ...options.progress };
  await page.route('**/api/progress', (route) =>
    route.fulfill({
      status: 200,
      headers: { 'content-type': 'text/event-stream' },
      body: `retry: 600000\n\ndata: ${JSON.stringify(event)}\n\n`,
    }),
  );
  let refreshes = 0;
  await page.route('**/api/refresh', async (route) => {
    refreshes++;
    await route.fulfill({ status: 202, json: { started: true } });
  });
  return { refreshes: () => refreshes };
}

test.describe('[E] a refresh that failed', () => {
  test('keeps the graph on screen under a banner with its age, the reason, the errors and Retry', async ({ page, request }) => {
    await loadOrg(request);
    const served = await serve(page, {
      progress: {
        phase: 'failed',
        message: 'The dependencies of 118 of 150 flows could not be fetched (more than 2%), so this crawl does not replace the graph.',
        failedFlows: 118,
        partial: true,
        errors: [
          {
            flowId: 'f1',
            flowName: 'Main IVR',
            request: 'GET /api/v2/architect/dependencytracking/consumedresources?id=f1',
            message: 'not sent: Genesys Cloud is unreachable (5 network errors in a row, the last: connect ECONNREFUSED 127.0.0.1:8787)',
          },
        ],
      },
    });
    await page.goto('/');
    await expect(page.getByTestId('graph')).toHaveAttribute('data-ready', 'true');
    const banner = page.getByTestId('refresh-banner');
    await expect(banner).toContainText('The last refresh failed.');
    await expect(banner).toContainText('118 of 150 flows could not be fetched');
    await expect(banner).toContainText(`Showing the org as fetched ${MINUTES_AGO} minutes ago`);
    await banner.locator('summary').click();
    await expect(banner).toContainText('Main IVR: not sent: Genesys Cloud is unreachable');
    await page.screenshot({ path: 'test-results/screens/refresh-failed.png' });
    await banner.getByRole('button', { name: 'Retry' }).click();
    await expect.poll(served.refreshes).toBe(1);
  });

  test('names the flows shown with an earlier crawl’s dependencies', async ({ page, request }) => {
    const org = await loadOrg(request);
    const [first, second] = org.graph.nodes.filter((node) => node.kind === 'flow');
    const since = new Date(Date.now() - 3 * 3_600_000).toISOString();
    await serve(page, {
      progress: { phase: 'done', failedFlows: 2, staleFlows: 2 },
      staleFlows: [first, second].map((flow) => ({ id: flow!.id, name: flow!.name, since, reason: 'failed with status 503' })),
    });
    await page.goto('/');
    await expect(page.getByTestId('graph')).toHaveAttribute('data-ready', 'true');
    const banner = page.getByTestId('refresh-banner');
    await expect(banner).toContainText(
      `${first!.name}, ${second!.name} could not be refreshed and show their dependencies from an earlier crawl`,
    );
    await expect(banner.getByRole('button', { name: 'Retry' })).toBeVisible();
    await page.screenshot({ path: 'test-results/screens/refresh-stale-flows.png' });
  });

  test('shows nothing after a clean refresh', async ({ page, request }) => {
    await loadOrg(request);
    await serve(page, { progress: { phase: 'done' } });
    await page.goto('/');
    await expect(page.getByTestId('graph')).toHaveAttribute('data-ready', 'true');
    await expect(page.getByTestId('progress')).toHaveAttribute('data-phase', 'done');
    await expect(page.getByTestId('refresh-banner')).toHaveCount(0);
  });
});

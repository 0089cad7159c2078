import { expect, test } from '@playwright/test';
import { expectNoViolations } from './axe.js';
import { findFlowWithLoop, loadOrg, openGraph } from './helpers.js';

// One test per group of views, each with its own time budget: as one test, a loaded machine ran
// the eight views past a single timeout although every view passed.
test.describe('[E] accessibility: no WCAG 2.1 AA violation on any view', () => {
  test.describe.configure({ timeout: 120_000 });

  test('org graph, impact panel, search suggestions, cycle highlight', async ({ page, request }) => {
    const org = await loadOrg(request);

    await openGraph(page);
    await expectNoViolations(page, 'org-graph');

    // A selected node fills the impact panel; search fills the suggestions list.
    const entry = org.graph.nodes.find((node) => node.kind === 'flow' && node.type === 'INBOUNDCALL');
    if (!entry) throw new Error('the demo org has no inbound call flow');
    await openGraph(page, `/?select=${encodeURIComponent(entry.id)}`);
    await expect(page.getByTestId('impact-panel')).toContainText(entry.name);
    await expectNoViolations(page, 'impact-panel');

    await page.getByTestId('search').fill(entry.name.slice(0, 4));
    await expect(page.getByRole('option').first()).toBeVisible();
    await expectNoViolations(page, 'search');
    await page.keyboard.press('Escape');

    const cycle = org.analysis.cycles.find((candidate) => candidate.scope === 'org');
    if (!cycle) throw new Error('the demo org plants an org cycle');
    await openGraph(page, `/?cycle=${encodeURIComponent(cycle.members[0] ?? '')}`);
    await expectNoViolations(page, 'cycle-highlight');
  });

  test('focus, cycle and path views', async ({ page, request }) => {
    const org = await loadOrg(request);
    const entry = org.graph.nodes.find((node) => node.kind === 'flow' && node.type === 'INBOUNDCALL');
    if (!entry) throw new Error('the demo org has no inbound call flow');

    await page.goto(`/?view=focus&node=${encodeURIComponent(entry.id)}`);
    await expect(page.getByTestId('scope-page')).toBeVisible();
    await expect(page.getByTestId('focus-view')).toHaveAttribute('data-ready', 'true');
    await expectNoViolations(page, 'focus-view');

    const cycle = org.analysis.cycles.find((candidate) => candidate.scope === 'org');
    if (!cycle) throw new Error('the demo org plants an org cycle');
    await page.goto(`/?view=cycle&node=${encodeURIComponent(cycle.members[0] ?? '')}`);
    await expect(page.getByTestId('cycle-view')).toHaveAttribute('data-ready', 'true');
    await expectNoViolations(page, 'cycle-view');

    const callee = org.graph.edges.find((edge) => edge.source === entry.id)?.target;
    if (!callee) throw new Error(`${entry.name} calls nothing`);
    await page.goto(`/?view=path&from=${encodeURIComponent(entry.id)}&to=${encodeURIComponent(callee)}`);
    await expect(page.getByTestId('path-view')).toHaveAttribute('data-ready', 'true');
    await expectNoViolations(page, 'path-view');
  });

  test('step view', async ({ page, request }) => {
    const org = await loadOrg(request);
    const { flow } = await findFlowWithLoop(request, org);
    await page.goto(`/?flow=${encodeURIComponent(flow.id)}`);
    await expect(page.getByTestId('steps-graph')).toHaveAttribute('data-ready', 'true');
    await expectNoViolations(page, 'step-view');
    // Changes needs a second crawl: changes.spec.ts runs axe on it after its own re-crawl.
  });
});

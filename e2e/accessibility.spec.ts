import AxeBuilder from '@axe-core/playwright';
import { expect, type Page, test } from '@playwright/test';
import { findFlowWithLoop, loadOrg, openGraph, recrawl } from './helpers.js';

/** WCAG 2.1 A and AA: the level the issue and most accessibility policies ask for. */
const WCAG_21_AA = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'];

/** Runs axe on the page as it is now; a violation fails the test (softly, so one run lists every view's) with its rule, impact and elements. */
async function expectNoViolations(page: Page, view: string): Promise<void> {
  const results = await new AxeBuilder({ page }).withTags(WCAG_21_AA).analyze();
  const found = results.violations.map(
    (violation) =>
      `${violation.id} (${violation.impact}): ${violation.help}\n    ${violation.nodes
        .slice(0, 5)
        .map((node) => `${node.target.join(' ')}: ${node.failureSummary?.split('\n').slice(1).join(' ')}`)
        .join('\n    ')}`,
  );
  expect.soft(found, `axe violations on ${view}`).toEqual([]);
  // Best-practice, not WCAG, but the issue saw it: two landmarks of one role need distinct names.
  const landmarks = await new AxeBuilder({ page }).withRules(['landmark-unique']).analyze();
  expect
    .soft(
      landmarks.violations.flatMap((violation) => violation.nodes.map((node) => node.target.join(' '))),
      `landmarks on ${view}`,
    )
    .toEqual([]);
  await page.screenshot({ path: `test-results/screens/a11y-${view}.png` });
}

test.describe('[E] accessibility: no WCAG 2.1 AA violation on any view', () => {
  test('org graph, impact panel, cycle highlight, focus, cycle and path views, step view, Changes', async ({ page, request }) => {
    test.setTimeout(180_000);
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

    await page.goto(`/?view=focus&node=${encodeURIComponent(entry.id)}`);
    await expect(page.getByTestId('scope-page')).toBeVisible();
    await expect(page.getByTestId('focus-view')).toHaveAttribute('data-ready', 'true');
    await expectNoViolations(page, 'focus-view');

    await page.goto(`/?view=cycle&node=${encodeURIComponent(cycle.members[0] ?? '')}`);
    await expect(page.getByTestId('cycle-view')).toHaveAttribute('data-ready', 'true');
    await expectNoViolations(page, 'cycle-view');

    const callee = org.graph.edges.find((edge) => edge.source === entry.id)?.target;
    if (!callee) throw new Error(`${entry.name} calls nothing`);
    await page.goto(`/?view=path&from=${encodeURIComponent(entry.id)}&to=${encodeURIComponent(callee)}`);
    await expect(page.getByTestId('path-view')).toHaveAttribute('data-ready', 'true');
    await expectNoViolations(page, 'path-view');

    const { flow } = await findFlowWithLoop(request, org);
    await page.goto(`/?flow=${encodeURIComponent(flow.id)}`);
    await expect(page.getByTestId('steps-graph')).toHaveAttribute('data-ready', 'true');
    await expectNoViolations(page, 'step-view');

    // Changes needs two crawls.
    await openGraph(page);
    await recrawl(page, request);
    await page.getByTestId('open-changes').click();
    await expect(page.getByTestId('changes-graph')).toHaveAttribute('data-ready', 'true');
    await expectNoViolations(page, 'changes');
  });
});

import AxeBuilder from '@axe-core/playwright';
import { expect, type Page } from '@playwright/test';

/** WCAG 2.1 A and AA: the level the issue and most accessibility policies ask for. */
const WCAG_21_AA = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'];

/** Runs axe on the page as it is now; a violation fails the test (softly, so one run lists every view's) with its rule, impact and elements. */
export async function expectNoViolations(page: Page, view: string): Promise<void> {
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

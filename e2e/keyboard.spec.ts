import { expect, type Page, test } from '@playwright/test';
import { expectNoViolations } from './axe.js';
import { classesOf, loadOrg, nodeById, openGraph, type Org, viewSettled } from './helpers.js';

/** The page's global scope as the probe sees it (the root tsconfig has no DOM lib). */
interface ProbeHost {
  __flowgraph?: Record<string, { classes(id: string): string[] }>;
}

/** The node drawn with the keyboard focus ring, read through the test probe (a canvas has no DOM per node). */
async function cursorOf(page: Page, org: Org): Promise<string[]> {
  const ids = org.graph.nodes.map((node) => node.id);
  return page.evaluate(
    (all) => all.filter((id) => (globalThis as ProbeHost).__flowgraph?.org?.classes(id).includes('keyboard-focus')),
    ids,
  );
}

/** Tab from the top of the page until the graph canvas has the keyboard focus. */
async function tabToCanvas(page: Page): Promise<number> {
  for (let presses = 1; presses <= 80; presses++) {
    await page.keyboard.press('Tab');
    if (await page.evaluate(() => document.activeElement?.getAttribute('data-testid') === 'graph')) return presses;
  }
  throw new Error('Tab never reached the graph canvas');
}

/** Distinct direct callees and callers, as the announcement counts them. */
function counts(org: Org, id: string): { uses: number; usedBy: number } {
  const uses = new Set(org.graph.edges.filter((e) => e.source === id && e.target !== id).map((e) => e.target));
  const usedBy = new Set(org.graph.edges.filter((e) => e.target === id && e.source !== id).map((e) => e.source));
  return { uses: uses.size, usedBy: usedBy.size };
}

function literal(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

/** A shortest path along callees from `from` to any data action (breadth-first). */
function pathToDataAction(org: Org, from: string): string[] {
  const previous = new Map<string, string>([[from, from]]);
  const queue = [from];
  for (let head = 0; head < queue.length; head++) {
    const id = queue[head]!;
    if (nodeById(org, id).type === 'DATAACTION') {
      const path = [id];
      while (path[0] !== from) path.unshift(previous.get(path[0]!)!);
      return path;
    }
    for (const edge of org.graph.edges) {
      if (edge.source !== id || previous.has(edge.target)) continue;
      previous.set(edge.target, id);
      queue.push(edge.target);
    }
  }
  throw new Error(`no data action is reachable from ${from}`);
}

test.describe('[E] keyboard: walking the org graph without a mouse', () => {
  test('Tab to the canvas, Home to an entry flow, arrows to a data action, Enter selects it, f opens its focus view', async ({
    page,
    request,
  }) => {
    test.setTimeout(120_000);
    const org = await loadOrg(request);
    await openGraph(page);
    const announcer = page.getByTestId('graph-announcer');
    const canvas = page.getByTestId('graph');
    await expect(canvas).toHaveAttribute('role', 'application');
    await expect(canvas).toHaveAccessibleName('Org graph');

    const tabs = await tabToCanvas(page);
    console.log(`keyboard: ${tabs} Tab presses from the top of the page to the graph canvas`);
    await page.keyboard.press('Home');
    const [entry] = await cursorOf(page, org);
    if (!entry) throw new Error('Home put the cursor nowhere');
    const entryNode = nodeById(org, entry);
    expect(entryNode.type).toBe('INBOUNDCALL');
    const entryCounts = counts(org, entry);
    await expect(announcer).toContainText(`${entryNode.name}, inbound call flow, uses ${entryCounts.uses}, used by ${entryCounts.usedBy}`);

    // Right to the first callee, then Down through that list until the next node on the path.
    const path = pathToDataAction(org, entry);
    console.log(`keyboard: walking ${path.map((id) => nodeById(org, id).name).join(' → ')}`);
    let presses = 1;
    for (const next of path.slice(1)) {
      await page.keyboard.press('ArrowRight');
      presses++;
      for (let down = 0; down < 200 && (await cursorOf(page, org))[0] !== next; down++) {
        await page.keyboard.press('ArrowDown');
        presses++;
      }
      expect(await cursorOf(page, org)).toEqual([next]);
      const node = nodeById(org, next);
      const { uses, usedBy } = counts(org, next);
      await expect(announcer).toHaveText(new RegExp(`^${literal(node.name)}, [a-z -]+, uses ${uses}, used by ${usedBy}; `));
      expect(await classesOf(page, next)).toContain('keyboard-focus');
    }
    const action = path.at(-1)!;
    await expect(announcer).toContainText(', data action, ');
    console.log(`keyboard: ${presses} key presses from Home to the data action`);
    await viewSettled(page);
    await expect(page.getByText(/Right arrow: what it uses/)).toBeVisible();
    await page.screenshot({ path: 'test-results/screens/keyboard-walk.png' });

    await page.keyboard.press('Enter');
    await expect(page.getByTestId('impact-subject')).toHaveAttribute('data-node-id', action);
    await expect(page.getByTestId('impact-panel')).toContainText(nodeById(org, action).name);
    expect(await classesOf(page, action)).toEqual(expect.arrayContaining(['selected', 'keyboard-focus']));
    await expect(canvas).toBeFocused();
    await viewSettled(page);
    await page.screenshot({ path: 'test-results/screens/keyboard-selected.png' });
    await expectNoViolations(page, 'keyboard-canvas');

    await page.keyboard.press('f');
    await expect(page.getByTestId('scope-page')).toHaveAttribute('data-kind', 'focus');
    await expect(page.getByTestId('focus-view')).toHaveAttribute('data-ready', 'true');
    expect(new URL(page.url()).searchParams.get('node')).toBe(action);
    // One focus view opened, not two: Back returns to the org view with the action selected.
    await page.goBack();
    await expect(page.getByTestId('scope-page')).toHaveCount(0);
    await expect(page.getByTestId('impact-subject')).toHaveAttribute('data-node-id', action);
  });

  test('Esc clears the cursor and the selection; / jumps to the search box', async ({ page, request }) => {
    const org = await loadOrg(request);
    await openGraph(page);
    await tabToCanvas(page);
    await page.keyboard.press('Home');
    await page.keyboard.press('Enter');
    const [entry] = await cursorOf(page, org);
    await expect(page.getByTestId('impact-subject')).toHaveAttribute('data-node-id', entry ?? '');

    await page.keyboard.press('Escape');
    expect(await cursorOf(page, org)).toEqual([]);
    await expect(page.getByTestId('impact-subject')).toHaveCount(0);
    await expect(page.getByTestId('graph')).toBeFocused();

    await page.keyboard.press('/');
    await expect(page.getByTestId('search')).toBeFocused();
    await expect(page.getByTestId('search')).toHaveValue('');
    // Typed, `/` is a character again.
    await page.keyboard.type('a/b');
    await expect(page.getByTestId('search')).toHaveValue('a/b');
  });
  test('the first Tab stop is "Skip to the graph": shown while focused, Enter puts the keyboard on the canvas', async ({ page }) => {
    await openGraph(page);
    const skip = page.getByTestId('skip-to-graph');
    // Off screen until the keyboard reaches it.
    expect((await skip.boundingBox())?.y ?? 0).toBeLessThan(0);
    await page.keyboard.press('Tab');
    await expect(skip).toBeFocused();
    await expect(skip).toBeInViewport();
    await page.screenshot({ path: 'test-results/screens/keyboard-skip-link.png' });
    const urlBefore = page.url();
    await page.keyboard.press('Enter');
    await expect(page.getByTestId('graph')).toBeFocused();
    expect(page.url()).toBe(urlBefore);
    await page.keyboard.press('Home');
    await expect(page.getByTestId('graph-announcer')).toContainText('inbound call flow');
  });
});

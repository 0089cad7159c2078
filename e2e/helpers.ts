import { type ExportNode, type GraphResponse, parseGraphResponse, stepsResponseSchema } from '@flowgraph/core';
import { type APIRequestContext, expect, type Page } from '@playwright/test';

export type Org = GraphResponse;
export type OrgNode = ExportNode;

/** Reads the org the page shows in the contract's shape, once the first crawl is done (503 crawl-pending until then). */
export async function loadOrg(request: APIRequestContext): Promise<Org> {
  await expect.poll(async () => (await request.get('/api/graph')).status(), { timeout: 60_000 }).toBe(200);
  return parseGraphResponse(await (await request.get('/api/graph')).json());
}

/**
 * A flow whose step graph has a loop. The org analysis comes from dependency tracking, which
 * has no steps, so loops only show in a flow's step graph: ask for inbound call flows' steps
 * (the demo plants a menu loop in one) until one has a cycle.
 */
export async function findFlowWithLoop(request: APIRequestContext, org: Org): Promise<{ flow: OrgNode; members: string[] }> {
  for (const flow of org.graph.nodes.filter((node) => node.kind === 'flow' && node.type === 'INBOUNDCALL')) {
    const response = await request.get(`/api/flows/${encodeURIComponent(flow.id)}/steps`);
    if (!response.ok()) continue;
    const steps = stepsResponseSchema.parse(await response.json());
    const loop = steps.cycles[0];
    if (loop) return { flow, members: loop.members };
  }
  throw new Error('no inbound call flow of the demo org has a loop in its steps (the simulator plants one)');
}

export function nodeById(org: Org, id: string): OrgNode {
  const node = org.graph.nodes.find((candidate) => candidate.id === id);
  if (!node) throw new Error(`node ${id} is not in the org graph`);
  return node;
}

/** Re-crawls through the header button and waits until the new crawl is stored (Changes compares the last two). */
export async function recrawl(page: Page, request: APIRequestContext): Promise<void> {
  const stored = async () => ((await (await request.get('/api/history')).json()) as { snapshots: unknown[] }).snapshots.length;
  const before = await stored();
  await page.getByRole('button', { name: 'Re-crawl' }).click();
  await expect.poll(stored, { timeout: 60_000 }).toBe(before + 1);
}

export async function openGraph(page: Page, path = '/'): Promise<void> {
  await page.goto(path);
  await expect(page.getByTestId('graph')).toHaveAttribute('data-ready', 'true');
}

interface Probe {
  settled(): boolean;
  classes(id: string): string[];
  pagePosition(id: string): { x: number; y: number } | null;
  visible(id: string): boolean;
  inView(id: string): boolean;
}
/** The page's global scope as the probe sees it (the root tsconfig has no DOM lib, so no `window` type). */
interface ProbeHost {
  __flowgraph?: Record<string, Probe>;
}

/** Classes of a canvas element, through the page's read-only test probe. */
export function classesOf(page: Page, id: string, canvas = 'org'): Promise<string[]> {
  return page.evaluate(([c, i]) => (globalThis as ProbeHost).__flowgraph?.[c]?.classes(i) ?? [], [canvas, id] as const);
}

export function inView(page: Page, id: string, canvas = 'org'): Promise<boolean> {
  return page.evaluate(([c, i]) => (globalThis as ProbeHost).__flowgraph?.[c]?.inView(i) ?? false, [canvas, id] as const);
}

/** Waits until the canvas runs no view animation (a jump or a fit), instead of sleeping through one. */
export async function viewSettled(page: Page, canvas = 'org'): Promise<void> {
  await expect.poll(() => page.evaluate((c) => (globalThis as ProbeHost).__flowgraph?.[c]?.settled() ?? false, canvas)).toBe(true);
}

/** Centres a node through the search box, then clicks it where it is drawn. */
export async function clickNode(page: Page, node: OrgNode, options: { double?: boolean } = {}): Promise<void> {
  await bringIntoView(page, node);
  const at = await page.evaluate((i) => (globalThis as ProbeHost).__flowgraph?.org?.pagePosition(i) ?? null, node.id);
  if (!at) throw new Error(`node ${node.id} is not drawn`);
  if (options.double) await page.mouse.dblclick(at.x, at.y);
  else await page.mouse.click(at.x, at.y);
}

async function bringIntoView(page: Page, node: OrgNode): Promise<void> {
  await page.getByTestId('search').fill(node.name);
  await page.getByRole('option').filter({ hasText: node.name }).first().dispatchEvent('mousedown');
  await expect.poll(() => inView(page, node.id)).toBe(true);
  // The centring animation must be over before the position is read.
  await viewSettled(page);
  await page.keyboard.press('Escape');
}

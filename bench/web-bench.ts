/**
 * `pnpm bench web`: the real server in demo mode at 300, 3,000 and 10,000 flows, the built SPA in
 * headless Chromium (software rendering, as on this machine), one org at a time:
 * - payload: `/api/graph` as sent (compact JSON) uncompressed, brotli and gzip, and the object
 *   form it replaced (`GraphResponse` as JSON);
 * - page ready: navigation start to the canvas saying `data-ready` (the page's own clock);
 * - first frame: navigation start to the end of the first frame painted after that (the canvas drawn);
 * - select: a click on a node to the impact highlight on its first dependency;
 * - focus: the focus view of that node drawn (when the page has one);
 * - pan: frame intervals while the canvas is dragged and wheel-zoomed;
 * - the same opening and panning with Cytoscape's WebGL renderer forced (`?renderer=webgl`).
 * Nothing here asserts: it prints the figures, the ratios and their targets.
 */
import { type ChildProcess, spawn } from 'node:child_process';
import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { brotliCompressSync, gzipSync } from 'node:zlib';
import { type GraphResponse, parseGraphResponse } from '@flowgraph/core';
import { type Browser, chromium, type Page } from '@playwright/test';

export const WEB_SIZES = [300, 3000, 10_000];
export const WEB_TARGETS = { readyRatio: 3, selectRatio: 2, frameMs: 50 };

const repo = fileURLToPath(new URL('..', import.meta.url));

export interface WebRun {
  flows: number;
  nodes: number;
  edges: number;
  bytes: { objectForm: number; raw: number; brotli: number; gzip: number; sentBrotli: number };
  readyMs: number;
  firstFrameMs: number;
  /** The renderer the page chose (`data-renderer`): canvas here, where GL is software. */
  renderer: string;
  selectMs: number;
  focusMs: number | undefined;
  panFrames: { p50: number; p95: number; max: number; frames: number };
  /** The same page with `?renderer=webgl`: opening and panning. */
  webgl: { readyMs: number; firstFrameMs: number; renderer: string; panFrames: WebRun['panFrames'] };
}

interface Probe {
  classes(id: string): string[];
  pagePosition(id: string): { x: number; y: number } | null;
  inView(id: string): boolean;
  settled(): boolean;
  zoom(): number;
  pan(): { x: number; y: number };
  nodeIds(): string[];
}
interface ProbeHost {
  __flowgraph?: Record<string, Probe>;
  __readyAt?: number;
  __firstFrameAt?: number;
  __frames?: number[];
}

export async function runWebBench(port: number, sizes = WEB_SIZES): Promise<WebRun[]> {
  if (!existsSync(`${repo}apps/web/dist/index.html`)) throw new Error('build the web app first: pnpm --filter @flowgraph/web build');
  const browser = await chromium.launch({
    executablePath: '/usr/bin/chromium',
    args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--no-first-run'],
  });
  const runs: WebRun[] = [];
  try {
    for (const flows of sizes) {
      const server = await startDemoServer(port, flows);
      try {
        runs.push(await measure(browser, server.url, flows));
      } finally {
        await server.stop();
      }
    }
  } finally {
    await browser.close();
  }
  return runs;
}

async function measure(browser: Browser, url: string, flows: number): Promise<WebRun> {
  const bytes = await payloadBytes(url);
  const org = parseGraphResponse(await (await fetch(`${url}/api/graph`)).json());
  const { context, page, opened, sentBrotli } = await openPage(browser, url, '');
  const { node, dependency } = busiestNode(org);
  const selectMs = await select(page, url, node, dependency);
  const focusMs = await focus(page);
  const panFrames = await pan(page);
  await context.close();
  // The WebGL renderer, forced (`auto` does not pick it on software GL): opening and panning.
  const webgl = await openPage(browser, url, '?renderer=webgl');
  const webglRun = { ...webgl.opened, panFrames: await pan(webgl.page, 1) };
  await webgl.context.close();
  return {
    flows,
    nodes: org.graph.nodes.length,
    edges: org.graph.edges.length,
    bytes: { ...bytes, sentBrotli: sentBrotli() },
    ...opened,
    selectMs,
    focusMs,
    panFrames,
    webgl: webglRun,
  };
}

/** A new page on `url` + `query`, timed from navigation start to the canvas ready and its first frame painted. */
async function openPage(browser: Browser, url: string, query: string) {
  const context = await browser.newContext({ viewport: { width: 1600, height: 1000 } });
  const page = await context.newPage();
  // The page's own clock: navigation start is its time origin.
  await page.addInitScript(() => {
    const host = globalThis as unknown as ProbeHost & { document: Document; MutationObserver: typeof MutationObserver };
    new host.MutationObserver((_, observer) => {
      const graph = host.document.querySelector('[data-testid="graph"][data-ready="true"]');
      if (graph) {
        host.__readyAt = performance.now();
        // The frame after the next has started once the one drawing the canvas is painted.
        requestAnimationFrame(() => requestAnimationFrame(() => (host.__firstFrameAt = performance.now())));
        observer.disconnect();
      }
    }).observe(host.document, { subtree: true, attributes: true, childList: true });
  });
  let sentBrotli = 0;
  page.on('response', async (response) => {
    // The first answer only: the select step's second navigation gets a 304 with no body.
    if (new URL(response.url()).pathname === '/api/graph' && sentBrotli === 0 && response.status() === 200) {
      sentBrotli = (await response.request().sizes()).responseBodySize;
    }
  });
  await page.goto(`${url}/${query}`);
  await page.waitForFunction(() => (globalThis as ProbeHost).__readyAt !== undefined, undefined, { timeout: 300_000, polling: 100 });
  const readyMs = await page.evaluate(() => (globalThis as ProbeHost).__readyAt ?? 0);
  await page.waitForFunction(() => (globalThis as ProbeHost).__firstFrameAt !== undefined, undefined, { timeout: 300_000, polling: 100 });
  const firstFrameMs = await page.evaluate(() => (globalThis as ProbeHost).__firstFrameAt ?? 0);
  await page.waitForFunction(() => (globalThis as ProbeHost).__flowgraph?.org?.settled() ?? false, undefined, { timeout: 60_000 });
  const renderer = (await page.getByTestId('graph').getAttribute('data-renderer')) ?? 'unknown';
  return { context, page, opened: { readyMs, firstFrameMs, renderer }, sentBrotli: () => sentBrotli };
}

/** A flow using many others: its selection highlights the most. Its first dependency shows the highlight landed. */
function busiestNode(org: GraphResponse): { node: { id: string; name: string }; dependency: string } {
  const out = new Map<string, string[]>();
  for (const edge of org.graph.edges) out.set(edge.source, [...(out.get(edge.source) ?? []), edge.target]);
  const flows = org.graph.nodes.filter((node) => node.kind === 'flow');
  let best = flows[0];
  for (const flow of flows) if ((out.get(flow.id)?.length ?? 0) > (out.get(best?.id ?? '')?.length ?? 0)) best = flow;
  const dependency = best === undefined ? undefined : out.get(best.id)?.[0];
  if (best === undefined || dependency === undefined) throw new Error('the demo org has no flow with a dependency');
  return { node: best, dependency };
}

/**
 * Brings the node into view with a deep link to it (the page centres a linked selection), clears
 * the selection (Esc), then times a click on it to the highlight.
 */
async function select(page: Page, url: string, node: { id: string; name: string }, dependency: string): Promise<number> {
  await page.goto(`${url}/?select=${encodeURIComponent(node.id)}`);
  await page.waitForFunction((id) => (globalThis as ProbeHost).__flowgraph?.org?.inView(id) ?? false, node.id, { timeout: 300_000 });
  await page.waitForFunction(() => (globalThis as ProbeHost).__flowgraph?.org?.settled() ?? false, undefined, { timeout: 60_000 });
  await page.keyboard.press('Escape');
  await page.waitForFunction((id) => !((globalThis as ProbeHost).__flowgraph?.org?.classes(id).includes('selected') ?? true), node.id, {
    timeout: 60_000,
  });
  await page.waitForTimeout(500);
  const at = await page.evaluate((id) => (globalThis as ProbeHost).__flowgraph?.org?.pagePosition(id) ?? null, node.id);
  if (!at) throw new Error(`node ${node.id} is not drawn`);
  const started = Date.now();
  await page.mouse.click(at.x, at.y);
  await page.waitForFunction((id) => (globalThis as ProbeHost).__flowgraph?.org?.classes(id).includes('downstream') ?? false, dependency, {
    timeout: 120_000,
    polling: 'raf',
  });
  return Date.now() - started;
}

/** The focus view of the selected node, when the page has one (`F`); undefined otherwise. */
async function focus(page: Page): Promise<number | undefined> {
  const started = Date.now();
  await page.keyboard.press('f');
  try {
    await page.waitForFunction(() => (globalThis as ProbeHost).__flowgraph?.scope?.settled() === true, undefined, {
      timeout: 30_000,
      polling: 'raf',
    });
  } catch {
    return undefined;
  }
  const ms = Date.now() - started;
  await page.goBack();
  await page.waitForFunction(() => (globalThis as ProbeHost).__flowgraph?.org?.settled() ?? false, undefined, { timeout: 60_000 });
  return ms;
}

/** Frames while the view is dragged and wheel-zoomed `rounds` times (WebGL on a software rasteriser: one, each frame taking seconds at 10,000 flows). */
async function pan(page: Page, rounds = 3): Promise<WebRun['panFrames']> {
  const box = await page.getByTestId('graph').boundingBox();
  if (!box) throw new Error('no graph canvas');
  // A string: tsx would wrap a named function inside a callback in a helper the page does not have.
  await page.evaluate(`(() => {
    window.__frames = [];
    let last = performance.now();
    requestAnimationFrame(function tick(now) {
      if (!window.__frames) return;
      window.__frames.push(now - last);
      last = now;
      requestAnimationFrame(tick);
    });
  })()`);
  // From the empty point nearest the middle of the canvas: a press on a node (or on the level of
  // detail's note over the top of the canvas) moves nothing.
  const { x, y } = await page.evaluate((area) => {
    const org = (globalThis as ProbeHost).__flowgraph?.org;
    const centres = (org?.nodeIds() ?? []).flatMap((id) => org?.pagePosition(id) ?? []);
    let best = { x: area.x + area.width / 2, y: area.y + area.height / 2, score: Number.NEGATIVE_INFINITY };
    for (let row = 1; row < 12; row++) {
      for (let column = 1; column < 12; column++) {
        const point = { x: area.x + (area.width * column) / 12, y: area.y + area.height * (0.25 + (0.6 * row) / 12) };
        let clearance = Number.POSITIVE_INFINITY;
        for (const centre of centres) clearance = Math.min(clearance, Math.hypot(centre.x - point.x, centre.y - point.y));
        // Clear of every node by 30 px, then as near the middle as possible.
        const score = Math.min(clearance, 30) - Math.hypot(point.x - area.x - area.width / 2, point.y - area.y - area.height / 2) / 1000;
        if (score > best.score) best = { ...point, score };
      }
    }
    return best;
  }, box);
  const view = () =>
    page.evaluate(() => {
      const org = (globalThis as ProbeHost).__flowgraph?.org;
      return org ? { ...org.pan(), zoom: org.zoom() } : undefined;
    });
  const before = await view();
  let dragged = before;
  for (let round = 0; round < rounds; round++) {
    await page.mouse.move(x, y);
    await page.mouse.down();
    await page.mouse.move(x - 300, y + 200, { steps: 30 });
    if (round === 0) dragged = await view();
    await page.mouse.move(x, y, { steps: 30 });
    await page.mouse.up();
    for (let step = 0; step < 5; step++) await page.mouse.wheel(0, round % 2 === 0 ? -120 : 120);
  }
  const after = await view();
  // Frames of a drag that moved nothing would say nothing of panning.
  if (before?.x === dragged?.x && before?.y === dragged?.y) throw new Error('pan: the drag did not move the view');
  if (before?.zoom === after?.zoom) throw new Error('pan: the wheel did not zoom the view');
  const frames = await page.evaluate(() => {
    const host = globalThis as ProbeHost;
    const recorded = host.__frames ?? [];
    host.__frames = undefined;
    return recorded.slice(1);
  });
  const sorted = [...frames].sort((a, b) => a - b);
  const at = (share: number) => sorted[Math.min(sorted.length - 1, Math.floor(sorted.length * share))] ?? 0;
  return { p50: at(0.5), p95: at(0.95), max: sorted.at(-1) ?? 0, frames: frames.length };
}

async function payloadBytes(url: string): Promise<Omit<WebRun['bytes'], 'sentBrotli'>> {
  // Node's fetch undoes the encoding: the compact JSON as the page reads it.
  const text = await (await fetch(`${url}/api/graph`, { headers: { 'accept-encoding': 'identity' } })).text();
  const raw = Buffer.byteLength(text);
  const objectForm = Buffer.byteLength(JSON.stringify(parseGraphResponse(JSON.parse(text))));
  return { objectForm, raw, brotli: brotliCompressSync(text).length, gzip: gzipSync(text).length };
}

/** The real server in demo mode with `flows` flows and no snapshot store, once its first crawl answers (also the 3,000-flow e2e's). */
export async function startDemoServer(port: number, flows: number): Promise<{ url: string; stop(): Promise<void> }> {
  const url = `http://127.0.0.1:${port}`;
  const child: ChildProcess = spawn(process.execPath, ['--conditions=@flowgraph/source', '--import', 'tsx', 'apps/server/src/main.ts'], {
    cwd: repo,
    env: {
      ...process.env,
      PORT: String(port),
      HOST: '127.0.0.1',
      FLOWGRAPH_MODE: 'demo',
      FLOWGRAPH_DEMO_FLOWS: String(flows),
      FLOWGRAPH_DATA_DIR: 'off',
    },
    stdio: ['ignore', 'ignore', 'pipe'],
  });
  let stderr = '';
  child.stderr?.setEncoding('utf8').on('data', (chunk: string) => (stderr += chunk));
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
  const stop = async () => {
    child.kill('SIGTERM');
    await exited;
  };
  const deadline = Date.now() + 600_000;
  while (Date.now() < deadline) {
    if (child.exitCode !== null) throw new Error(`the demo server exited (${child.exitCode}): ${stderr.slice(-2000)}`);
    const status = await fetch(`${url}/api/graph`, { method: 'HEAD' }).then(
      (response) => response.status,
      () => 0,
    );
    if (status === 200) return { url, stop };
    await new Promise((resolve) => setTimeout(resolve, 1000));
  }
  await stop();
  throw new Error(`the demo server with ${flows} flows did not finish its first crawl in 10 minutes`);
}

/**
 * `pnpm bench binding`: react-cytoscapejs against the one adapter (GraphCanvas), in Chromium, in
 * React's development build with StrictMode (as `vite` serves it), on an org-shaped graph of
 * about 16,000 elements. Prints the time of one interaction (a selection: React render, commit and
 * the class changes applied to Cytoscape) and what StrictMode did to the Cytoscape instances.
 */
import type { AddressInfo } from 'node:net';
import { createRequire } from 'node:module';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { chromium } from '@playwright/test';

/** What the bench uses of Vite's dev server; Vite is the web app's dependency, loaded from there. */
interface DevServer {
  listen(port?: number): Promise<unknown>;
  httpServer: { address(): AddressInfo | string | null } | null;
  close(): Promise<void>;
}
const page = fileURLToPath(new URL('../apps/web/bench/binding/', import.meta.url));
const fromWeb = createRequire(new URL('../apps/web/package.json', import.meta.url));

export interface BindingRun {
  variant: string;
  elements: number;
  medianMs: number;
  p95Ms: number;
  instancesCreated: number;
  instancesDestroyed: number;
  liveInstanceIsDrawn: boolean;
  tapsSeen: number;
}

const VARIANTS = ['canvas', 'react-cytoscapejs', 'react-cytoscapejs-memo'];
const INTERACTIONS = 30;

/**
 * The bench page served by Vite in development mode (React's development build: StrictMode mounts,
 * unmounts and mounts again). Also what e2e/binding.spec.ts loads.
 */
export async function serveBindingPage(): Promise<{ url: string; close(): Promise<void> }> {
  const vite = (await import(pathToFileURL(fromWeb.resolve('vite')).href)) as { createServer(config: object): Promise<DevServer> };
  const server = await vite.createServer({ root: page, configFile: `${page}vite.config.ts`, logLevel: 'error' });
  await server.listen(0);
  const address = server.httpServer?.address();
  const port = typeof address === 'object' && address ? address.port : 0;
  return { url: `http://127.0.0.1:${port}/`, close: () => server.close() };
}

export async function runBindingBench(nodes = 6400): Promise<BindingRun[]> {
  const served = await serveBindingPage();
  const browser = await chromium.launch({ executablePath: '/usr/bin/chromium', args: ['--no-sandbox', '--disable-gpu'] });
  const runs: BindingRun[] = [];
  try {
    for (const variant of VARIANTS) {
      const tab = await browser.newPage({ viewport: { width: 1600, height: 1000 } });
      await tab.goto(`${served.url}?variant=${variant}&nodes=${nodes}`);
      await tab.waitForFunction(() => (globalThis as { __binding?: unknown }).__binding !== undefined, undefined, { timeout: 120_000 });
      await tab.waitForTimeout(1500);
      const result = await tab.evaluate(async (times) => {
        const binding = (globalThis as unknown as { __binding: BindingHandle }).__binding;
        const durations = await binding.interact(times);
        binding.tapFirstNode();
        return { durations, elements: binding.elements, report: { ...binding.report } };
      }, INTERACTIONS);
      const sorted = [...result.durations].sort((a, b) => a - b);
      runs.push({
        variant,
        elements: result.elements,
        medianMs: sorted[Math.floor(sorted.length / 2)]!,
        p95Ms: sorted[Math.floor(sorted.length * 0.95)]!,
        ...result.report,
      });
      await tab.close();
    }
  } finally {
    await browser.close();
    await served.close();
  }
  return runs;
}

interface BindingHandle {
  elements: number;
  report: { instancesCreated: number; instancesDestroyed: number; liveInstanceIsDrawn: boolean; tapsSeen: number };
  interact(times: number): Promise<number[]>;
  tapFirstNode(): void;
}

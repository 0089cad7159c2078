import { existsSync, mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { defineConfig, devices } from '@playwright/test';

// The real server in demo mode, serving the built SPA: what a user gets from `pnpm start`.
const port = Number(process.env.FLOWGRAPH_E2E_PORT ?? 8181);
const baseURL = `http://127.0.0.1:${port}`;
// `pnpm test` builds the web app first; a lone `playwright test` builds it when dist is missing.
const build = existsSync('apps/web/dist/index.html') ? '' : 'pnpm --filter @flowgraph/web build && ';
// A fresh snapshot store per run: the server restores its last stored crawl on start, and a run
// must not start from what an earlier run (or \`pnpm start\`) left in .flowgraph/. Each refresh
// publishes new versions of 3 demo flows (never the ones carrying planted problems), so Changes
// mode has a change to show.
const dataDir = mkdtempSync(join(tmpdir(), 'flowgraph-e2e-'));
// A second server in team mode (FLOWGRAPH_AUTH=genesys, the demo simulator signing people in),
// for e2e/team.spec.ts: 1000 above the port, so each worktree's pair stays apart.
const teamPort = port + 1000;
const teamURL = `http://127.0.0.1:${teamPort}`;
const teamDataDir = mkdtempSync(join(tmpdir(), 'flowgraph-e2e-team-'));
const chromium = {
  ...devices['Desktop Chrome'],
  viewport: { width: 1600, height: 1000 },
  launchOptions: {
    // Debian's Chromium: `npx playwright install` cannot download browsers here.
    executablePath: '/usr/bin/chromium',
    args: [
      '--no-sandbox',
      '--disable-gpu',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
      '--no-first-run',
    ],
  },
};
const node = 'node --conditions=@flowgraph/source --import tsx apps/server/src/main.ts';
const serverCommand = `${build}${node}`;
// The team server starts once the first server's build (if any) has written the SPA.
const teamCommand = build ? `bash -c 'until [ -f apps/web/dist/index.html ]; do sleep 1; done; exec ${node}'` : node;

export default defineConfig({
  testDir: 'e2e',
  outputDir: 'test-results/',
  timeout: 60_000,
  expect: { timeout: 15_000 },
  // Two cores: one browser at a time keeps the server and Chromium from starving each other.
  workers: 1,
  fullyParallel: false,
  forbidOnly: !!process.env.CI,
  retries: 0,
  reporter: process.env.CI ? [['list'], ['html', { open: 'never', outputFolder: 'playwright-report' }]] : 'list',
  use: {
    baseURL,
    acceptDownloads: true,
    screenshot: 'on',
    trace: 'retain-on-failure',
    viewport: { width: 1600, height: 1000 },
  },
  projects: [
    { name: 'chromium', testIgnore: /team\.spec\.ts/, use: chromium },
    { name: 'team', testMatch: /team\.spec\.ts/, use: { ...chromium, baseURL: teamURL } },
  ],
  webServer: [
    {
      command: serverCommand,
      url: `${baseURL}/api/health`,
      env: { PORT: String(port), HOST: '127.0.0.1', FLOWGRAPH_MODE: 'demo', FLOWGRAPH_DATA_DIR: dataDir, FLOWGRAPH_DEMO_CHANGES: '3' },
      reuseExistingServer: !process.env.CI,
      timeout: 180_000,
      stdout: 'ignore',
      stderr: 'pipe',
    },
    {
      // /api answers 401 until someone signs in; Playwright counts a 401 as "up".
      command: teamCommand,
      url: `${teamURL}/api/health`,
      env: {
        PORT: String(teamPort),
        HOST: '127.0.0.1',
        FLOWGRAPH_MODE: 'demo',
        FLOWGRAPH_AUTH: 'genesys',
        FLOWGRAPH_PUBLIC_URL: teamURL,
        FLOWGRAPH_DATA_DIR: teamDataDir,
      },
      reuseExistingServer: !process.env.CI,
      timeout: 180_000,
      stdout: 'ignore',
      stderr: 'pipe',
    },
  ],
});

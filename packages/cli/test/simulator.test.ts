import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { analysisReportSchema, SnapshotSchema } from '@flowgraph/core';
import { DEMO_CREDENTIALS, startSimulator } from '@flowgraph/simulator';
import { describe, expect, it, vi } from 'vitest';
import { runCli, tempFolder } from './helpers.js';

const SMALL_ORG = 30;

describe('[I] commands against the simulator', () => {
  it('analyze --demo crawls an in-process simulator through the real client', async () => {
    const run = await runCli(['analyze', '--demo', '--format', 'json'], { env: { FLOWGRAPH_DEMO_FLOWS: String(SMALL_ORG) } });
    expect(run.code).toBe(0);
    const json = analysisReportSchema.parse(JSON.parse(run.stdout));
    expect(json.imports).toMatchObject({ files: { total: 1, byFormat: { snapshot: 1 } } });
    // The simulator plants a deleted flow, which the listing (like Genesys') leaves out.
    expect(json.summary.flows).toBeGreaterThanOrEqual(SMALL_ORG - 2);
    expect(json.summary.resources).toBeGreaterThan(0);
  });

  it('fetch writes a snapshot other commands read, with a latency table on stderr', async () => {
    const simulator = await startSimulator({ port: 0, flows: SMALL_ORG });
    const { dir, cleanup } = await tempFolder({});
    try {
      const env = {
        GENESYSCLOUD_OAUTHCLIENT_ID: DEMO_CREDENTIALS.clientId,
        GENESYSCLOUD_OAUTHCLIENT_SECRET: DEMO_CREDENTIALS.clientSecret,
      };
      const run = await runCli(['fetch', '--base-url', simulator.url, '--out', 'org.json', '--no-cache', '--no-store'], { cwd: dir, env });
      expect(run.code).toBe(0);
      expect(run.stdout).toBe('');
      expect(run.stderr).toMatch(/GET \/api\/v2\/flows\s+\d+/);
      const snapshot = SnapshotSchema.parse(JSON.parse(await readFile(join(dir, 'org.json'), 'utf8')));
      expect(snapshot.flows.length).toBeGreaterThanOrEqual(SMALL_ORG - 2);
      expect(run.stderr).toMatch(new RegExp(`Fetched\\s+${snapshot.flows.length} flows in [\\d.]+ s with \\d+ requests → org.json\n`));
      const check = await runCli(['check', 'org.json'], { cwd: dir });
      // Every simulated org plants an org cycle and publish errors: check must fail CI on them.
      expect(check.code).toBe(1);
      expect(check.stdout).toMatch(/files\s+1 \(snapshot 1\)/);
      expect(check.stdout).toContain('org-cycle');
      expect(check.stdout).toContain('published-uses-deleted');
    } finally {
      await cleanup();
      await simulator.close();
    }
  });

  it('fetch --out does not replace a good snapshot with the partial result of a crawl whose org died half way', async () => {
    const env = { GENESYSCLOUD_OAUTHCLIENT_ID: DEMO_CREDENTIALS.clientId, GENESYSCLOUD_OAUTHCLIENT_SECRET: DEMO_CREDENTIALS.clientSecret };
    const { dir, cleanup } = await tempFolder({});
    const first = await startSimulator({ port: 0, flows: SMALL_ORG });
    try {
      const good = await runCli(['fetch', '--base-url', first.url, '--out', 'org.json', '--no-cache'], { cwd: dir, env });
      expect(good.code).toBe(0);
    } finally {
      await first.close();
    }
    const goodSnapshot = await readFile(join(dir, 'org.json'), 'utf8');
    const dying = await startSimulator({ port: 0, flows: 120, latencyMs: 20 });
    let closed = false;
    try {
      const fetching = runCli(['fetch', '--base-url', dying.url, '--out', 'org.json', '--no-cache'], { cwd: dir, env });
      // The org goes away after a fifth of the flows.
      await vi.waitFor(() => expect(dying.stats.requests).toBeGreaterThan(30), { timeout: 20_000, interval: 5 });
      await dying.close();
      closed = true;
      const partial = await fetching;
      expect(partial.code).toBe(2);
      expect(partial.stderr).toMatch(
        /the crawl is incomplete \(not stored\): the dependencies of \d+ of \d+ flows could not be fetched \(more than 2%\); org\.json was not replaced, the partial snapshot is in org\.partial\.json/,
      );
      expect(partial.stderr).toContain('Genesys Cloud is unreachable');
      expect(await readFile(join(dir, 'org.json'), 'utf8')).toBe(goodSnapshot);
      const kept = SnapshotSchema.parse(JSON.parse(await readFile(join(dir, 'org.partial.json'), 'utf8')));
      expect(kept.errors.length).toBeGreaterThan(3);
    } finally {
      if (!closed) await dying.close();
      await cleanup();
    }
  });

  it('fetch without credentials exits 2 naming the missing variables', async () => {
    const run = await runCli(['fetch', '--base-url', 'http://127.0.0.1:9'], { env: {} });
    expect(run.code).toBe(2);
    expect(run.stderr).toContain('GENESYSCLOUD_OAUTHCLIENT_ID');
  });

  it('--live without credentials exits 2 naming the missing variables, never a secret', async () => {
    const run = await runCli(['check', '--live'], { env: { GENESYSCLOUD_OAUTHCLIENT_SECRET: 'top-secret' } });
    expect(run.code).toBe(2);
    expect(run.stderr).toMatch(/^flowgraph: .*GENESYSCLOUD_OAUTHCLIENT_ID/);
    expect(run.stderr).not.toContain('top-secret');
  });

  it('simulate serves until interrupted and prints its URL and credentials', async () => {
    const interrupt = new AbortController();
    let stdout = '';
    let announce: (url: string) => void = () => {};
    const listening = new Promise<string>((resolve) => {
      announce = resolve;
    });
    const finished = runCli(['simulate', '--port', '0', '--flows', String(SMALL_ORG)], {
      signal: interrupt.signal,
      stdout: {
        write: (chunk: string) => {
          stdout += chunk;
          const url = /listening on (\S+)/.exec(stdout)?.[1];
          if (url) announce(url);
        },
      },
    });
    const url = await listening;
    expect(stdout).toContain(DEMO_CREDENTIALS.clientSecret);
    // Served: an API call without a token is refused the way Genesys refuses it.
    expect((await fetch(`${url}/api/v2/flows`)).status).toBe(401);
    interrupt.abort();
    const result = await finished;
    expect(result.code).toBe(0);
    expect(result.stderr).toContain('simulator stopped');
  });
});

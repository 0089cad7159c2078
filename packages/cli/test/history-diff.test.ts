import { readdir } from 'node:fs/promises';
import { join } from 'node:path';
import { DEMO_CREDENTIALS, type RunningSimulator, startSimulator } from '@flowgraph/simulator';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runCli, tempFolder } from './helpers.js';

const env = (dataDir: string) => ({
  GENESYSCLOUD_OAUTHCLIENT_ID: DEMO_CREDENTIALS.clientId,
  GENESYSCLOUD_OAUTHCLIENT_SECRET: DEMO_CREDENTIALS.clientSecret,
  FLOWGRAPH_DATA_DIR: dataDir,
});

describe('[I] fetch into the store, history and diff', () => {
  let simulator: RunningSimulator;
  let folder: { dir: string; cleanup: () => Promise<void> };
  beforeAll(async () => {
    simulator = await startSimulator({ port: 0, flows: 40, seed: 4, rateLimit: 100_000 });
    folder = await tempFolder({});
  });
  afterAll(async () => {
    await simulator?.close();
    await folder?.cleanup();
  });

  it('keeps every fetch, re-crawls incrementally, and diffs the last two crawls', async () => {
    const data = join(folder.dir, 'data');
    const fetch = async (...extra: string[]) => {
      const run = await runCli(['fetch', '--base-url', simulator.url, '--no-cache', '--format', 'json', ...extra], {
        cwd: folder.dir,
        env: env(data),
      });
      expect(run.code, run.stderr).toBe(0);
      return JSON.parse(run.stdout);
    };
    const empty = await runCli(['history'], { cwd: folder.dir, env: env(data) });
    expect(empty.stdout).toMatch(/No snapshots in .*data yet/);

    const first = await fetch();
    expect(first).toMatchObject({ flowsReused: 0, failed: 0, snapshot: { ref: '@1' } });
    expect(first.flowsFetched).toBe(first.flowsListed);
    const second = await fetch();
    // The token, the listing page, the deleted-resource consumers and the one never-published module the simulator plants.
    expect(second).toMatchObject({ requests: 4, flowsFetched: 1, flowsReused: first.flowsListed - 1, snapshot: { ref: '@2' } });
    expect(await readdir(data)).toContain('.gitignore');

    const published = simulator.publishNewVersions({ count: 3 });
    const third = await fetch();
    expect(third.flowsFetched).toBe(1 + published.length);
    const full = await fetch('--full');
    expect(full).toMatchObject({ flowsReused: 0, mode: 'full' });

    const history = await runCli(['history', '--format', 'json'], { cwd: folder.dir, env: env(data) });
    const { snapshots } = JSON.parse(history.stdout);
    expect(snapshots.map((record: { id: number }) => record.id)).toEqual([4, 3, 2, 1]);
    expect(snapshots[1]).toMatchObject({ crawl: { flowsReused: first.flowsListed - 1 - published.length } });

    const diff = await runCli(['diff', '@2', '@3', '--format', 'json'], { cwd: folder.dir, env: env(data) });
    expect(diff.code).toBe(0);
    const json = JSON.parse(diff.stdout);
    expect(json.flows.changed.map((changed: { id: string }) => changed.id).sort()).toEqual(published.map((change) => change.id).sort());
    expect(json.flows.added).toEqual([]);
    expect(json.edges.added.length).toBeGreaterThan(0);
    expect(json).toHaveProperty('impact.entryFlows');
    expect(json).toHaveProperty('publishOrder');
    // The last two crawls saw the same org: nothing changed between them.
    const same = await runCli(['diff', '@previous', '@latest'], { cwd: folder.dir, env: env(data) });
    expect(same.stdout).toMatch(/no change in flows, resources or dependencies/);

    const text = await runCli(['diff', '@2', '@3'], { cwd: folder.dir, env: env(data) });
    expect(text.stdout).toMatch(new RegExp(`flows 0 added · 0 removed · ${published.length} changed`));
    const markdown = await runCli(['diff', '@2', '@3', '--format', 'markdown', '--title', 'last week → today'], {
      cwd: folder.dir,
      env: env(data),
    });
    expect(markdown.stdout).toMatch(/^## Flowgraph change review: last week → today\n/);
    expect(markdown.stdout).toContain('```mermaid');

    const pruned = await runCli(['history', 'prune', '--keep', '2'], { cwd: folder.dir, env: env(data) });
    expect(pruned.stdout).toMatch(/^Pruned 2 snapshots/);
    const gone = await runCli(['diff', '@1', '@latest'], { cwd: folder.dir, env: env(data) });
    expect(gone).toMatchObject({ code: 2 });
    expect(gone.stderr).toMatch(/no snapshot @1 in/);
  });

  it('diffs a stored snapshot against a snapshot file, with clear errors for a missing side or store', async () => {
    const { dir, cleanup } = await tempFolder({});
    try {
      const data = join(dir, 'data');
      const saved = await runCli(['fetch', '--base-url', simulator.url, '--no-cache', '--out', 'org.json'], { cwd: dir, env: env(data) });
      expect(saved.code).toBe(0);
      const same = await runCli(['diff', '@latest', 'org.json', '--format', 'json', '--exit-code'], { cwd: dir, env: env(data) });
      expect(same.code).toBe(0);
      expect(JSON.parse(same.stdout).summary).toMatchObject({ flowsChanged: 0, edgesAdded: 0, findingsIntroduced: 0 });
      expect((await runCli(['diff', 'org.json'], { cwd: dir, env: env(data) })).stderr).toMatch(/give two sides/);
      expect(
        (await runCli(['diff', '@latest', '@9'], { cwd: join(dir, 'elsewhere'), env: { FLOWGRAPH_DATA_DIR: join(dir, 'none') } })).stderr,
      ).toMatch(/no snapshot store in .*none yet/);
    } finally {
      await cleanup();
    }
  });
});

describe('[I] check --baseline with a stored snapshot', () => {
  it('takes the problems of @latest as the baseline', async () => {
    const simulator = await startSimulator({ port: 0, flows: 30, seed: 2, rateLimit: 100_000 });
    const { dir, cleanup } = await tempFolder({});
    try {
      const data = join(dir, 'data');
      expect(
        (await runCli(['fetch', '--base-url', simulator.url, '--no-cache', '--out', 'org.json'], { cwd: dir, env: env(data) })).code,
      ).toBe(0);
      // The simulated org has an org cycle and publish errors: without a baseline check fails.
      expect((await runCli(['check', 'org.json'], { cwd: dir, env: env(data) })).code).toBe(1);
      const run = await runCli(['check', 'org.json', '--baseline', '@latest'], { cwd: dir, env: env(data) });
      expect(run.code).toBe(0);
      expect(run.stdout).toMatch(/Baseline {2}0 new problems · \d+ existing · 0 fixed/);
    } finally {
      await cleanup();
      await simulator.close();
    }
  });
});

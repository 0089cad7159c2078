import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { Readable } from 'node:stream';
import { SnapshotSchema } from '@flowgraph/core';
import { type RunningSimulator, startSimulator } from '@flowgraph/simulator';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runCli, tempFolder } from './helpers.js';

// Distinctive, so a leak anywhere is found by a plain substring search.
const CLIENT_ID = 'tutorial-client';
const SECRET = 'cli-LEAK-CANARY-2b7d41e9-secret';
const stdinWith = (text: string) => Readable.from([Buffer.from(text)]);

/** The tutorial's way of passing credentials: flags, with the environment still the default. */
describe('[I] credential flags of fetch and --live', () => {
  let simulator: RunningSimulator;
  const outputs: string[] = [];
  const run = async (...args: Parameters<typeof runCli>) => {
    const result = await runCli(...args);
    outputs.push(result.stdout, result.stderr);
    return result;
  };

  // --live caches responses under its working directory: a folder of its own.
  let cwd: string;
  let removeCwd: () => Promise<void>;

  beforeAll(async () => {
    simulator = await startSimulator({ port: 0, flows: 30, credentials: { clientId: CLIENT_ID, clientSecret: SECRET } });
    ({ dir: cwd, cleanup: removeCwd } = await tempFolder({}));
  });
  afterAll(async () => {
    await simulator.close();
    await removeCwd();
    // No output of any run in this file shows the secret.
    for (const output of outputs) expect(output.includes(SECRET), output.slice(0, 200)).toBe(false);
  });

  it('fetch --client-id --client-secret-stdin reads the secret from the first line of standard input', async () => {
    const { dir, cleanup } = await tempFolder({});
    try {
      const result = await run(
        ['fetch', '--base-url', simulator.url, '--client-id', CLIENT_ID, '--client-secret-stdin', '--out', 'org.json', '--no-cache'],
        { cwd: dir, env: {}, stdin: stdinWith(`${SECRET}\nthe rest is not read\n`) },
      );
      expect(result.code, result.stderr).toBe(0);
      expect(result.stderr).not.toContain('warning');
      const snapshot = SnapshotSchema.parse(JSON.parse(await readFile(join(dir, 'org.json'), 'utf8')));
      expect(snapshot.flows.length).toBeGreaterThan(20);
      expect(await readFile(join(dir, 'org.json'), 'utf8')).not.toContain(SECRET);
    } finally {
      await cleanup();
    }
  });

  it('analyze --live --client-secret VALUE works and warns that a command line is visible to other users', async () => {
    const result = await run(['analyze', '--live', '--client-id', CLIENT_ID, '--client-secret', SECRET, '--format', 'json'], {
      cwd,
      env: { GENESYSCLOUD_BASE_URL: simulator.url },
    });
    expect(result.code, result.stderr).toBe(0);
    expect(result.stderr).toMatch(
      /warning: --client-secret puts the secret on the command line, where other users of this machine can read it/,
    );
    expect((JSON.parse(result.stdout) as { summary: { flows: number } }).summary.flows).toBeGreaterThan(20);
  });

  it('keeps the environment as the default and lets the flags win over it', async () => {
    const env = {
      GENESYSCLOUD_BASE_URL: simulator.url,
      GENESYSCLOUD_OAUTHCLIENT_ID: CLIENT_ID,
      GENESYSCLOUD_OAUTHCLIENT_SECRET: 'stale-env-secret',
    };
    const refused = await run(['check', '--live'], { cwd, env });
    expect(refused.code).toBe(2);
    expect(refused.stderr).toMatch(/authentication failed/i);
    const flagged = await run(['check', '--live', '--client-secret-stdin', '--format', 'json'], {
      cwd,
      env,
      stdin: stdinWith(`${SECRET}\r\n`),
    });
    // 1: the simulated org plants problems; the crawl itself worked.
    expect(flagged.code, flagged.stderr).toBe(1);
  });

  it('refuses both secret flags, an empty standard input, and credential flags without --live, never echoing the secret', async () => {
    const both = await run(['fetch', '--base-url', simulator.url, '--client-secret', SECRET, '--client-secret-stdin'], {
      env: {},
      stdin: stdinWith(`${SECRET}\n`),
    });
    expect(both).toMatchObject({ code: 2, stderr: expect.stringContaining('use --client-secret-stdin or --client-secret, not both') });
    const empty = await run(['fetch', '--base-url', simulator.url, '--client-id', CLIENT_ID, '--client-secret-stdin'], {
      env: {},
      stdin: stdinWith('\n'),
    });
    expect(empty).toMatchObject({ code: 2, stderr: expect.stringContaining('--client-secret-stdin found no secret on standard input') });
    const files = await run(['analyze', 'flows/', '--client-secret', SECRET], { env: {} });
    expect(files).toMatchObject({ code: 2, stderr: expect.stringContaining('go with --live') });
    const wrong = await run(['fetch', '--base-url', simulator.url, '--client-id', CLIENT_ID, '--client-secret-stdin', '--no-cache'], {
      env: {},
      stdin: stdinWith(`${SECRET}-wrong\n`),
    });
    expect(wrong.code).toBe(2);
    expect(wrong.stderr).toMatch(/authentication failed/i);
    expect(wrong.stderr).not.toContain(`${SECRET}-wrong`);
  });
});

import { type ChildProcess, spawn } from 'node:child_process';
import { join } from 'node:path';
import { Readable } from 'node:stream';
import { type RunningSimulator, startSimulator } from '@flowgraph/simulator';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { readServerArgs } from '../src/args.js';

const CLIENT_ID = 'server-flag-client';
const SECRET = 'srv-LEAK-CANARY-93c1d7aa-secret';
const stdinWith = (text: string) => Readable.from([Buffer.from(text)]);
const noStdin = Readable.from([]);
const NO_SERVE_FLAGS = { open: false, watch: true, set: {}, substitutions: [] };

describe('[U] the server’s credential flags', () => {
  it('reads --client-id and the secret from standard input, and warns about --client-secret VALUE', async () => {
    expect(await readServerArgs(['--client-id', CLIENT_ID, '--client-secret-stdin'], stdinWith(`${SECRET}\n`))).toEqual({
      env: { GENESYSCLOUD_OAUTHCLIENT_ID: CLIENT_ID, GENESYSCLOUD_OAUTHCLIENT_SECRET: SECRET },
      warnings: [],
      serve: NO_SERVE_FLAGS,
    });
    const inline = await readServerArgs(['--client-secret', SECRET], noStdin);
    expect(inline.env).toEqual({ GENESYSCLOUD_OAUTHCLIENT_SECRET: SECRET });
    expect(inline.warnings.join('')).toMatch(/other users of this machine can read it/);
    expect(inline.warnings.join('')).not.toContain(SECRET);
    expect(await readServerArgs([], noStdin)).toEqual({ env: {}, warnings: [], serve: NO_SERVE_FLAGS });
  });

  it('takes input paths and the serve flags: files mode', async () => {
    const args = await readServerArgs(
      ['flows', 'exports/', '--port', '0', '--host', '0.0.0.0', '--open', '--no-watch', '--set', 'a=b=c', '--substitutions', 'repo'],
      noStdin,
    );
    expect(args.inputs).toEqual(['flows', 'exports/']);
    expect(args.serve).toEqual({ port: 0, host: '0.0.0.0', open: true, watch: false, set: { a: 'b=c' }, substitutions: ['repo'] });
    await expect(readServerArgs(['flows', '--port', 'eighty'], noStdin)).rejects.toThrow(/--port/);
    await expect(readServerArgs(['flows', '--set', 'novalue'], noStdin)).rejects.toThrow(/--set: expected name=value/);
    await expect(readServerArgs(['flows', '--client-id', CLIENT_ID], noStdin)).rejects.toThrow(/not both/);
  });

  it('refuses an unknown flag, both secret flags, and an empty standard input, never echoing a value', async () => {
    await expect(readServerArgs(['--secret', SECRET], noStdin)).rejects.toThrow(/Unknown option '--secret'[\s\S]*--client-secret-stdin/);
    await expect(readServerArgs(['--secret', SECRET], noStdin)).rejects.not.toThrow(SECRET);
    await expect(readServerArgs(['--client-secret', SECRET, '--client-secret-stdin'], noStdin)).rejects.toThrow(/not both/);
    await expect(readServerArgs(['--client-secret-stdin'], stdinWith('\n'))).rejects.toThrow(/found no secret/);
  });
});

/** `pnpm start -- --client-id … --client-secret-stdin` as a process: live mode on the flags alone. */
describe('[I] the server started with credential flags', () => {
  let simulator: RunningSimulator;
  const children: ChildProcess[] = [];

  beforeAll(async () => {
    simulator = await startSimulator({ port: 0, flows: 30, credentials: { clientId: CLIENT_ID, clientSecret: SECRET } });
  });
  afterAll(async () => {
    for (const child of children) child.kill('SIGKILL');
    await simulator.close();
  });

  async function startWith(args: string[], stdin: string): Promise<{ url: string; output: () => string; stop: () => Promise<void> }> {
    const child = spawn(
      process.execPath,
      ['--conditions=@flowgraph/source', '--import', 'tsx', join(import.meta.dirname, '..', 'src', 'main.ts'), ...args],
      {
        // Only what the server needs: no GENESYSCLOUD_* variable, so the flags alone make it live.
        env: { PATH: process.env.PATH, HOME: process.env.HOME, PORT: '0', HOST: '127.0.0.1', GENESYSCLOUD_BASE_URL: simulator.url },
        stdio: ['pipe', 'pipe', 'pipe'],
      },
    );
    children.push(child);
    let output = '';
    child.stdout?.on('data', (chunk) => (output += chunk));
    child.stderr?.on('data', (chunk) => (output += chunk));
    child.stdin?.end(stdin);
    const url = await vi.waitFor(
      () => {
        const match = /flowgraph: (http:\/\/\S+) - live mode/.exec(output);
        if (!match?.[1]) throw new Error(`not listening yet: ${output}`);
        return match[1];
      },
      { timeout: 30_000, interval: 100 },
    );
    const stop = () =>
      new Promise<void>((resolve) => {
        child.once('exit', () => resolve());
        child.kill('SIGTERM');
      });
    return { url, output: () => output, stop };
  }

  it('crawls the org of --client-id and --client-secret-stdin, and never prints the secret', async () => {
    const server = await startWith(['--client-id', CLIENT_ID, '--client-secret-stdin'], `${SECRET}\n`);
    const health = await vi.waitFor(
      async () => {
        const body = (await (await fetch(`${server.url}/api/health`)).json()) as { mode: string; crawl: { phase: string } };
        if (body.crawl.phase !== 'done') throw new Error(`crawl ${body.crawl.phase}`);
        return body;
      },
      { timeout: 30_000, interval: 200 },
    );
    expect(health.mode).toBe('live');
    const graph = await fetch(`${server.url}/api/graph`);
    expect(graph.status).toBe(200);
    expect(await graph.text()).not.toContain(SECRET);
    await server.stop();
    expect(server.output()).not.toContain(SECRET);
    expect(server.output()).not.toContain('warning');
  }, 60_000);

  it('accepts --client-secret VALUE with the warning, and never prints the secret', async () => {
    const server = await startWith(['--client-id', CLIENT_ID, '--client-secret', SECRET], '');
    await server.stop();
    expect(server.output()).toMatch(/flowgraph: warning: --client-secret puts the secret on the command line/);
    expect(server.output()).not.toContain(SECRET);
  }, 60_000);
});

import { CodeTokenResponseSchema, SnapshotSchema } from '@flowgraph/core';
import { DEMO_PASSWORD, type RunningSimulator, startSimulator } from '@flowgraph/simulator';
import { afterEach, describe, expect, it } from 'vitest';
import { type AccessTokenSource, crawlOrg, createGenesysClient, loadConfig } from '../src/index.js';

const REDIRECT = 'http://127.0.0.1:9/cb';

/** Signs `username` in through the simulator's form and redeems the code (no PKCE: not what is tested here). */
async function personTokens(simulator: RunningSimulator, username: string) {
  const form = new URLSearchParams({
    response_type: 'code',
    client_id: simulator.codeClient.clientId,
    redirect_uri: REDIRECT,
    username,
    password: DEMO_PASSWORD,
  });
  const redirect = await fetch(`${simulator.url}/oauth/authorize`, { method: 'POST', body: form, redirect: 'manual' });
  const code = new URL(redirect.headers.get('location') ?? '').searchParams.get('code') ?? '';
  return exchange(simulator, { grant_type: 'authorization_code', code, redirect_uri: REDIRECT });
}

async function exchange(simulator: RunningSimulator, body: Record<string, string>) {
  const basic = Buffer.from(`${simulator.codeClient.clientId}:${simulator.codeClient.clientSecret}`).toString('base64');
  const response = await fetch(`${simulator.url}/oauth/token`, {
    method: 'POST',
    headers: { authorization: `Basic ${basic}` },
    body: new URLSearchParams(body),
  });
  return CodeTokenResponseSchema.parse(await response.json());
}

/** A person's session as the team server keeps it: refreshes with the refresh token when the API refuses the token. */
function sessionTokens(simulator: RunningSimulator, initial: { access_token: string; refresh_token: string }) {
  let current = initial;
  const calls = { invalidated: 0, refreshed: 0 };
  let stale = false;
  const source: AccessTokenSource = {
    async getToken() {
      if (stale) {
        current = await exchange(simulator, { grant_type: 'refresh_token', refresh_token: current.refresh_token });
        calls.refreshed++;
        stale = false;
      }
      return current.access_token;
    },
    invalidate(token) {
      if (token === current.access_token) stale = true;
      calls.invalidated++;
    },
  };
  return { source, calls };
}

describe('[I] a client acting as a signed-in person', () => {
  let simulator: RunningSimulator | undefined;
  afterEach(async () => {
    await simulator?.close();
    simulator = undefined;
  });

  it('crawls with the person’s token: their divisions decide the snapshot, and a refused token is refreshed once', async () => {
    let now = Date.UTC(2026, 0, 1);
    simulator = await startSimulator({
      flows: 60,
      seed: 5,
      clock: () => now,
      tokenTtlSeconds: 600,
      codeClient: { clientId: 'team', clientSecret: 'team-secret', redirectUris: [REDIRECT] },
    });
    const config = loadConfig({}, { baseUrl: simulator.url, clientId: 'team', clientSecret: 'team-secret' });
    const sam = sessionTokens(simulator, await personTokens(simulator, 'sam@flowgraph.demo'));
    const client = createGenesysClient({ config, person: { tokens: sam.source, label: 'sam' }, cache: false });
    const snapshot = SnapshotSchema.parse(await crawlOrg(client));
    const sales = simulator.org.divisions.find((division) => division.name === 'Sales')?.id;
    const salesFlows = simulator.org.flows.filter((flow) => flow.entity.division?.id === sales && !flow.entity.deleted);
    expect(snapshot.flows.map((flow) => flow.id).sort()).toEqual(salesFlows.map((flow) => flow.entity.id).sort());
    expect(snapshot.errors).toEqual([]);
    // No client-credentials token was minted: the person's token did all the work.
    expect(simulator.stats.tokensIssued).toBe(1);
    expect(sam.calls).toEqual({ invalidated: 0, refreshed: 0 });

    // The access token expires between two crawls: the first 401 makes the session refresh, once.
    now += 600_000;
    const again = SnapshotSchema.parse(await crawlOrg(client));
    expect(again.flows).toHaveLength(snapshot.flows.length);
    expect(sam.calls).toEqual({ invalidated: 1, refreshed: 1 });

    // Revoked (signed out elsewhere): refreshing fails too, and the crawl says so instead of retrying forever.
    simulator.revokeTokens();
    await expect(crawlOrg(client)).rejects.toThrow();
    expect(sam.calls.refreshed).toBe(1);
  });
});

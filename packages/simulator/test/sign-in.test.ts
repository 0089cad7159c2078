import { createHash, randomBytes } from 'node:crypto';
import {
  CodeTokenResponseSchema,
  DivisionsPermittedListingSchema,
  ErrorBodySchema,
  FlowEntityListingSchema,
  ConsumedResourcesListingSchema,
  OAuthErrorSchema,
  UserMeSchema,
} from '@flowgraph/core';
import { afterEach, describe, expect, it } from 'vitest';
import { DEMO_PASSWORD, DEMO_PEOPLE } from '../src/index.js';
import { startTestSimulator, type TestSimulator } from './helpers/client.js';

const REDIRECT = 'http://127.0.0.1:9/auth/callback';
const [AVERY, SAM] = DEMO_PEOPLE.map((person) => person.username) as [string, string];

function pkce(): { verifier: string; challenge: string } {
  const verifier = randomBytes(32).toString('base64url');
  return { verifier, challenge: createHash('sha256').update(verifier).digest('base64url') };
}

function authorizeUrl(sim: TestSimulator, params: Record<string, string>): string {
  const url = new URL('/oauth/authorize', sim.url);
  const all = { response_type: 'code', client_id: sim.codeClient.clientId, redirect_uri: REDIRECT, ...params };
  for (const [name, value] of Object.entries(all)) url.searchParams.set(name, value);
  return url.toString();
}

/** Posts the sign-in form as a browser would; returns the redirect the simulator answers with. */
async function signIn(
  sim: TestSimulator,
  username: string,
  challenge: string,
  state = 'state-1',
  password = DEMO_PASSWORD,
): Promise<Response> {
  const form = new URLSearchParams({
    response_type: 'code',
    client_id: sim.codeClient.clientId,
    redirect_uri: REDIRECT,
    state,
    code_challenge: challenge,
    code_challenge_method: 'S256',
    username,
    password,
  });
  return fetch(`${sim.url}/oauth/authorize`, { method: 'POST', body: form, redirect: 'manual' });
}

function codeOf(response: Response): string {
  const location = new URL(response.headers.get('location') ?? '');
  return location.searchParams.get('code') ?? '';
}

function exchange(sim: TestSimulator, body: Record<string, string>, client = sim.codeClient): Promise<Response> {
  return fetch(`${sim.url}/oauth/token`, {
    method: 'POST',
    headers: { authorization: `Basic ${Buffer.from(`${client.clientId}:${client.clientSecret}`).toString('base64')}` },
    body: new URLSearchParams(body),
  });
}

async function tokensFor(sim: TestSimulator, username: string) {
  const { verifier, challenge } = pkce();
  const code = codeOf(await signIn(sim, username, challenge));
  const response = await exchange(sim, { grant_type: 'authorization_code', code, redirect_uri: REDIRECT, code_verifier: verifier });
  expect(response.status).toBe(200);
  return CodeTokenResponseSchema.parse(await response.json());
}

describe('[I] simulator sign-in: Code Authorization grant with PKCE', () => {
  let sim: TestSimulator | undefined;
  afterEach(async () => {
    await sim?.close();
    sim = undefined;
  });

  it('shows a sign-in page for a registered client and redirect URI, and refuses others without redirecting', async () => {
    sim = await startTestSimulator({ codeClient: { clientId: 'team', clientSecret: 'team-secret', redirectUris: [REDIRECT] } });
    const page = await fetch(authorizeUrl(sim, { state: '<script>x</script>' }));
    expect(page.status).toBe(200);
    const html = await page.text();
    expect(html).toContain('name="username"');
    for (const person of DEMO_PEOPLE) expect(html).toContain(person.username);
    // The caller's state is carried, escaped, never as markup.
    expect(html).not.toContain('<script>x</script>');
    expect(html).toContain('&#60;script&#62;');

    const unknownClient = await fetch(authorizeUrl(sim, { client_id: 'other' }), { redirect: 'manual' });
    expect(unknownClient.status).toBe(400);
    const unregistered = await fetch(authorizeUrl(sim, { redirect_uri: 'https://evil.example/cb' }), { redirect: 'manual' });
    expect(unregistered.status).toBe(400);
    expect(unregistered.headers.get('location')).toBeNull();
    const plain = await fetch(authorizeUrl(sim, { code_challenge: 'x'.repeat(43), code_challenge_method: 'plain' }), {
      redirect: 'manual',
    });
    expect(plain.status).toBe(302);
    expect(new URL(plain.headers.get('location') ?? '').searchParams.get('error')).toBe('invalid_request');
  });

  it('signs a person in: code and state back to the redirect URI, tokens with a refresh token, users/me names them', async () => {
    sim = await startTestSimulator({ codeClient: { clientId: 'team', clientSecret: 'team-secret', redirectUris: [REDIRECT] } });
    const { challenge } = pkce();
    const wrong = await signIn(sim, AVERY, challenge, 's', 'not-the-password');
    expect(wrong.status).toBe(401);
    const ok = await signIn(sim, AVERY, challenge, 'opaque-state');
    expect(ok.status).toBe(302);
    const location = new URL(ok.headers.get('location') ?? '');
    expect(`${location.origin}${location.pathname}`).toBe(REDIRECT);
    expect(location.searchParams.get('state')).toBe('opaque-state');

    const tokens = await tokensFor(sim, AVERY);
    expect(tokens.token_type).toBe('bearer');
    const me = await fetch(`${sim.url}/api/v2/users/me?expand=organization`, {
      headers: { authorization: `Bearer ${tokens.access_token}` },
    });
    const person = UserMeSchema.parse(await me.json());
    expect(person).toMatchObject({ username: AVERY, name: 'Avery Jones', organization: { id: sim.organization.id } });

    // A client-credentials token has no person behind it.
    expect((await sim.get('/api/v2/users/me')).status).toBe(400);
  });

  it('refuses a wrong or missing code_verifier, another redirect URI, a replayed code (revoking what it bought) and a wrong client', async () => {
    sim = await startTestSimulator({ codeClient: { clientId: 'team', clientSecret: 'team-secret', redirectUris: [REDIRECT] } });
    const grant = (code: string, extra: Record<string, string>) =>
      exchange(sim as TestSimulator, { grant_type: 'authorization_code', code, redirect_uri: REDIRECT, ...extra });
    const reasonOf = async (response: Response) => {
      expect(response.status).toBe(400);
      return OAuthErrorSchema.parse(await response.json());
    };

    const first = pkce();
    expect((await reasonOf(await grant(codeOf(await signIn(sim, SAM, first.challenge)), { code_verifier: pkce().verifier }))).error).toBe(
      'invalid_grant',
    );
    expect((await reasonOf(await grant(codeOf(await signIn(sim, SAM, first.challenge)), {}))).error).toBe('invalid_grant');
    const otherRedirect = await exchange(sim, {
      grant_type: 'authorization_code',
      code: codeOf(await signIn(sim, SAM, first.challenge)),
      redirect_uri: 'http://127.0.0.1:9/elsewhere',
      code_verifier: first.verifier,
    });
    expect((await reasonOf(otherRedirect)).error).toBe('invalid_grant');

    const code = codeOf(await signIn(sim, SAM, first.challenge));
    const redeemed = await grant(code, { code_verifier: first.verifier });
    expect(redeemed.status).toBe(200);
    const { access_token } = CodeTokenResponseSchema.parse(await redeemed.json());
    const replay = await reasonOf(await grant(code, { code_verifier: first.verifier }));
    expect(replay.error).toBe('invalid_grant');
    expect(replay.description).toMatch(/already used/);
    expect((await sim.get('/api/v2/flows', access_token)).status).toBe(401);

    // The client-credentials client may not redeem codes, nor the code client mint client tokens.
    const unauthorized = await exchange(sim, { grant_type: 'authorization_code', code: 'x' }, sim.credentials);
    expect((await reasonOf(unauthorized)).error).toBe('unauthorized_client');
    expect((await reasonOf(await exchange(sim, { grant_type: 'client_credentials' }))).error).toBe('unauthorized_client');
  });

  it('expires the access token on the injected clock, refreshes with a rotating refresh token, and revokes on reuse', async () => {
    let now = Date.UTC(2026, 0, 1);
    sim = await startTestSimulator({
      clock: () => now,
      tokenTtlSeconds: 600,
      codeClient: { clientId: 'team', clientSecret: 'team-secret', redirectUris: [REDIRECT] },
    });
    const first = await tokensFor(sim, SAM);
    expect((await sim.get('/api/v2/flows', first.access_token)).status).toBe(200);
    now += 600_000;
    const expired = await sim.get('/api/v2/flows', first.access_token);
    expect(expired.status).toBe(401);
    expect(ErrorBodySchema.parse(await expired.json()).code).toBe('bad.credentials');

    const refreshed = await exchange(sim, { grant_type: 'refresh_token', refresh_token: first.refresh_token });
    expect(refreshed.status).toBe(200);
    const second = CodeTokenResponseSchema.parse(await refreshed.json());
    expect(second.refresh_token).not.toBe(first.refresh_token);
    expect((await sim.get('/api/v2/flows', second.access_token)).status).toBe(200);

    const reused = await exchange(sim, { grant_type: 'refresh_token', refresh_token: first.refresh_token });
    expect(reused.status).toBe(400);
    expect((await sim.get('/api/v2/flows', second.access_token)).status).toBe(401);
    expect((await exchange(sim, { grant_type: 'refresh_token', refresh_token: second.refresh_token })).status).toBe(400);
  });

  it('signs the grant out on DELETE /api/v2/tokens/me', async () => {
    sim = await startTestSimulator({ codeClient: { clientId: 'team', clientSecret: 'team-secret', redirectUris: [REDIRECT] } });
    const tokens = await tokensFor(sim, AVERY);
    const deleted = await fetch(`${sim.url}/api/v2/tokens/me`, {
      method: 'DELETE',
      headers: { authorization: `Bearer ${tokens.access_token}` },
    });
    expect(deleted.status).toBe(204);
    expect((await sim.get('/api/v2/flows', tokens.access_token)).status).toBe(401);
    expect((await exchange(sim, { grant_type: 'refresh_token', refresh_token: tokens.refresh_token })).status).toBe(400);
  });
});

describe('[I] simulator divisions: a person sees what their role covers', () => {
  let sim: TestSimulator | undefined;
  afterEach(async () => {
    await sim?.close();
    sim = undefined;
  });

  async function listAll(sim: TestSimulator, token: string) {
    const response = await sim.get('/api/v2/flows?pageSize=500', token);
    return FlowEntityListingSchema.parse(await response.json()).entities ?? [];
  }

  it('lists, fetches and tracks dependencies only within the person’s divisions', async () => {
    sim = await startTestSimulator({ flows: 120, codeClient: { clientId: 'team', clientSecret: 'team-secret', redirectUris: [REDIRECT] } });
    const avery = await tokensFor(sim, AVERY);
    const sam = await tokensFor(sim, SAM);
    const sales = sim.org.divisions.find((division) => division.name === 'Sales');
    const all = await listAll(sim, avery.access_token);
    const salesOnly = await listAll(sim, sam.access_token);
    expect(all.length).toBe(sim.org.flows.filter((flow) => !flow.entity.deleted).length);
    expect(salesOnly.length).toBeGreaterThan(0);
    expect(salesOnly.length).toBeLessThan(all.length);
    expect(salesOnly.every((flow) => flow.division?.id === sales?.id)).toBe(true);

    const permitted = await sim.get('/api/v2/authorization/divisionspermitted/paged/me?permission=architect:flow:view', sam.access_token);
    const listing = DivisionsPermittedListingSchema.parse(await permitted.json());
    expect(listing.entities?.map((division) => division.name)).toEqual(['Sales']);
    expect(listing.allDivsPermitted).toBe(false);
    const everything = DivisionsPermittedListingSchema.parse(
      await (await sim.get('/api/v2/authorization/divisionspermitted/paged/me?permission=architect:flow:view', avery.access_token)).json(),
    );
    expect(everything.allDivsPermitted).toBe(true);
    expect(everything.entities).toHaveLength(sim.org.divisions.length);

    // Another division's flow is not found, as a flow and as a dependency-tracking object.
    const outside = sim.org.flows.find((flow) => flow.entity.division?.id !== sales?.id && flow.entity.publishedVersion);
    expect(outside).toBeDefined();
    const id = outside?.entity.id ?? '';
    expect((await sim.get(`/api/v2/flows/${id}`, sam.access_token)).status).toBe(404);
    expect((await sim.get(`/api/v2/flows/${id}`, avery.access_token)).status).toBe(200);
    const type = outside?.entity.type === 'WORKFLOW' ? 'WORKFLOW' : `${outside?.entity.type}FLOW`;
    const consumed = `/api/v2/architect/dependencytracking/consumedresources?id=${id}&version=${outside?.entity.publishedVersion?.id}&objectType=${type}`;
    expect((await sim.get(consumed, sam.access_token)).status).toBe(404);

    // A Sales flow's dependencies name no flow of another division.
    const visibleIds = new Set(salesOnly.map((flow) => flow.id));
    for (const flow of salesOnly.filter((candidate) => candidate.publishedVersion).slice(0, 15)) {
      const flowType = flow.type === 'WORKFLOW' ? 'WORKFLOW' : `${flow.type}FLOW`;
      const path = `/api/v2/architect/dependencytracking/consumedresources?id=${flow.id}&version=${flow.publishedVersion?.id}&objectType=${flowType}&pageSize=100`;
      const dependencies = ConsumedResourcesListingSchema.parse(await (await sim.get(path, sam.access_token)).json()).entities ?? [];
      for (const dependency of dependencies) {
        if (sim.org.flowsById.has(dependency.id))
          expect(visibleIds.has(dependency.id) || sim.org.flowsById.get(dependency.id)?.entity.deleted).toBe(true);
      }
    }
  });

  it('refuses a person naming a division the org lacks', async () => {
    await expect(startTestSimulator({ people: [{ username: 'x@y', name: 'X', password: 'p', divisions: ['Nowhere'] }] })).rejects.toThrow(
      /person "x@y" names division "Nowhere"/,
    );
  });
});

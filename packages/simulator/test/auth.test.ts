import { ErrorBodySchema, OAuthErrorSchema, TokenResponseSchema } from '@flowgraph/core';
import { afterEach, describe, expect, it } from 'vitest';
import { requestToken, startTestSimulator, type TestSimulator } from './helpers/client.js';

describe('[I] OAuth client credentials and bearer tokens', () => {
  let sim: TestSimulator | undefined;
  afterEach(() => sim?.close());

  it('issues a bearer token for the right Basic credentials, in the real shape', async () => {
    sim = await startTestSimulator({ credentials: { clientId: 'my-id', clientSecret: 's3cr:et' }, tokenTtlSeconds: 600 });
    const response = await requestToken(sim.url, { clientId: 'my-id', clientSecret: 's3cr:et' });
    expect(response.status).toBe(200);
    expect(response.headers.get('inin-correlation-id')).toMatch(/^[0-9a-f-]{36}$/);
    const token = TokenResponseSchema.parse(await response.json());
    expect(token).toMatchObject({ token_type: 'bearer', expires_in: 600 });
    expect((await sim.get('/api/v2/flows', token.access_token)).status).toBe(200);
  });

  it('refuses wrong credentials, a missing header and a missing grant type', async () => {
    sim = await startTestSimulator();
    const wrong = await requestToken(sim.url, { clientId: sim.credentials.clientId, clientSecret: 'wrong' });
    expect(wrong.status).toBe(401);
    expect(OAuthErrorSchema.parse(await wrong.json())).toMatchObject({ error: 'invalid_client' });
    const noHeader = await fetch(`${sim.url}/oauth/token`, {
      method: 'POST',
      headers: { 'content-type': 'application/x-www-form-urlencoded' },
      body: 'grant_type=client_credentials',
    });
    expect(noHeader.status).toBe(401);
    const noGrant = await fetch(`${sim.url}/oauth/token`, { method: 'POST' });
    expect(noGrant.status).toBe(400);
    const body = OAuthErrorSchema.parse(await noGrant.json());
    expect(body.error).toBe('unsupported_grant_type');
    expect(body.description).toBe(body.error_description);
  });

  it('answers 401 ErrorBody for a missing, unknown or revoked token', async () => {
    sim = await startTestSimulator();
    const missing = await fetch(`${sim.url}/api/v2/flows`);
    expect(missing.status).toBe(401);
    expect(ErrorBodySchema.parse(await missing.json()).code).toBe('authentication.required');
    const unknown = await sim.get('/api/v2/flows', 'forged');
    expect(unknown.status).toBe(401);
    const body = ErrorBodySchema.parse(await unknown.json());
    expect(body).toMatchObject({ code: 'bad.credentials', status: 401 });
    expect(body.contextId).toBe(unknown.headers.get('inin-correlation-id'));
    sim.revokeTokens();
    expect((await sim.get('/api/v2/flows')).status).toBe(401);
  });

  it('expires tokens after expires_in on the injected clock', async () => {
    let now = Date.UTC(2026, 0, 1);
    sim = await startTestSimulator({ tokenTtlSeconds: 300, clock: () => now });
    expect((await sim.get('/api/v2/flows')).status).toBe(200);
    now += 299_000;
    expect((await sim.get('/api/v2/flows')).status).toBe(200);
    now += 1_000;
    const expired = await sim.get('/api/v2/flows');
    expect(expired.status).toBe(401);
    const fresh = TokenResponseSchema.parse(await (await requestToken(sim.url)).json());
    expect((await sim.get('/api/v2/flows', fresh.access_token)).status).toBe(200);
  });
});

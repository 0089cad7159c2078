import { loadConfig } from '@flowgraph/genesys';
import { startSimulator } from '@flowgraph/simulator';
import { SessionStore } from '@flowgraph/store';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createAuditLog } from '../../src/auth/audit.js';
import { GenesysLogin, SignInError } from '../../src/auth/genesys-login.js';
import { Sealer } from '../../src/auth/sealer.js';
import { SessionManager, SignedOutError } from '../../src/auth/session-manager.js';
import { type RunningSimulator, SIMULATOR_REDIRECT, signInAtSimulator, teamSimulatorOptions } from './sign-in-helpers.js';

const MINUTE = 60_000;

describe('[I] sessions over the simulator as identity provider', () => {
  let now: number;
  let simulator: RunningSimulator;
  let store: SessionStore;
  let manager: SessionManager;
  let audit: string[];
  let ended: string[];

  beforeEach(async () => {
    now = Date.UTC(2026, 5, 1, 8);
    simulator = await startSimulator(teamSimulatorOptions(() => now));
    const config = loadConfig(
      {},
      { baseUrl: simulator.url, clientId: simulator.codeClient.clientId, clientSecret: simulator.codeClient.clientSecret },
    );
    store = new SessionStore({
      location: { memory: true },
      policy: { idleMs: 60 * MINUTE, absoluteMs: 12 * 60 * MINUTE, rotationGraceMs: MINUTE },
      now: () => now,
    });
    audit = [];
    ended = [];
    manager = new SessionManager({
      store,
      sealer: new Sealer(simulator.codeClient.clientSecret),
      login: new GenesysLogin({
        endpoints: config.endpoints,
        clientId: config.clientId,
        clientSecret: config.clientSecret,
        redirectUri: SIMULATOR_REDIRECT,
        now: () => now,
      }),
      audit: createAuditLog(
        (line) => audit.push(line),
        () => now,
      ),
      rotateMs: 15 * MINUTE,
      workspaceOf: (identity) => `ws:${identity.id}:${identity.divisions.map((division) => division.id).join(',')}`,
      orgLabel: 'simulated-org',
      now: () => now,
      onSessionEnded: (payload) => ended.push(payload.person.name),
    });
  });
  afterEach(async () => {
    store.close();
    await simulator.close();
  });

  async function signIn(username: string, returnTo = '/') {
    const { loginId, location } = manager.beginLogin(returnTo);
    const back = await signInAtSimulator(location, username);
    return { loginId, back, code: back.searchParams.get('code') ?? '', state: back.searchParams.get('state') ?? '' };
  }

  it('sends the person to the authorize URL with state and an S256 challenge, and signs them in on the way back', async () => {
    const { loginId, location } = manager.beginLogin('/?node=x');
    const authorize = new URL(location);
    expect(authorize.origin).toBe(simulator.url);
    expect(Object.fromEntries(authorize.searchParams)).toMatchObject({
      response_type: 'code',
      client_id: 'team-client',
      redirect_uri: SIMULATOR_REDIRECT,
      code_challenge_method: 'S256',
      state: expect.stringMatching(/^[\w-]{43}$/),
      code_challenge: expect.stringMatching(/^[\w-]{43}$/),
    });
    const back = await signInAtSimulator(location, 'sam@flowgraph.demo');
    const { session, returnTo } = await manager.completeLogin(
      loginId,
      { code: back.searchParams.get('code') ?? '', state: back.searchParams.get('state') ?? '' },
      '127.0.0.1',
    );
    expect(returnTo).toBe('/?node=x');
    expect(session.payload).toMatchObject({
      person: { name: 'Sam Patel', email: 'sam@flowgraph.demo' },
      allDivisions: false,
      divisions: [{ name: 'Sales' }],
    });
    expect(manager.session(session.id)?.payload.person.name).toBe('Sam Patel');
    expect(audit).toHaveLength(1);
    expect(JSON.parse(audit[0]?.replace('flowgraph audit ', '') ?? '')).toMatchObject({
      event: 'sign-in',
      person: { name: 'Sam Patel' },
      ip: '127.0.0.1',
      divisions: ['Sales'],
    });
    // The audit line names who and when; no token, code or session id.
    for (const secret of [
      session.id,
      session.payload.tokens.accessToken,
      session.payload.tokens.refreshToken,
      back.searchParams.get('code') ?? '',
    ]) {
      expect(audit.join('\n')).not.toContain(secret);
    }
  });

  it('refuses a tampered state, and the login is spent by the attempt', async () => {
    const { loginId, code, state } = await signIn('avery@flowgraph.demo');
    const tampered = manager.completeLogin(loginId, { code, state: `${state.slice(0, -1)}x` }, undefined);
    await expect(tampered).rejects.toMatchObject({ name: 'SignInError', reason: 'tampered' });
    await expect(manager.completeLogin(loginId, { code, state }, undefined)).rejects.toMatchObject({ reason: 'stale' });
    expect(audit.map((line) => JSON.parse(line.replace('flowgraph audit ', '')).reason)).toEqual(['tampered', 'stale']);
  });

  it('refuses a callback without the login cookie, and one that took over 10 minutes', async () => {
    const { code, state } = await signIn('avery@flowgraph.demo');
    await expect(manager.completeLogin(undefined, { code, state }, undefined)).rejects.toMatchObject({ reason: 'stale' });
    const late = await signIn('avery@flowgraph.demo');
    now += 10 * MINUTE;
    await expect(manager.completeLogin(late.loginId, { code: late.code, state: late.state }, undefined)).rejects.toMatchObject({
      reason: 'stale',
    });
  });

  it('refuses a replayed code (the identity provider refuses it, and withdraws the first sign-in’s tokens)', async () => {
    const first = await signIn('sam@flowgraph.demo');
    const { session } = await manager.completeLogin(first.loginId, { code: first.code, state: first.state }, undefined);
    const second = manager.beginLogin('/');
    const state = new URL(second.location).searchParams.get('state') ?? '';
    const replay = manager.completeLogin(second.loginId, { code: first.code, state }, undefined);
    await expect(replay).rejects.toBeInstanceOf(SignInError);
    await expect(replay).rejects.toMatchObject({ reason: 'refused' });
    const revoked = await fetch(`${simulator.url}/api/v2/flows`, {
      headers: { authorization: `Bearer ${session.payload.tokens.accessToken}` },
    });
    expect(revoked.status).toBe(401);
  });

  it('refreshes the access token before it expires, once for concurrent callers, and when the API refused it', async () => {
    const login = await signIn('sam@flowgraph.demo');
    const { session } = await manager.completeLogin(login.loginId, { code: login.code, state: login.state }, undefined);
    const key = session.payload.key;
    const first = await manager.accessToken(key);
    expect(first).toBe(session.payload.tokens.accessToken);
    const issued = simulator.stats.tokensIssued;
    // 600 s tokens are refreshed a minute before they expire.
    now += 541_000;
    const [a, b, c] = await Promise.all([manager.accessToken(key), manager.accessToken(key), manager.accessToken(key)]);
    expect(a).not.toBe(first);
    expect(new Set([a, b, c]).size).toBe(1);
    expect(simulator.stats.tokensIssued).toBe(issued + 1);
    expect((await fetch(`${simulator.url}/api/v2/flows`, { headers: { authorization: `Bearer ${a}` } })).status).toBe(200);
    // Stored sealed: a restart (a new manager over the same store) would find the new token.
    expect(manager.session(session.id)?.payload.tokens.accessToken).toBe(a);

    manager.tokenSource(key).invalidate(a as string);
    const forced = await manager.accessToken(key);
    expect(forced).not.toBe(a);
    expect(simulator.stats.tokensIssued).toBe(issued + 2);
  });

  it('ends the session when Genesys refuses the refresh', async () => {
    const login = await signIn('avery@flowgraph.demo');
    const { session } = await manager.completeLogin(login.loginId, { code: login.code, state: login.state }, undefined);
    simulator.revokeTokens();
    now += 600_000;
    await expect(manager.accessToken(session.payload.key)).rejects.toBeInstanceOf(SignedOutError);
    expect(manager.session(session.id)).toBeUndefined();
    expect(ended).toEqual(['Avery Jones']);
    expect(audit.at(-1)).toContain('"event":"session-ended"');
  });

  it('rotates the session id while in use; a crawl holding the session key keeps its tokens', async () => {
    const login = await signIn('avery@flowgraph.demo');
    const { session } = await manager.completeLogin(login.loginId, { code: login.code, state: login.state }, undefined);
    const firstId = session.id;
    now += 10 * MINUTE;
    expect(manager.use(session)).toBeUndefined();
    now += 5 * MINUTE;
    const secondId = manager.use(session);
    expect(secondId).toBeDefined();
    expect(session.id).toBe(secondId);
    expect(manager.session(firstId)).toBeDefined();
    now += MINUTE;
    expect(manager.session(firstId)).toBeUndefined();
    expect(manager.session(secondId as string)?.payload.person.name).toBe('Avery Jones');
    // Sixteen minutes on, the 10-minute token was refreshed through the new id; it works.
    const token = await manager.accessToken(session.payload.key);
    expect(token).not.toBe(session.payload.tokens.accessToken);
    expect((await fetch(`${simulator.url}/api/v2/flows`, { headers: { authorization: `Bearer ${token}` } })).status).toBe(200);
  });

  it('signs out: the Genesys token is revoked, the session is gone, the audit says so', async () => {
    const login = await signIn('sam@flowgraph.demo');
    const { session } = await manager.completeLogin(login.loginId, { code: login.code, state: login.state }, undefined);
    await manager.logout(session, '10.0.0.7');
    expect(manager.session(session.id)).toBeUndefined();
    expect(
      (await fetch(`${simulator.url}/api/v2/flows`, { headers: { authorization: `Bearer ${session.payload.tokens.accessToken}` } })).status,
    ).toBe(401);
    expect(JSON.parse(audit.at(-1)?.replace('flowgraph audit ', '') ?? '')).toMatchObject({
      event: 'sign-out',
      person: { name: 'Sam Patel' },
      ip: '10.0.0.7',
    });
    await expect(manager.accessToken(session.payload.key)).rejects.toBeInstanceOf(SignedOutError);
  });
});

import { mkdtempSync, writeFileSync } from 'node:fs';
import { request as httpRequest } from 'node:http';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { apiErrorSchema, clientMetricsSchema, meResponseSchema, parseGraphResponse } from '@flowgraph/core';
import { type RunningSimulator, startSimulator } from '@flowgraph/simulator';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { loadAuthSettings } from '../../src/auth/auth-settings.js';
import { checkExposure } from '../../src/auth/exposure.js';
import { loadServerConfig, ServerConfigError } from '../../src/config.js';
import { serveFiles } from '../../src/serve-files.js';
import { startTeam, type TeamServer } from '../../src/modes/team.js';
import { type RunningServer, startServer } from '../../src/server.js';
import { signInAtSimulator } from './sign-in-helpers.js';

const MINUTE = 60_000;
const CLIENT_SECRET = 'team-LEAK-CANARY-secret-7f3a';

/** A free loopback port: the redirect URI registered at the identity provider names it before the server listens. */
async function freePort(): Promise<number> {
  const probe = createServer();
  await new Promise<void>((resolve) => probe.listen(0, '127.0.0.1', resolve));
  const { port } = probe.address() as { port: number };
  await new Promise<void>((resolve) => probe.close(() => resolve()));
  return port;
}

/** A GET with any Host header (fetch cannot set one): what a reverse proxy sends. */
function rawGet(
  base: string,
  path: string,
  headers: Record<string, string>,
): Promise<{ status: number; headers: Record<string, string | undefined>; setCookie: string[] }> {
  const url = new URL(path, base);
  return new Promise((resolve, reject) => {
    const request = httpRequest({ host: url.hostname, port: url.port, path: `${url.pathname}${url.search}`, headers }, (response) => {
      response.resume();
      const { 'set-cookie': setCookie = [], ...rest } = response.headers;
      resolve({
        status: response.statusCode ?? 0,
        headers: Object.fromEntries(Object.entries(rest).map(([name, value]) => [name, Array.isArray(value) ? value.join(', ') : value])),
        setCookie,
      });
    });
    request.on('error', reject);
    request.end();
  });
}

/** One browser: its cookie jar (name → value), the Set-Cookie lines it received. */
class Browser {
  readonly jar = new Map<string, string>();
  readonly setCookies: string[] = [];
  constructor(private readonly base: string) {}

  async fetch(path: string, init: RequestInit = {}): Promise<Response> {
    const cookie = [...this.jar].map(([name, value]) => `${name}=${value}`).join('; ');
    const headers = new Headers(init.headers);
    if (cookie) headers.set('cookie', cookie);
    const response = await fetch(new URL(path, this.base), { ...init, headers, redirect: 'manual' });
    for (const line of response.headers.getSetCookie()) {
      this.setCookies.push(line);
      const [pair = ''] = line.split(';');
      const eq = pair.indexOf('=');
      const name = pair.slice(0, eq);
      const value = pair.slice(eq + 1);
      if (value === '' || /max-age=0|expires=thu, 01 jan 1970/i.test(line)) this.jar.delete(name);
      else this.jar.set(name, value);
    }
    return response;
  }
}

describe('[I] team server: sign-in, sessions and exposure over HTTP (fake clock)', () => {
  let now: number;
  let simulator: RunningSimulator;
  let team: TeamServer;
  let server: RunningServer;
  let base: string;
  let logs: string[];
  let bodies: string[];
  /** Every token the identity provider handed out, to search for where it must not be. */
  let tokens: string[];

  async function start(env: Record<string, string> = {}) {
    const port = await freePort();
    base = `http://127.0.0.1:${port}`;
    const publicUrl = env.FLOWGRAPH_PUBLIC_URL ?? base;
    simulator = await startSimulator({
      flows: 60,
      seed: 3,
      clock: () => now,
      tokenTtlSeconds: 600,
      codeClient: { clientId: 'team-client', clientSecret: CLIENT_SECRET, redirectUris: [`${publicUrl}/auth/callback`] },
    });
    const fullEnv = {
      PORT: String(port),
      FLOWGRAPH_AUTH: 'genesys',
      FLOWGRAPH_PUBLIC_URL: publicUrl,
      FLOWGRAPH_MODE: 'live',
      GENESYSCLOUD_BASE_URL: simulator.url,
      GENESYSCLOUD_OAUTHCLIENT_ID: 'team-client',
      GENESYSCLOUD_OAUTHCLIENT_SECRET: CLIENT_SECRET,
      ...env,
    };
    const config = loadServerConfig(fullEnv);
    const auth = loadAuthSettings(fullEnv);
    const log = (line: string) => logs.push(line);
    team = await startTeam({ config, auth, env: fullEnv, log, sessionLocation: { memory: true }, now: () => now });
    // A stand-in for the SPA build: page navigations are what it serves.
    const webDist = mkdtempSync(join(tmpdir(), 'flowgraph-team-web-'));
    writeFileSync(join(webDist, 'index.html'), '<!doctype html><title>Flowgraph</title>');
    server = await startServer({
      team: team.team,
      webDist,
      port,
      host: '127.0.0.1',
      refreshIntervalMs: config.refreshIntervalMs,
      log,
      secrets: team.secrets,
      loopbackOnly: true,
      extraHosts: [team.publicUrl.host],
      ...(auth.trustProxy !== undefined ? { trustProxy: auth.trustProxy } : {}),
      now: () => now,
      onClose: () => team.close(),
    });
  }

  beforeEach(() => {
    now = Date.UTC(2026, 5, 1, 8);
    logs = [];
    bodies = [];
    tokens = [];
    const realFetch = globalThis.fetch;
    vi.spyOn(globalThis, 'fetch').mockImplementation(async (input, init) => {
      const response = await realFetch(input, init);
      const url = input instanceof Request ? input.url : String(input);
      if (url.endsWith('/oauth/token') && response.ok) {
        const body = (await response.clone().json()) as { access_token?: string; refresh_token?: string };
        for (const token of [body.access_token, body.refresh_token]) if (token) tokens.push(token);
      }
      return response;
    });
  });
  afterEach(async () => {
    vi.restoreAllMocks();
    await server?.close();
    await simulator?.close();
  });

  /** Signed out → the simulator's sign-in page → back with a session. Returns the browser and where it landed. */
  async function signIn(username: string, returnTo = '/') {
    const browser = new Browser(base);
    const login = await browser.fetch(`/auth/login?returnTo=${encodeURIComponent(returnTo)}`);
    expect(login.status).toBe(302);
    const authorize = new URL(login.headers.get('location') ?? '');
    expect(authorize.searchParams.get('code_challenge_method')).toBe('S256');
    expect(authorize.searchParams.get('state')).toMatch(/^[\w-]{43}$/);
    const back = await signInAtSimulator(authorize.toString(), username);
    expect(back.origin).toBe(base);
    const callback = await browser.fetch(`${back.pathname}${back.search}`);
    expect(callback.status).toBe(303);
    return { browser, landed: callback.headers.get('location'), code: back.searchParams.get('code') ?? '' };
  }

  async function text(response: Response): Promise<string> {
    const body = await response.text();
    bodies.push(body, JSON.stringify([...response.headers]));
    return body;
  }

  async function crawled(browser: Browser): Promise<number> {
    await expect.poll(async () => (await browser.fetch('/api/health').then((r) => r.json())).crawl.phase, { timeout: 20_000 }).toBe('done');
    const graph = parseGraphResponse(JSON.parse(await text(await browser.fetch('/api/graph'))));
    return graph.graph.nodes.filter((node) => node.kind === 'flow').length;
  }

  it('signs two people in: each sees what their divisions allow, and nothing works signed out', async () => {
    await start();
    const anonymous = new Browser(base);
    for (const path of ['/api/graph', '/api/me', '/api/health', '/api/history', '/api/nope']) {
      const answer = await anonymous.fetch(path);
      expect(answer.status, path).toBe(401);
      expect(apiErrorSchema.parse(JSON.parse(await text(answer))).error.code).toBe('unauthenticated');
    }
    const page = await anonymous.fetch('/', { headers: { accept: 'text/html' } });
    expect(page.status).toBe(302);
    expect(page.headers.get('location')).toBe('/auth/login?returnTo=%2F');

    const avery = await signIn('avery@flowgraph.demo', '/?mode=impact');
    expect(avery.landed).toBe('/?mode=impact');
    const sam = await signIn('sam@flowgraph.demo');
    const me = meResponseSchema.parse(JSON.parse(await text(await sam.browser.fetch('/api/me'))));
    expect(me).toMatchObject({ auth: 'genesys', person: { name: 'Sam Patel' }, allDivisions: false, divisions: [{ name: 'Sales' }] });
    const all = await crawled(avery.browser);
    const sales = await crawled(sam.browser);
    expect(all).toBe(simulator.org.flows.filter((flow) => !flow.entity.deleted).length);
    expect(sales).toBeGreaterThan(0);
    expect(sales).toBeLessThan(all);
    // Each person's crawl ran through their own client (and its own rate limiter): its figures are theirs alone.
    const averyMetrics = clientMetricsSchema.parse(JSON.parse(await text(await avery.browser.fetch('/api/metrics'))));
    const samMetrics = clientMetricsSchema.parse(JSON.parse(await text(await sam.browser.fetch('/api/metrics'))));
    expect(samMetrics.requests).toBeGreaterThan(0);
    expect(samMetrics.requests).toBeLessThan(averyMetrics.requests);
    // One audit line per sign-in and per crawl, naming who and which org; never a token.
    const audit = logs.filter((line) => line.startsWith('flowgraph audit '));
    expect(audit.filter((line) => line.includes('"event":"sign-in"'))).toHaveLength(2);
    expect(audit.filter((line) => line.includes('"event":"crawl-finished"') && line.includes('Sam Patel'))).toHaveLength(1);
    expect(audit.every((line) => /"org":"[^"]+"/.test(line))).toBe(true);
  });

  it('refreshes an expired access token with the refresh token (fake clock), rotates the session id, and ends idle sessions', async () => {
    await start();
    const { browser } = await signIn('sam@flowgraph.demo');
    await crawled(browser);
    const issued = simulator.stats.tokensIssued;
    // The 10-minute token has expired at the identity provider; a re-crawl refreshes it first.
    now += 10 * MINUTE + 1000;
    expect((await browser.fetch('/api/refresh', { method: 'POST', headers: { origin: base } })).status).toBe(202);
    await crawled(browser);
    expect(simulator.stats.tokensIssued).toBe(issued + 1);
    expect(logs.filter((line) => line.includes('"event":"crawl-finished"'))).toHaveLength(2);

    // Used again after 15 minutes: a new session id; the old one works for a minute's grace only.
    const before = browser.jar.get('flowgraph_session') as string;
    now += 6 * MINUTE;
    expect((await browser.fetch('/api/me')).status).toBe(200);
    const after = browser.jar.get('flowgraph_session') as string;
    expect(after).not.toBe(before);
    now += MINUTE + 1000;
    const stale = await fetch(`${base}/api/me`, { headers: { cookie: `flowgraph_session=${before}` } });
    expect(stale.status).toBe(401);
    expect((await browser.fetch('/api/me')).status).toBe(200);

    // An hour without a request ends it.
    now += 60 * MINUTE + 1000;
    expect((await browser.fetch('/api/me')).status).toBe(401);
  });

  it('ends a busy session at its absolute expiry (FLOWGRAPH_SESSION_MAX_HOURS)', async () => {
    await start({ FLOWGRAPH_SESSION_MAX_HOURS: '2' });
    const { browser } = await signIn('avery@flowgraph.demo');
    // Used every 50 minutes (never idle for the 60 allowed), it still ends 2 hours after sign-in.
    for (const _ of [1, 2]) {
      now += 50 * MINUTE;
      expect((await browser.fetch('/api/me')).status).toBe(200);
    }
    now += 21 * MINUTE;
    expect((await browser.fetch('/api/me')).status).toBe(401);
  });

  it('sets the session cookie HttpOnly, SameSite=Lax, Path=/, with Max-Age the absolute expiry; rotated at every sign-in', async () => {
    await start();
    const first = await signIn('avery@flowgraph.demo');
    const line = first.browser.setCookies.find((cookie) => cookie.startsWith('flowgraph_session=')) ?? '';
    expect(line).toMatch(/; Max-Age=43200;/);
    expect(line).toMatch(/; Path=\//);
    expect(line).toMatch(/; HttpOnly/);
    expect(line).toMatch(/; SameSite=Lax/);
    expect(line).not.toMatch(/Secure/);
    // Signing in again in the same browser: a new id, and the old one is dead.
    const old = first.browser.jar.get('flowgraph_session') as string;
    const login = await first.browser.fetch('/auth/login');
    const back = await signInAtSimulator(login.headers.get('location') ?? '', 'avery@flowgraph.demo');
    expect((await first.browser.fetch(`${back.pathname}${back.search}`)).status).toBe(303);
    expect(first.browser.jar.get('flowgraph_session')).not.toBe(old);
    expect((await fetch(`${base}/api/me`, { headers: { cookie: `flowgraph_session=${old}` } })).status).toBe(401);
  });

  it('refuses cross-site writes, open redirects after sign-in, and a session past its request limit', async () => {
    await start({ FLOWGRAPH_SESSION_REQUESTS_PER_MINUTE: '20' });
    for (const returnTo of ['//evil.example/x', 'https://evil.example/', '/\\evil.example', '/auth/logout']) {
      const { landed } = await signIn('sam@flowgraph.demo', returnTo);
      expect(landed, returnTo).toBe('/');
    }
    const { browser } = await signIn('sam@flowgraph.demo');
    const crossSite: Record<string, string>[] = [
      { origin: 'https://evil.example' },
      { origin: 'null', 'sec-fetch-site': 'cross-site' },
      {},
      { 'sec-fetch-site': 'same-site' },
    ];
    for (const headers of crossSite) {
      const answer = await browser.fetch('/api/refresh', { method: 'POST', headers });
      expect(answer.status, JSON.stringify(headers)).toBe(403);
    }
    // Logout is a write too: another site cannot sign you out.
    expect((await browser.fetch('/auth/logout', { method: 'POST', headers: { origin: 'https://evil.example' } })).status).toBe(403);
    expect((await browser.fetch('/api/me')).status).toBe(200);

    let limited: Response | undefined;
    for (let i = 0; i < 25 && limited === undefined; i++) {
      const answer = await browser.fetch('/api/me');
      if (answer.status === 429) limited = answer;
    }
    expect(limited?.headers.get('retry-after')).toMatch(/^\d+$/);
    // Another person's session has its own budget.
    const other = await signIn('avery@flowgraph.demo');
    expect((await other.browser.fetch('/api/me')).status).toBe(200);
    now += MINUTE;
    expect((await browser.fetch('/api/me')).status).toBe(200);
  });

  it('behind a TLS proxy (https public URL, trust proxy): the cookie is __Host- and Secure, and HSTS is sent', async () => {
    await start({ FLOWGRAPH_PUBLIC_URL: 'https://flowgraph.example.com', FLOWGRAPH_TRUST_PROXY: 'loopback' });
    // What the proxy forwards: the public host name and the scheme the browser used.
    const proxied = { host: 'flowgraph.example.com', 'x-forwarded-proto': 'https' };
    const login = await rawGet(base, '/auth/login', proxied);
    expect(login.status).toBe(302);
    expect(login.headers['strict-transport-security']).toMatch(/max-age=\d+/);
    const loginCookie = (login.setCookie[0] ?? '').split(';')[0] ?? '';
    expect(login.setCookie[0]).toMatch(/; Path=\/auth; Expires=[^;]+; HttpOnly; Secure; SameSite=Lax$/);
    const back = await signInAtSimulator(login.headers.location ?? '', 'sam@flowgraph.demo');
    expect(back.origin).toBe('https://flowgraph.example.com');
    const callback = await rawGet(base, `${back.pathname}${back.search}`, { ...proxied, cookie: loginCookie });
    expect(callback.status).toBe(303);
    const session = callback.setCookie.find((line) => line.startsWith('__Host-flowgraph_session=')) ?? '';
    expect(session).toMatch(/^__Host-flowgraph_session=[\w-]{43}; Max-Age=43200; Path=\/; Expires=[^;]+; HttpOnly; Secure; SameSite=Lax$/);
    const me = await rawGet(base, '/api/me', { ...proxied, cookie: session.split(';')[0] ?? '' });
    expect(me.status).toBe(200);
    // Without the proxy's word the request is plain http on another host name: sent to the public origin first.
    const direct = await rawGet(base, '/auth/login', {});
    expect(direct.headers.location).toBe('https://flowgraph.example.com/auth/login');
  });

  it('signs out: the session and its Genesys token are revoked; no secret, token, code or session id is ever logged or answered', async () => {
    await start();
    const { browser, code } = await signIn('sam@flowgraph.demo');
    await crawled(browser);
    await text(await browser.fetch('/api/me'));
    await text(await browser.fetch('/api/metrics'));
    await text(await browser.fetch('/api/history'));
    const session = browser.jar.get('flowgraph_session') as string;
    const out = await browser.fetch('/auth/logout', { method: 'POST', headers: { origin: base } });
    expect(out.status).toBe(303);
    expect(browser.jar.has('flowgraph_session')).toBe(false);
    expect((await fetch(`${base}/api/me`, { headers: { cookie: `flowgraph_session=${session}` } })).status).toBe(401);
    expect(logs.some((line) => line.includes('"event":"sign-out"') && line.includes('Sam Patel'))).toBe(true);
    // The access token was signed out at Genesys too.
    const [access] = tokens;
    expect((await fetch(`${simulator.url}/api/v2/users/me`, { headers: { authorization: `Bearer ${access}` } })).status).toBe(401);

    expect(tokens.length).toBeGreaterThanOrEqual(2);
    const seen = [...logs, ...bodies, ...browser.setCookies.filter((line) => !line.startsWith('flowgraph_'))].join('\n');
    for (const secret of [CLIENT_SECRET, code, session, ...tokens]) expect(seen).not.toContain(secret);
  });
});

describe('[U] exposure rules', () => {
  const none = loadAuthSettings({});
  const exposed = { exposed: 'the org', canSignIn: true };

  it('refuses a non-loopback address without sign-in, saying why and what to do', () => {
    expect(() => checkExposure('0.0.0.0', none, exposed)).toThrow(ServerConfigError);
    expect(() => checkExposure('0.0.0.0', none, exposed)).toThrow(/anyone who can reach it would see the org.*FLOWGRAPH_AUTH=genesys/);
    expect(() => checkExposure('10.1.2.3', none, { exposed: 'these files', canSignIn: false })).toThrow(
      /^(?!.*FLOWGRAPH_AUTH).*these files/,
    );
  });

  it('allows loopback, sign-in with a public URL, or an explicit FLOWGRAPH_ALLOW_UNAUTHENTICATED=1 (with a warning)', () => {
    for (const host of ['127.0.0.1', 'localhost', '::1', '[::1]', '127.3.4.5']) expect(checkExposure(host, none, exposed)).toBeUndefined();
    const team = loadAuthSettings({ FLOWGRAPH_AUTH: 'genesys', FLOWGRAPH_PUBLIC_URL: 'https://flowgraph.example.com' });
    expect(checkExposure('0.0.0.0', team, exposed)).toBeUndefined();
    const allowed = loadAuthSettings({ FLOWGRAPH_ALLOW_UNAUTHENTICATED: '1' });
    expect(checkExposure('0.0.0.0', allowed, exposed)).toMatch(/WITHOUT sign-in/);
  });

  it('refuses to serve files beyond loopback too (flowgraph serve, npm start -- <inputs>)', async () => {
    const log = () => {};
    await expect(serveFiles({ inputs: ['flows'], cwd: tmpdir(), host: '0.0.0.0', port: 0, log })).rejects.toThrow(
      /Refusing to listen on 0\.0\.0\.0 without sign-in: anyone who can reach it would see these files/,
    );
  });

  it('needs a public URL for sign-in beyond loopback', () => {
    expect(() => checkExposure('0.0.0.0', loadAuthSettings({ FLOWGRAPH_AUTH: 'genesys' }), exposed)).toThrow(
      /FLOWGRAPH_PUBLIC_URL is required/,
    );
  });
});

import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { request as httpRequest } from 'node:http';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { brotliDecompressSync, gunzipSync } from 'node:zlib';
import { apiErrorSchema, meResponseSchema, parseGraphResponse, impactSchema, jsonExportSchema, stepsResponseSchema } from '@flowgraph/core';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { type RunningServer, startServer } from '../src/server.js';
import { FakeSource } from './fake-source.js';
import { followProgress, readProgress } from './sse.js';

describe('[I] HTTP API over an injected source', () => {
  const source = new FakeSource();
  let clock = 1_000_000;
  let server: RunningServer;
  const get = (path: string, init?: RequestInit) => fetch(`${server.url}${path}`, init);

  beforeAll(async () => {
    server = await startServer({ source, now: () => clock, heartbeatMs: 50 });
  });
  afterAll(async () => {
    await server.close();
  });

  it('answers 503 crawl-pending before the first crawl, and health says idle', async () => {
    const graph = await get('/api/graph');
    expect(graph.status).toBe(503);
    expect(apiErrorSchema.parse(await graph.json()).error.code).toBe('crawl-pending');
    const health = await (await get('/api/health')).json();
    expect(health).toMatchObject({ status: 'ok', mode: 'demo', crawl: { phase: 'idle' } });
  });

  it('says at /api/me that this server has no sign-in', async () => {
    expect(meResponseSchema.parse(await (await get('/api/me')).json())).toEqual({ auth: 'none' });
  });

  it('streams the current state at once, then each progress event until done', async () => {
    const response = await get('/api/progress');
    expect(response.headers.get('content-type')).toMatch(/^text\/event-stream/);
    // The first event is the state on connect: once it is here, the stream sees every change.
    const { first, events } = await followProgress(response, (seen) => seen.some((event) => event.phase === 'done'));
    expect(first.phase).toBe('idle');
    expect(source.refresh()).toBe(true);
    source.completeCrawl();
    const phases = (await events).map((event) => event.phase);
    expect(phases).toEqual(['idle', 'token', 'listing', 'dependencies', 'analyzing', 'done']);
    // Only the app's own subscription (it warms the analysis cache) stays once the browser left.
    await vi.waitFor(() => expect(source.activeListeners).toBe(1));
  });

  it('serves the org graph, the analysis on the full graph and a layout of every node', async () => {
    const response = await get('/api/graph');
    expect(response.status).toBe(200);
    const body = parseGraphResponse(await response.json());
    const ids = body.graph.nodes.map((node) => node.id).sort();
    expect(ids).toEqual(['action', 'loop-a', 'loop-b', 'main', 'module', 'other']);
    expect(body.graph.edges).toContainEqual(expect.objectContaining({ source: 'main', target: 'module', kind: 'uses' }));
    expect(body.analysis.summary.steps).toBe(3);
    expect(body.analysis.cycles.find((cycle) => cycle.scope === 'org')?.members).toEqual(['loop-a', 'loop-b']);
    expect(Object.keys(body.layout.positions).sort()).toEqual(ids);
    expect(body.source).toEqual({ kind: 'demo', fetchedAt: '2026-01-01T00:00:00.000Z' });
  });

  it('sends the graph compressed in the encoding the client prefers, each one decoding to the same answer', async () => {
    const decoded = new Map<string, unknown>();
    for (const [accept, encoding] of [
      ['gzip, deflate, br', 'br'],
      ['gzip', 'gzip'],
      ['br;q=0.5, gzip;q=0.9', 'gzip'],
      ['identity', undefined],
      ['br;q=0, gzip;q=0', undefined],
    ] as const) {
      const { headers, body } = await rawGet(`${server.url}/api/graph`, { 'accept-encoding': accept });
      expect(headers['content-encoding'], accept).toBe(encoding);
      expect(headers.vary).toContain('Accept-Encoding');
      expect(Number(headers['content-length'])).toBe(body.length);
      const text = encoding === 'br' ? brotliDecompressSync(body) : encoding === 'gzip' ? gunzipSync(body) : body;
      decoded.set(accept, parseGraphResponse(JSON.parse(text.toString('utf8'))));
    }
    const [first, ...rest] = [...decoded.values()];
    for (const other of rest) expect(other).toEqual(first);
  });

  it('answers 304 to a repeat request naming its ETag, and a new ETag once a policy changes the answer', async () => {
    const first = await get('/api/graph');
    const etag = first.headers.get('etag');
    expect(etag).toMatch(/^W\/".+"$/);
    expect(first.headers.get('cache-control')).toBe('private, no-cache');
    const repeat = await get('/api/graph', { headers: { 'if-none-match': etag ?? '' } });
    expect(repeat.status).toBe(304);
    expect(repeat.headers.get('etag')).toBe(etag);
    expect(await repeat.text()).toBe('');
    // A list naming it, or the strong form of the same tag, matches too (weak comparison).
    expect((await get('/api/graph', { headers: { 'if-none-match': `"other", ${etag}` } })).status).toBe(304);
    expect((await get('/api/graph', { headers: { 'if-none-match': (etag ?? '').replace('W/', '') } })).status).toBe(304);
    const strict = await get('/api/graph?strict=true', { headers: { 'if-none-match': etag ?? '' } });
    expect(strict.status).toBe(200);
    expect(strict.headers.get('etag')).not.toBe(etag);
    expect(parseGraphResponse(await strict.json()).analysis.deployment.blocked).toBe(true);
    // Other API answers are not kept by the browser.
    expect((await get('/api/metrics')).headers.get('cache-control')).toBe('no-store');
  });

  it('applies policy options and rejects bad ones naming the parameter', async () => {
    const strict = parseGraphResponse(await (await get('/api/graph?strict=true')).json());
    expect(strict.analysis.deployment.blocked).toBe(true);
    const unset = parseGraphResponse(await (await get('/api/graph?strict=&targetVersion=&allowedStatus=')).json());
    expect(unset.analysis.findings.some((finding) => finding.code.endsWith('-policy'))).toBe(false);
    const policy = parseGraphResponse(await (await get('/api/graph?targetVersion=2.0&allowedStatus=published,%20unpublished')).json());
    const codes = policy.analysis.findings.map((finding) => finding.code);
    expect(codes.filter((code) => code === 'version-policy')).toHaveLength(5);
    expect(codes).not.toContain('status-policy');
    for (const [query, name] of [
      ['strict=maybe', 'strict'],
      [`targetVersion=${'9'.repeat(101)}`, 'targetVersion'],
      ['colour=red', 'colour'],
    ]) {
      const response = await get(`/api/graph?${query}`);
      expect(response.status).toBe(400);
      const body = apiErrorSchema.parse(await response.json());
      expect(body.error.code).toBe('bad-request');
      expect(body.error.message).toContain(name);
    }
  });

  it('lists the callers of a common module upstream and 404s an unknown node', async () => {
    const response = await get('/api/impact?node=module&direction=up');
    const impact = impactSchema.parse(await response.json());
    expect(impact.upstream.map((entry) => entry.id).sort()).toEqual(['main', 'other']);
    expect(impact.downstream).toEqual([]);
    const unknown = await get('/api/impact?node=nope');
    expect(unknown.status).toBe(404);
    expect(apiErrorSchema.parse(await unknown.json()).error.message).toContain('nope');
    const bad = await get('/api/impact?node=module&direction=sideways');
    expect(bad.status).toBe(400);
    expect(apiErrorSchema.parse(await bad.json()).error.message).toContain('direction');
    expect((await get('/api/impact')).status).toBe(400);
  });

  it('serves a flow step graph with its loop, fetched once', async () => {
    const before = source.stepFetches;
    const body = stepsResponseSchema.parse(await (await get('/api/flows/main/steps')).json());
    expect(body.flow).toMatchObject({ id: 'main', kind: 'flow' });
    expect(body.graph.nodes.map((node) => node.id)).toEqual(expect.arrayContaining(['main:menu', 'main:retry', 'module']));
    expect(body.cycles[0]?.members).toEqual(['main:menu', 'main:retry']);
    expect(Object.keys(body.layout.positions)).toHaveLength(body.graph.nodes.length);
    await get('/api/flows/main/steps');
    expect(source.stepFetches).toBe(before + 1);
    expect((await get('/api/flows/action/steps')).status).toBe(404);
    expect((await get('/api/flows/nope/steps')).status).toBe(404);
    const long = await get(`/api/flows/${'x'.repeat(201)}/steps`);
    expect(long.status).toBe(400);
    expect(apiErrorSchema.parse(await long.json()).error.message).toContain('id');
  });

  it('exports every format as an attachment', async () => {
    const cases = [
      ['dot', 'flowgraph.dot', /^digraph/m],
      ['mermaid', 'flowgraph.mmd', /^(flowchart|graph)/m],
      ['json', 'flowgraph.json', /^\{/],
    ] as const;
    for (const [format, file, start] of cases) {
      const response = await get(`/api/export?format=${format}&scope=full`);
      expect(response.status).toBe(200);
      expect(response.headers.get('content-disposition')).toBe(`attachment; filename="${file}"`);
      const text = await response.text();
      expect(text).toMatch(start);
      expect(text).toContain('main');
    }
    const org = jsonExportSchema.parse(await (await get('/api/export?format=json&scope=org')).json());
    expect(org.nodes.map((node) => node.kind)).not.toContain('step');
    const bad = await get('/api/export?format=pdf');
    expect(bad.status).toBe(400);
    expect(apiErrorSchema.parse(await bad.json()).error.message).toContain('format');
  });

  it('starts a refresh, refuses one while running, and limits them to one per 30 s', async () => {
    const first = await get('/api/refresh', { method: 'POST' });
    expect(first.status).toBe(202);
    expect(await first.json()).toEqual({ started: true });
    expect((await get('/api/refresh', { method: 'POST' })).status).toBe(409);
    source.completeCrawl();
    clock += 10_000;
    const limited = await get('/api/refresh', { method: 'POST' });
    expect(limited.status).toBe(429);
    expect(limited.headers.get('retry-after')).toBe('20');
    expect(apiErrorSchema.parse(await limited.json()).error.code).toBe('rate-limited');
    clock += 20_000;
    expect((await get('/api/refresh', { method: 'POST' })).status).toBe(202);
    source.completeCrawl();
  });

  it('serves client metrics', async () => {
    expect(await (await get('/api/metrics')).json()).toMatchObject({ requests: 7, endpoints: [] });
  });

  it('sets security headers and never CORS ones', async () => {
    const response = await get('/api/health', { headers: { origin: 'https://evil.example' } });
    const csp = response.headers.get('content-security-policy') ?? '';
    expect(csp).toContain("connect-src 'self'");
    expect(csp).toContain("script-src 'self'");
    expect(csp).not.toMatch(/script-src[^;]*unsafe-inline/);
    // WebAssembly (the HCL parser for opened Terraform files) may compile; JavaScript eval may not.
    expect(csp).toMatch(/script-src[^;]*'wasm-unsafe-eval'/);
    expect(csp).not.toMatch(/script-src[^;]*'unsafe-eval'/);
    expect(response.headers.get('x-content-type-options')).toBe('nosniff');
    expect(response.headers.get('access-control-allow-origin')).toBeNull();
    expect(response.headers.get('x-powered-by')).toBeNull();
    // The old header says what CSP's frame-ancestors 'none' says; HSTS is not sent over plain HTTP.
    expect(csp).toContain("frame-ancestors 'none'");
    expect(response.headers.get('x-frame-options')).toBe('DENY');
    expect(response.headers.get('strict-transport-security')).toBeNull();
    const crossSite = await get('/api/refresh', { method: 'POST', headers: { origin: 'https://evil.example' } });
    expect(crossSite.status).toBe(403);
    // Same host and port over another scheme is another origin.
    const otherScheme = await get('/api/refresh', { method: 'POST', headers: { origin: server.url.replace('http:', 'https:') } });
    expect(otherScheme.status).toBe(403);
    expect((await get('/api/refresh', { method: 'POST', headers: { origin: 'null' } })).status).toBe(403);
  });

  it('rejects parameters on routes that take none, the progress stream included', async () => {
    for (const path of ['/api/progress?since=0', '/api/metrics?verbose=1', '/api/health?x=1']) {
      const response = await get(path);
      expect(response.status, path).toBe(400);
      expect(apiErrorSchema.parse(await response.json()).error.code).toBe('bad-request');
    }
  });

  it('answers unknown API paths and oversized bodies in the error shape', async () => {
    const missing = await get('/api/nothing');
    expect(missing.status).toBe(404);
    expect(apiErrorSchema.parse(await missing.json()).error.code).toBe('not-found');
    const large = await get('/api/refresh', {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ padding: 'x'.repeat(4096) }),
    });
    expect(large.status).toBe(413);
    expect(apiErrorSchema.parse(await large.json()).error.code).toBe('bad-request');
  });
});

describe('[I] a first crawl that fails', () => {
  it('answers 502 with the failure and keeps health up', async () => {
    const source = new FakeSource();
    const server = await startServer({ source });
    try {
      source.refresh();
      source.state.fail('token request refused: invalid_client. Check that GENESYSCLOUD_REGION is the org’s region.');
      const response = await fetch(`${server.url}/api/graph`);
      expect(response.status).toBe(502);
      const body = apiErrorSchema.parse(await response.json());
      expect(body.error.code).toBe('crawl-failed');
      expect(body.error.message).toContain('invalid_client');
      // The client's sentence and ours are joined with one full stop, not "region.. Fix".
      expect(body.error.message).toContain('region. Fix the cause');
      expect((await fetch(`${server.url}/api/health`)).status).toBe(200);
    } finally {
      const stream = await fetch(`${server.url}/api/progress`);
      const events = readProgress(stream, () => false);
      await server.close();
      // Closing the server ends open progress streams instead of hanging on them.
      expect((await events).map((event) => event.phase)).toEqual(['failed']);
    }
    expect(source.closed).toBe(true);
  });
});

describe('[I] many progress streams', () => {
  it('serves 30 at once without a MaxListenersExceededWarning, and ends them all on close', async () => {
    const warnings: string[] = [];
    const onWarning = (warning: Error) => warnings.push(`${warning.name}: ${warning.message}`);
    process.on('warning', onWarning);
    const source = new FakeSource();
    const server = await startServer({ source, heartbeatMs: 50 });
    try {
      const streams = await Promise.all(Array.from({ length: 30 }, () => fetch(`${server.url}/api/progress`)));
      const events = streams.map((stream) => readProgress(stream, () => false));
      await vi.waitFor(() => expect(source.activeListeners).toBe(31));
      await server.close();
      for (const received of await Promise.all(events)) expect(received.map((event) => event.phase)).toEqual(['idle']);
      // Warnings are emitted on the next tick.
      await new Promise((resolve) => setImmediate(resolve));
      expect(warnings.filter((warning) => warning.includes('MaxListeners'))).toEqual([]);
      expect(source.activeListeners).toBe(1);
    } finally {
      process.off('warning', onWarning);
    }
  });
});

describe('[I] the web app', () => {
  const navigation = { headers: { accept: 'text/html,application/xhtml+xml' } };

  it('serves index.html for navigations to client routes, and a 404 in the error shape for anything else', async () => {
    const dist = mkdtempSync(join(tmpdir(), 'flowgraph-dist-'));
    writeFileSync(join(dist, 'index.html'), '<!doctype html><title>Flowgraph</title>');
    mkdirSync(join(dist, 'assets'));
    writeFileSync(join(dist, 'assets', 'index-abc123.js'), 'console.log(1);');
    const server = await startServer({ source: new FakeSource(), webDist: dist });
    try {
      for (const path of ['/', '/flows/main']) {
        const response = await fetch(`${server.url}${path}`, navigation);
        expect(response.status).toBe(200);
        expect(await response.text()).toContain('<title>Flowgraph</title>');
      }
      expect((await fetch(`${server.url}/assets/index-abc123.js`)).status).toBe(200);
      expect((await fetch(`${server.url}/api/nothing`)).headers.get('content-type')).toMatch(/json/);
      // A stale hashed asset after a redeploy, the asset folder itself, a script that never existed:
      // a short 404 in the error shape, even when a browser navigates to it.
      for (const [path, init] of [
        ['/assets/index-old999.js', navigation],
        ['/assets/', {}],
        ['/nope.js', {}],
      ] as const) {
        const response = await fetch(`${server.url}${path}`, init);
        expect(response.status, path).toBe(404);
        expect(apiErrorSchema.parse(await response.json()).error.code, path).toBe('not-found');
      }
    } finally {
      await server.close();
      rmSync(dist, { recursive: true, force: true });
    }
  });

  it('explains how to build when there is no build', async () => {
    const server = await startServer({ source: new FakeSource(), webDist: join(tmpdir(), 'flowgraph-no-such-dist') });
    try {
      const response = await fetch(`${server.url}/`, navigation);
      expect(response.status).toBe(503);
      expect(await response.text()).toContain('pnpm --filter @flowgraph/web build');
    } finally {
      await server.close();
    }
  });
});

describe('[I] a server on loopback', () => {
  it('refuses a foreign Host name (DNS rebinding) and serves loopback ones', async () => {
    const server = await startServer({ source: new FakeSource(), loopbackOnly: true });
    const status = (host: string) =>
      new Promise<number>((resolve, reject) => {
        const request = httpRequest(`${server.url}/api/health`, { headers: { host } }, (response) => {
          response.resume();
          resolve(response.statusCode ?? 0);
        });
        request.on('error', reject);
        request.end();
      });
    try {
      expect(await status('evil.example')).toBe(403);
      expect(await status(`localhost:${server.port}`)).toBe(200);
      expect(await status(`127.0.0.1:${server.port}`)).toBe(200);
    } finally {
      await server.close();
    }
  });
});

/** A GET whose body is the bytes on the wire (fetch would decompress them). */
function rawGet(
  url: string,
  headers: Record<string, string>,
): Promise<{ headers: Record<string, string | string[] | undefined>; body: Buffer }> {
  return new Promise((resolve, reject) => {
    httpRequest(url, { headers }, (response) => {
      const chunks: Buffer[] = [];
      response.on('data', (chunk: Buffer) => chunks.push(chunk));
      response.on('end', () => resolve({ headers: response.headers, body: Buffer.concat(chunks) }));
      response.on('error', reject);
    })
      .on('error', reject)
      .end();
  });
}

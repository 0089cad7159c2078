import { apiErrorSchema, clientMetricsSchema, parseGraphResponse, impactSchema, stepsResponseSchema } from '@flowgraph/core';
import { createGenesysClient, loadConfig } from '@flowgraph/genesys';
import { DEMO_CREDENTIALS, type RunningSimulator, startSimulator } from '@flowgraph/simulator';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadServerConfig } from '../src/config.js';
import { createRedactor } from '../src/logger.js';
import { startDemoSource } from '../src/modes/demo.js';
import { createLiveSource } from '../src/modes/live.js';
import { CrawlSource } from '../src/org/crawl-source.js';
import { genesysOrgClient } from '../src/org/genesys-org-client.js';
import { type RunningServer, startServer } from '../src/server.js';
import { followProgress } from './sse.js';

// Distinctive, so a leak anywhere is found by a plain substring search.
const SECRET = 'zq-LEAK-CANARY-7f3e9b1d-secret';
const CLIENT_ID = 'live-like-client';

/** The live code path end to end: real client, OAuth with custom credentials, against the simulator on loopback. */
describe('[I] server over the real Genesys client and the simulator', () => {
  let simulator: RunningSimulator;
  let server: RunningServer;
  const logs: string[] = [];
  const seen: string[] = [];
  const get = async (path: string, init?: RequestInit) => {
    const response = await fetch(`${server.url}${path}`, init);
    const body = await response.clone().text();
    seen.push(`${path} ${JSON.stringify([...response.headers])} ${body}`);
    return response;
  };

  beforeAll(async () => {
    simulator = await startSimulator({
      port: 0,
      flows: 40,
      seed: 7,
      faults: 'none',
      credentials: { clientId: CLIENT_ID, clientSecret: SECRET },
    });
    // Live mode's own wiring, with a loopback base URL standing in for the region's hosts.
    const env = { GENESYSCLOUD_BASE_URL: simulator.url, GENESYSCLOUD_OAUTHCLIENT_ID: CLIENT_ID, GENESYSCLOUD_OAUTHCLIENT_SECRET: SECRET };
    expect(loadServerConfig(env).mode).toBe('live');
    const source = createLiveSource(loadConfig(env), (line) => logs.push(line));
    server = await startServer({ source, log: (line) => logs.push(line), secrets: [SECRET] });
  });
  afterAll(async () => {
    await server?.close();
    await simulator?.close();
  });

  it('streams the crawl from the first state to done', async () => {
    // Not through `get`: reading a clone of an endless stream would never finish.
    const response = await fetch(`${server.url}/api/progress`);
    const { events } = await followProgress(response, (all) => all.some((event) => event.phase === 'done' || event.phase === 'failed'));
    expect((await get('/api/refresh', { method: 'POST' })).status).toBe(202);
    const all = await events;
    expect(all[0]?.phase).toBe('idle');
    expect(all.at(-1)).toMatchObject({ phase: 'done', flowsTotal: expect.any(Number) });
    expect(all.map((event) => event.phase)).toEqual(expect.arrayContaining(['token', 'listing', 'dependencies', 'analyzing']));
    expect(all.at(-1)?.requests).toBeGreaterThan(40);
  });

  it('serves the org with the planted cycle and the callers of the planted module', async () => {
    const body = parseGraphResponse(await (await get('/api/graph')).json());
    const listed = simulator.org.flows.filter((flow) => !flow.entity.deleted).length;
    expect(body.graph.nodes.filter((node) => node.kind === 'flow').length).toBeGreaterThanOrEqual(listed);
    expect(body.source.kind).toBe('live');
    const [a, b] = simulator.org.planted.cycle;
    expect(body.analysis.cycles.some((cycle) => cycle.scope === 'org' && cycle.members.includes(a) && cycle.members.includes(b))).toBe(
      true,
    );

    const { callerId, moduleId } = simulator.org.planted.unpublishedModule;
    const impact = impactSchema.parse(await (await get(`/api/impact?node=${moduleId}&direction=up`)).json());
    expect(impact.upstream.map((entry) => entry.id)).toContain(callerId);
    expect(impact.upstream.find((entry) => entry.id === callerId)?.path).toEqual([callerId, moduleId]);
  });

  it('fetches a flow configuration on demand and finds its menu loop', async () => {
    const { flowId } = simulator.org.planted.menuLoop;
    const body = stepsResponseSchema.parse(await (await get(`/api/flows/${flowId}/steps`)).json());
    expect(body.flow.id).toBe(flowId);
    expect(body.graph.nodes.filter((node) => node.kind === 'step').length).toBeGreaterThan(1);
    expect(body.cycles.some((cycle) => cycle.scope === 'flow')).toBe(true);
  });

  it('exports the full graph and reports the client metrics', async () => {
    const dot = await get('/api/export?format=dot&scope=full');
    expect(dot.headers.get('content-disposition')).toBe('attachment; filename="flowgraph.dot"');
    expect(await dot.text()).toMatch(/^digraph/m);
    const metrics = clientMetricsSchema.parse(await (await get('/api/metrics')).json());
    expect(metrics.requests).toBeGreaterThan(40);
    expect(metrics.endpoints.map((entry) => entry.endpoint)).toContain('GET /api/v2/flows');
  });

  it('never shows the client secret in any response, header or log line', async () => {
    for (const path of ['/api/health', '/api/graph', '/api/metrics', '/api/export?format=json&scope=full', '/api/impact?node=x']) {
      await get(path);
    }
    expect(seen.length).toBeGreaterThan(8);
    for (const entry of [...seen, ...logs]) expect(entry.includes(SECRET), entry.slice(0, 80)).toBe(false);
  });
});

describe('[I] a crawl with a refused secret', () => {
  it('answers 502 with the token error, and the secret appears nowhere', async () => {
    const simulator = await startSimulator({
      port: 0,
      flows: 40,
      seed: 7,
      faults: 'none',
      credentials: { clientId: CLIENT_ID, clientSecret: SECRET },
    });
    const wrong = `${SECRET}-wrong`;
    const logs: string[] = [];
    const client = createGenesysClient({
      baseUrl: simulator.url,
      clientId: CLIENT_ID,
      clientSecret: wrong,
      cache: false,
      env: {},
      retry: 0,
    });
    const source = new CrawlSource({
      info: { kind: 'live' },
      client: genesysOrgClient(client, 'live'),
      log: (line) => logs.push(line),
      redact: createRedactor([wrong]),
    });
    const server = await startServer({ source, log: (line) => logs.push(line), secrets: [wrong] });
    try {
      source.refresh();
      await source.settled();
      const response = await fetch(`${server.url}/api/graph`);
      const text = await response.text();
      expect(response.status).toBe(502);
      expect(JSON.parse(text).error.code).toBe('crawl-failed');
      const health = await (await fetch(`${server.url}/api/health`)).text();
      for (const entry of [text, health, ...logs]) expect(entry.includes(SECRET)).toBe(false);
    } finally {
      await server.close();
      await simulator.close();
    }
  });
});

describe('[I] a configuration Genesys no longer has', () => {
  it('answers 404 with the Genesys message', async () => {
    const simulator = await startSimulator({ port: 0, flows: 40, seed: 7, faults: 'none' });
    const client = createGenesysClient({ baseUrl: simulator.url, ...DEMO_CREDENTIALS, cache: false, env: {} });
    const source = new CrawlSource({
      info: { kind: 'demo' },
      client: genesysOrgClient(client, 'demo'),
      log: () => {},
      redact: (text) => text,
    });
    const server = await startServer({ source });
    try {
      source.refresh();
      await source.settled();
      const flow = simulator.org.flows.find((candidate) => !candidate.entity.deleted)!;
      // The flow vanishes from the org after the crawl listed it.
      (simulator.org.flowsById as Map<string, unknown>).delete(flow.entity.id);
      const response = await fetch(`${server.url}/api/flows/${flow.entity.id}/steps`);
      expect(response.status).toBe(404);
      expect(apiErrorSchema.parse(await response.json()).error.message).toContain('Genesys Cloud answered');
    } finally {
      await server.close();
      await simulator.close();
    }
  });
});

describe('[I] demo mode', () => {
  it('crawls the in-process simulator with its demo credentials and closes it', async () => {
    const source = await startDemoSource({ flows: 30, log: () => {} });
    try {
      source.refresh();
      await source.settled();
      expect(source.progress().phase).toBe('done');
      const flows = [...source.current().graph.nodes.values()].filter((node) => node.kind === 'flow');
      expect(flows.length).toBeGreaterThanOrEqual(25);
    } finally {
      await source.close();
    }
  });
});

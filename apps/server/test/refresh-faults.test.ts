import { type GraphResponse, type Health, healthSchema, parseGraphResponse } from '@flowgraph/core';
import { createGenesysClient } from '@flowgraph/genesys';
import { DEMO_CREDENTIALS, type RunningSimulator, startSimulator } from '@flowgraph/simulator';
import { afterEach, describe, expect, it } from 'vitest';
import { CrawlSource } from '../src/org/crawl-source.js';
import { genesysOrgClient } from '../src/org/genesys-org-client.js';
import { type RunningServer, startServer } from '../src/server.js';

const cleanups: Array<() => Promise<void>> = [];
afterEach(async () => {
  for (const cleanup of cleanups.splice(0).reverse()) await cleanup();
});

/**
 * The fault report's scenario: live mode against the simulator, first crawl done, then a refresh
 * during which the simulator dies. The refresh must fail fast (circuit breaker, not minutes of
 * paced retries against a refused port) and must not replace the good graph.
 */
describe('[I] the simulator killed in the middle of a refresh', () => {
  it('keeps serving the previous graph, fails fast and shows the failed refresh in progress and health', async () => {
    let simulator: RunningSimulator | undefined = await startSimulator({ port: 0, flows: 150, seed: 7, faults: 'none', latencyMs: 5 });
    cleanups.push(async () => simulator?.close());
    const client = createGenesysClient({ baseUrl: simulator.url, ...DEMO_CREDENTIALS, cache: false, env: {} });
    const source = new CrawlSource({
      info: { kind: 'live' },
      client: genesysOrgClient(client, 'live'),
      log: () => {},
      redact: (text) => text,
    });
    const server: RunningServer = await startServer({ source });
    cleanups.push(() => server.close());
    const json = async <T>(path: string, parse: (body: unknown) => T): Promise<{ status: number; body: T }> => {
      const response = await fetch(`${server.url}${path}`);
      return { status: response.status, body: parse(await response.json()) };
    };

    source.refresh();
    await source.settled();
    expect(source.progress().phase).toBe('done');
    const before = await json<GraphResponse>('/api/graph', parseGraphResponse);
    const edgesBefore = before.body.graph.edges.length;
    expect(edgesBefore).toBeGreaterThan(150);

    // Kill the simulator once the refresh is a fifth of the way through the flows.
    let killedAtRequest = 0;
    const unsubscribe = source.subscribe((progress) => {
      if (simulator && progress.phase === 'dependencies' && progress.flowsDone >= 30) {
        const dying = simulator;
        simulator = undefined;
        killedAtRequest = client.monitor.requestCount;
        void dying.close();
      }
    });
    expect((await fetch(`${server.url}/api/refresh`, { method: 'POST' })).status).toBe(202);
    await source.settled();
    unsubscribe();
    expect(killedAtRequest).toBeGreaterThan(0);

    // Fail fast: once five requests in a row got no answer, the rest were not sent. Without the
    // breaker every remaining flow would try 4 times: hundreds of attempts, paced by backoff.
    const attemptsAfterKill = client.monitor.records().slice(killedAtRequest);
    expect(attemptsAfterKill.filter((record) => record.status === undefined).length).toBeLessThanOrEqual(5 + 8 + 8);

    // The good graph is still served, unchanged.
    const after = await json<GraphResponse>('/api/graph', parseGraphResponse);
    expect(after.status).toBe(200);
    expect(after.body.graph.edges.length).toBe(edgesBefore);
    expect(after.body.source.fetchedAt).toBe(before.body.source.fetchedAt);

    // The failed refresh and its errors show in progress and in health.
    const progress = source.progress();
    expect(progress).toMatchObject({ phase: 'failed', partial: true, graphFetchedAt: before.body.source.fetchedAt });
    expect(progress.failedFlows).toBeGreaterThan(3);
    expect(progress.message).toMatch(/could not be fetched \(more than 2%\), so this crawl does not replace the graph/);
    expect(progress.errors?.some((error) => /unreachable|ECONNREFUSED|socket|closed/i.test(error.message))).toBe(true);
    const health = await json<Health>('/api/health', (body) => healthSchema.parse(body));
    expect(health.body.status).toBe('degraded');
    expect(health.body.crawl).toMatchObject({ phase: 'failed', partial: true });

    // The partial result only on request, saying what it is.
    const partial = await json<GraphResponse>('/api/graph?partial=true', parseGraphResponse);
    expect(partial.status).toBe(200);
    expect(partial.body.source.partial?.reason).toMatch(/could not be fetched/);
    expect(partial.body.graph.edges.length).toBeLessThan(edgesBefore);
  });
});

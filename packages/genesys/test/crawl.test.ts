import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { type CrawlProgress, SnapshotSchema } from '@flowgraph/core';
import { afterEach, describe, expect, it } from 'vitest';
import { crawlOrg, createGenesysClient, fetchFlowConfiguration, type GenesysClientOptions, PermissionError } from '../src/index.js';
import { CLIENT_ID, CLIENT_SECRET, type FakeGenesys, startFakeGenesys } from './helpers/fake-genesys.js';
import { buildOrg, type FakeOrg, type OrgRoutesOptions, orgRoutes } from './helpers/fake-org.js';
import { VirtualClock } from './helpers/virtual-clock.js';

const DEPENDENCIES = 'GET /api/v2/architect/dependencytracking/consumedresources';
const cleanups: Array<() => Promise<void>> = [];

afterEach(async () => {
  for (const cleanup of cleanups.splice(0)) await cleanup();
});

async function startOrg(org: FakeOrg, routes: OrgRoutesOptions = {}): Promise<FakeGenesys> {
  const server = await startFakeGenesys({ api: orgRoutes(org, routes) });
  cleanups.push(() => server.close());
  return server;
}

function clientFor(server: FakeGenesys, options: Partial<GenesysClientOptions> = {}) {
  return createGenesysClient({
    baseUrl: server.url,
    clientId: CLIENT_ID,
    clientSecret: CLIENT_SECRET,
    cache: false,
    clock: new VirtualClock(),
    rateLimit: { requestsPerMinute: 1_000_000 },
    ...options,
  });
}

describe('[I] crawlOrg against a fake org', () => {
  it('lists every page, fetches every flow’s dependencies and records the failures', async () => {
    const org = buildOrg(1_001, { index: 7, resources: 250 });
    const failing = new Set(['flow-00003', 'flow-00500', 'flow-01000']);
    // Pages 2 and 3 are held until both have arrived: a sequential crawl would never get there.
    let laterPages = 0;
    let releaseLaterPages = () => {};
    const bothArrived = new Promise<void>((resolve) => {
      releaseLaterPages = resolve;
    });
    const server = await startOrg(org, {
      failing,
      beforeLaterPage: () => {
        if (++laterPages === 2) releaseLaterPages();
        return bothArrived;
      },
    });
    const progress: CrawlProgress[] = [];
    const client = clientFor(server);
    const snapshot = SnapshotSchema.parse(
      await crawlOrg(client, { onProgress: (event) => progress.push(event), now: () => new Date('2026-02-03T04:05:06Z') }),
    );

    expect(snapshot.stats).toMatchObject({ listed: 1_001, fetched: 998, failed: 3, reused: 0 });
    // Every attempt counts, retries of the failing flows included.
    expect(snapshot.stats?.requests).toBeGreaterThan(1_001);
    expect(snapshot.stats!.listed).toBe(snapshot.stats!.fetched + snapshot.stats!.failed);
    expect(snapshot.flows.map((flow) => flow.id)).toEqual(org.flows.map((flow) => flow.id));
    expect(Object.keys(snapshot.consumedResources)).toHaveLength(998);
    expect(snapshot.errors.map((error) => error.flowId).sort()).toEqual([...failing].sort());
    expect(snapshot.errors[0]).toMatchObject({ status: 500, attempts: 4, flowName: expect.stringMatching(/^Flow /) });
    expect(snapshot.errors[0]!.request).toMatch(/^GET \/api\/v2\/architect\/dependencytracking\/consumedresources\?id=flow-/);
    expect(snapshot.consumedResources['flow-00007']!.resources).toHaveLength(250);
    // Unpublished flows use their latest draft; published ones their published version.
    expect(snapshot.consumedResources['flow-00010']).toMatchObject({ version: '2.0', objectType: 'INBOUNDCALLFLOW' });
    expect(snapshot.consumedResources['flow-00011']).toMatchObject({ version: '1.0', objectType: 'COMMONMODULEFLOW' });
    expect(snapshot.source).toEqual({ kind: 'demo', baseUrl: server.url });
    expect(snapshot.fetchedAt).toBe('2026-02-03T04:05:06.000Z');

    expect(server.count('GET /api/v2/flows')).toBe(3);
    // One request per healthy flow, 2 more pages for the big one, 4 attempts per failing flow.
    expect(server.count(DEPENDENCIES)).toBe(998 + 2 + 3 * 4);
    expect(client.metrics().endpoints.find((e) => e.path.endsWith('consumedresources'))).toMatchObject({ count: 1_012, errors: 12 });

    expect(progress.map((event) => event.phase).filter((phase, i, all) => phase !== all[i - 1])).toEqual([
      'token',
      'listing',
      'dependencies',
      'done',
    ]);
    expect(progress.at(-1)).toMatchObject({ flowsDone: 1_001, flowsTotal: 1_001, pagesDone: 3, pagesTotal: 3 });
  });

  it('reports as rate-limit wait the time the crawl lost, never more than the crawl took', async () => {
    const server = await startOrg(buildOrg(200));
    const clock = new VirtualClock();
    // 60 requests a minute for 201 requests: the crawl sits out three window ends, 8 requests at a time.
    const client = clientFor(server, { clock, rateLimit: { requestsPerMinute: 60, maxConcurrent: 8 } });
    const startedAt = clock.now();
    const snapshot = await crawlOrg(client);
    const elapsed = clock.now() - startedAt;
    expect(snapshot.stats?.failed).toBe(0);
    const { rateLimitWaitMs, rateLimitWaitSummedMs } = client.metrics().totals;
    expect(rateLimitWaitMs).toBeGreaterThanOrEqual(3 * 55_000);
    // The wall figure is part of the crawl's time (overlapping waits are counted apart in the
    // sum: see rate-limit.test.ts, eight requests sitting out one pause).
    expect(rateLimitWaitMs).toBeLessThanOrEqual(elapsed);
    expect(rateLimitWaitSummedMs).toBeGreaterThanOrEqual(rateLimitWaitMs);
  });

  it('stops with PermissionError when dependency tracking is forbidden', async () => {
    const server = await startOrg(buildOrg(30), { dependencyStatus: 403 });
    await expect(crawlOrg(clientFor(server))).rejects.toThrow(PermissionError);
    // The fatal error aborts the other workers instead of letting all 30 flows fail one by one.
    expect(server.count(DEPENDENCIES)).toBeLessThan(30);
  });

  it('fetches a flow’s latest configuration on demand', async () => {
    const server = await startOrg(buildOrg(1));
    await expect(fetchFlowConfiguration(clientFor(server), 'flow/00000')).resolves.toMatchObject({ name: 'flow/00000', manifest: {} });
  });
});

describe('[I] response cache', () => {
  it('resumes an interrupted crawl, expires after its TTL and is bypassed with cache: false', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'flowgraph-cache-'));
    cleanups.push(() => rm(dir, { recursive: true, force: true }));
    const org = buildOrg(200);
    const server = await startOrg(org);
    const clock = new VirtualClock();
    const cached = (options: Partial<GenesysClientOptions> = {}) => clientFor(server, { clock, cache: { dir }, ...options });

    const controller = new AbortController();
    const interrupted = crawlOrg(cached(), {
      signal: controller.signal,
      onProgress: (event) => {
        if (event.flowsDone === 120) controller.abort(new Error('user pressed ctrl-c'));
      },
    });
    await expect(interrupted).rejects.toThrow('ctrl-c');
    const before = server.count(DEPENDENCIES);
    expect(before).toBeGreaterThanOrEqual(120);
    expect(before).toBeLessThan(200);

    const resumed = await crawlOrg(cached());
    expect(resumed.stats).toMatchObject({ listed: 200, fetched: 200, failed: 0, reused: 0 });
    // At least the 120 finished flows come from disk (requests cut off in flight are asked again).
    const afterResume = server.count(DEPENDENCIES);
    expect(afterResume - before).toBeLessThanOrEqual(80);
    expect(afterResume - before).toBeGreaterThan(0);

    const fromCache = cached();
    await crawlOrg(fromCache);
    expect(server.count(DEPENDENCIES)).toBe(afterResume);
    expect(fromCache.metrics().totals).toMatchObject({ cacheHits: 201, requests: 1 });

    clock.time += 301_000;
    await crawlOrg(cached());
    expect(server.count(DEPENDENCIES)).toBe(afterResume + 200);
    await crawlOrg(cached({ cache: false }));
    expect(server.count(DEPENDENCIES)).toBe(afterResume + 400);
  });
});

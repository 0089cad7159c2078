import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { type CrawlProgress, SNAPSHOT_FORMAT, SNAPSHOT_VERSION, type Snapshot, SnapshotSchema } from '@flowgraph/core';
import { describe, expect, it } from 'vitest';
import { CrawlFailedError, CrawlPendingError, NotFoundError } from '../src/errors.js';
import { CrawlSource } from '../src/org/crawl-source.js';
import type { OrgClient } from '../src/org/org-client.js';
import { createRedactor } from '../src/logger.js';

const SECRET = 'crawl-source-test-secret-8c1f';
const snapshot: Snapshot = SnapshotSchema.parse(
  JSON.parse(readFileSync(join(import.meta.dirname, '../../../examples/snapshot-org.json'), 'utf8')),
);

/** An OrgClient whose crawls succeed or fail as the test says, reporting one page of progress. */
function scriptedClient(outcomes: Array<'ok' | 'fail'>): OrgClient & { signals: AbortSignal[] } {
  const signals: AbortSignal[] = [];
  return {
    signals,
    async crawl(onProgress, signal) {
      signals.push(signal);
      onProgress({ phase: 'listing', pagesDone: 1, requests: 2 });
      onProgress({ phase: 'dependencies', flowsDone: 3, flowsTotal: 3, requests: 5 });
      if (outcomes.shift() === 'fail') throw new Error(`token refused for secret ${SECRET}`);
      return snapshot;
    },
    flowConfiguration: async () => ({}),
    metrics: () => ({
      requests: 5,
      retries: 0,
      rateLimitWaits: 0,
      rateLimitWaitMs: 0,
      rateLimitWaitSummedMs: 0,
      errors: 0,
      cacheHits: 0,
      tokenRefreshes: 0,
      endpoints: [],
    }),
  };
}

function sourceWith(client: OrgClient, logged: string[]): CrawlSource {
  return new CrawlSource({
    info: { kind: 'live', region: 'eu-west-1' },
    client,
    log: (line) => logged.push(line),
    redact: createRedactor([SECRET]),
  });
}

describe('[I] CrawlSource', () => {
  it('crawls, reports every phase and serves the linked snapshot graph', async () => {
    const source = sourceWith(scriptedClient(['ok']), []);
    const phases: CrawlProgress['phase'][] = [];
    source.subscribe((progress) => phases.push(progress.phase));
    expect(() => source.current()).toThrow(CrawlPendingError);
    expect(source.refresh()).toBe(true);
    expect(source.refresh()).toBe(false);
    await source.settled();
    expect(phases).toEqual(['token', 'listing', 'dependencies', 'analyzing', 'done']);
    const loaded = source.current();
    expect(loaded.fetchedAt).toBe(snapshot.fetchedAt);
    const names = [...loaded.graph.nodes.values()].map((node) => node.name);
    expect(names).toEqual(expect.arrayContaining(['Main Inbound', 'Customer Lookup']));
    expect(source.progress()).toMatchObject({ phase: 'done', requests: 5, flowsDone: 3 });
  });

  it('fails with the client message, with the secret removed from progress and logs', async () => {
    const logged: string[] = [];
    const source = sourceWith(scriptedClient(['fail']), logged);
    source.refresh();
    await source.settled();
    expect(source.progress().phase).toBe('failed');
    expect(source.progress().message).toContain('token refused');
    expect(JSON.stringify(source.progress())).not.toContain(SECRET);
    expect(logged.join('\n')).not.toContain(SECRET);
    expect(() => source.current()).toThrow(CrawlFailedError);
  });

  it('keeps the last good graph when a refresh fails', async () => {
    const source = sourceWith(scriptedClient(['ok', 'fail']), []);
    source.refresh();
    await source.settled();
    const first = source.current();
    source.refresh();
    await source.settled();
    expect(source.progress().phase).toBe('failed');
    expect(source.current()).toBe(first);
  });

  it('aborts the crawl on close and starts no new one', async () => {
    const client = scriptedClient(['ok']);
    const source = sourceWith(client, []);
    source.refresh();
    await source.close();
    expect(client.signals[0]?.aborted).toBe(true);
    expect(source.refresh()).toBe(false);
  });
});

const DEPENDENCIES = 'GET /api/v2/architect/dependencytracking/consumedresources';

/**
 * An org of `flows` inbound flows, each using its own queue; the flows in `failing` failed
 * their dependency request (no consumed resources, one fetch error each).
 */
function orgSnapshot(fetchedAt: string, flows: number, failing: readonly number[] = [], listingFailed = false): Snapshot {
  const ids = Array.from({ length: flows }, (_, index) => `flow-${index}`);
  const failed = new Set(failing.map((index) => `flow-${index}`));
  return {
    format: SNAPSHOT_FORMAT,
    version: SNAPSHOT_VERSION,
    source: { kind: 'live', region: 'eu-west-1' },
    fetchedAt,
    flows: ids.map((id, index) => ({ id, name: `Flow ${index}`, type: 'INBOUNDCALL', publishedVersion: { id: '1.0' } })),
    consumedResources: Object.fromEntries(
      ids
        .filter((id) => !failed.has(id))
        .map((id) => [
          id,
          { version: '1.0', objectType: 'INBOUNDCALLFLOW', resources: [{ id: `queue-of-${id}`, name: `Queue of ${id}`, type: 'QUEUE' }] },
        ]),
    ),
    errors: [
      ...[...failed].map((flowId) => ({
        flowId,
        flowName: flowId,
        request: DEPENDENCIES,
        message: 'failed with no response (connect ECONNREFUSED)',
        attempts: 4,
      })),
      ...(listingFailed
        ? [{ request: 'GET /api/v2/flows?pageNumber=2&pageSize=500', message: 'status 503', status: 503, attempts: 4 }]
        : []),
    ],
  };
}

/** An OrgClient that returns the given snapshots, one per crawl. */
function snapshotsClient(snapshots: Snapshot[]): OrgClient {
  return {
    async crawl(onProgress) {
      onProgress({ phase: 'dependencies', flowsDone: 1, flowsTotal: 1, requests: 1 });
      const next = snapshots.shift();
      if (!next) throw new Error('no more crawls scripted');
      return next;
    },
    flowConfiguration: async () => ({}),
    metrics: () => ({
      requests: 0,
      retries: 0,
      rateLimitWaits: 0,
      rateLimitWaitMs: 0,
      rateLimitWaitSummedMs: 0,
      errors: 0,
      cacheHits: 0,
      tokenRefreshes: 0,
      endpoints: [],
    }),
  };
}

async function crawlOnce(source: CrawlSource): Promise<void> {
  expect(source.refresh()).toBe(true);
  await source.settled();
}

const usesEdge = (source: CrawlSource, flowId: string) =>
  source.current().graph.edges.some((edge) => edge.source === flowId && edge.kind === 'uses' && edge.target === `queue-of-${flowId}`);

describe('[I] CrawlSource: a refresh is a candidate', () => {
  const T1 = '2026-01-01T10:00:00.000Z';
  const T2 = '2026-01-01T11:00:00.000Z';
  const T3 = '2026-01-01T12:00:00.000Z';

  it('keeps serving the last good graph when more than 2% of the flows failed, and serves the partial one only on request', async () => {
    const logged: string[] = [];
    const source = sourceWith(snapshotsClient([orgSnapshot(T1, 100), orgSnapshot(T2, 100, [1, 2, 3])]), logged);
    await crawlOnce(source);
    const good = source.current();
    expect(() => source.partial()).toThrow(NotFoundError);
    await crawlOnce(source);
    expect(source.current()).toBe(good);
    expect(usesEdge(source, 'flow-1')).toBe(true);
    const progress = source.progress();
    expect(progress).toMatchObject({ phase: 'failed', failedFlows: 3, partial: true, graphFetchedAt: T1 });
    expect(progress.message).toBe(
      'The dependencies of 3 of 100 flows could not be fetched (more than 2%), so this crawl does not replace the graph.',
    );
    expect(progress.errors?.map((error) => error.flowId)).toEqual(['flow-1', 'flow-2', 'flow-3']);
    expect(logged.join('\n')).toContain(
      `refresh not applied: The dependencies of 3 of 100 flows could not be fetched (more than 2%), so this crawl does not replace the graph. (still serving the crawl of ${T1}; partial result at /api/graph?partial=true)`,
    );
    const partial = source.partial();
    expect(partial.fetchedAt).toBe(T2);
    expect(partial.partial?.reason).toContain('3 of 100 flows');
    expect(partial.graph.edges.some((edge) => edge.source === 'flow-1' && edge.kind === 'uses')).toBe(false);
  });

  it('refuses any failure of the flow listing', async () => {
    const source = sourceWith(snapshotsClient([orgSnapshot(T1, 100), orgSnapshot(T2, 100, [], true)]), []);
    await crawlOnce(source);
    await crawlOnce(source);
    expect(source.current().fetchedAt).toBe(T1);
    expect(source.progress().message).toContain('1 page(s) of the flow listing failed');
  });

  it('replaces the graph below the threshold, carrying the failed flows\u2019 edges over and marking them stale', async () => {
    const source = sourceWith(
      snapshotsClient([orgSnapshot(T1, 100), orgSnapshot(T2, 100, [7]), orgSnapshot(T3, 100, [7, 8]), orgSnapshot(T3, 100)]),
      [],
    );
    await crawlOnce(source);
    await crawlOnce(source);
    const second = source.current();
    expect(second.fetchedAt).toBe(T2);
    expect(usesEdge(source, 'flow-7')).toBe(true);
    expect(second.staleFlows).toEqual([{ id: 'flow-7', name: 'Flow 7', since: T1, reason: expect.stringContaining('ECONNREFUSED') }]);
    expect(source.progress()).toMatchObject({ phase: 'done', failedFlows: 1, staleFlows: 1, graphFetchedAt: T2 });
    expect(source.progress().message).toContain('1 show their dependencies from an earlier crawl');
    // The analysis still reports the failure, and says which data is shown.
    expect(second.issues.find((issue) => issue.flow === 'flow-7')?.message).toContain(`showing its dependencies as fetched at ${T1}`);

    // Failing again, flow-7 still shows its first data (with its first date); flow-8 joins it.
    await crawlOnce(source);
    expect(source.current().staleFlows.map((flow) => [flow.id, flow.since])).toEqual([
      ['flow-7', T1],
      ['flow-8', T2],
    ]);
    expect(usesEdge(source, 'flow-8')).toBe(true);

    // A clean crawl: nothing stale any more.
    await crawlOnce(source);
    expect(source.current().staleFlows).toEqual([]);
    expect(source.progress().staleFlows).toBe(0);
  });

  it('on a first crawl too partial to show, answers crawl-failed and still serves the partial result on request', async () => {
    const source = sourceWith(snapshotsClient([orgSnapshot(T1, 10, [1])]), []);
    await crawlOnce(source);
    expect(() => source.current()).toThrow(CrawlFailedError);
    expect(() => source.current()).toThrow(
      /does not replace the graph\. Its partial result is at \/api\/graph\?partial=true\. Fix the cause/,
    );
    expect(source.partial().fetchedAt).toBe(T1);
    expect(source.progress().graphFetchedAt).toBeUndefined();
  });
});

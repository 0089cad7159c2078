import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { apiErrorSchema, diffResponseSchema, historyResponseSchema, type Snapshot, SnapshotSchema } from '@flowgraph/core';
import type { StoredFlowVersions } from '@flowgraph/genesys';
import { openStore } from '@flowgraph/store';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { OrgHistory } from '../src/org/crawl-history.js';
import { CrawlSource } from '../src/org/crawl-source.js';
import { HistoryViews } from '../src/org/history-views.js';
import { OrgViews } from '../src/org/org-views.js';
import type { OrgClient } from '../src/org/org-client.js';
import { startServer } from '../src/server.js';
import { FakeSource } from './fake-source.js';

const MAIN = '2f1c7a52-0b7e-4a8e-9a43-1f6f3c0d1a01';

let dir: string;
let before: Snapshot;
beforeEach(async () => {
  dir = await mkdtemp(join(tmpdir(), 'flowgraph-server-history-'));
  before = SnapshotSchema.parse(JSON.parse(await readFile(join(import.meta.dirname, '../../../examples/snapshot-org.json'), 'utf8')));
});
afterEach(async () => {
  await rm(dir, { recursive: true, force: true });
});

/** The example org a day later: Main Inbound published version 5.0, which also uses a new queue. */
function nextDay(snapshot: Snapshot): Snapshot {
  const flows = snapshot.flows.map((flow) =>
    flow.id === MAIN ? { ...flow, publishedVersion: { id: '5.0', type: 'PUBLISH' as const } } : flow,
  );
  const main = snapshot.consumedResources[MAIN];
  if (main === undefined) throw new Error('fixture changed: Main Inbound has no consumed resources');
  return {
    ...snapshot,
    fetchedAt: '2026-11-21T09:30:00.000Z',
    flows,
    consumedResources: {
      ...snapshot.consumedResources,
      [MAIN]: { ...main, version: '5.0', resources: [...main.resources, { id: 'q-new', name: 'Overflow Queue', type: 'QUEUE' }] },
    },
  };
}

/** Answers each crawl with the next snapshot and keeps what it was given to reuse. */
function scripted(snapshots: Snapshot[]): OrgClient & { reused: Array<StoredFlowVersions | undefined> } {
  const reused: Array<StoredFlowVersions | undefined> = [];
  return {
    reused,
    async crawl(_onProgress, _signal, reuse) {
      reused.push(reuse);
      const next = snapshots.shift();
      if (next === undefined) throw new Error('no more crawls scripted');
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

describe('[I] server history', () => {
  it('saves every crawl, serves the last one at once after a restart, and reuses its flow versions', async () => {
    const history = new OrgHistory(openStore({ dir }), 'live:test', 30, () => {});
    const first = new CrawlSource({ info: { kind: 'live' }, client: scripted([before]), log: () => {}, redact: (text) => text, history });
    first.refresh();
    await first.settled();
    expect(first.current()).toMatchObject({ snapshotId: 1, fetchedAt: before.fetchedAt });
    expect(first.current().restored).toBeUndefined();
    await first.close();

    // A restart: the stored crawl is there before any new crawl, and says how old it is.
    const client = scripted([nextDay(before)]);
    const second = new CrawlSource({ info: { kind: 'live' }, client, log: () => {}, redact: (text) => text, history });
    expect(second.current()).toMatchObject({ snapshotId: 1, restored: true, fetchedAt: before.fetchedAt });
    expect(new OrgViews(second).graph({}).source).toMatchObject({ restored: true, snapshotId: 1, fetchedAt: before.fetchedAt });
    second.refresh();
    await second.settled();
    expect(second.current()).toMatchObject({ snapshotId: 2, fetchedAt: '2026-11-21T09:30:00.000Z' });
    // The crawl was handed the stored versions (Main Inbound 4.0), and its own 5.0 was stored with it.
    expect(client.reused[0]?.lookup(MAIN, '4.0', 'INBOUNDCALLFLOW')).toEqual(before.consumedResources[MAIN]?.resources);
    expect(client.reused[0]?.lookup(MAIN, '5.0', 'INBOUNDCALLFLOW')).toEqual(nextDay(before).consumedResources[MAIN]?.resources);

    const views = new HistoryViews(history);
    expect(views.list().snapshots.map((record) => record.id)).toEqual([2, 1]);
    const { diff, from, to, view } = views.diff(undefined, undefined);
    expect([from.id, to.id]).toEqual([1, 2]);
    expect(diff.flows.changed.map((changed) => changed.id)).toEqual([MAIN]);
    expect(diff.resources.added).toEqual(['q-new']);
    expect(view.roles).toMatchObject({ [MAIN]: 'changed', 'q-new': 'added' });
    expect(view.graph.nodes.map((node) => node.id)).toEqual(expect.arrayContaining([MAIN, 'q-new']));
    await second.close();
    history.close();
  });

  it('answers /api/history and /api/diff, and 404 without a store', async () => {
    const store = openStore({ dir });
    store.save(before, { org: 'live:test' });
    const history = new OrgHistory(store, 'live:test', 30, () => {});
    const server = await startServer({ source: new FakeSource(), history: new HistoryViews(history) });
    try {
      const list = historyResponseSchema.parse(await (await fetch(`${server.url}/api/history`)).json());
      expect(list).toMatchObject({ org: 'live:test', snapshots: [{ id: 1, stats: { flows: 3 } }] });
      const notYet = await fetch(`${server.url}/api/diff`);
      expect(notYet.status).toBe(404);
      expect(apiErrorSchema.parse(await notYet.json()).error.message).toMatch(/Changes need two stored crawls of this org; there is 1/);

      store.save(nextDay(before), { org: 'live:test' });
      const diff = diffResponseSchema.parse(await (await fetch(`${server.url}/api/diff?from=1&to=2`)).json());
      expect(diff.diff.summary).toMatchObject({ flowsChanged: 1, resourcesAdded: 1, edgesAdded: 1 });
      expect((await fetch(`${server.url}/api/diff?from=abc`)).status).toBe(400);
      expect((await fetch(`${server.url}/api/diff?from=1&to=99`)).status).toBe(404);
    } finally {
      await server.close();
      history.close();
    }
    const bare = await startServer({ source: new FakeSource() });
    try {
      expect((await fetch(`${bare.url}/api/history`)).status).toBe(404);
    } finally {
      await bare.close();
    }
  });
});

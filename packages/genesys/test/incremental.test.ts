import { exporters, type GenesysDependency, loadGraph, type Snapshot } from '@flowgraph/core';
import { type RunningSimulator, startSimulator } from '@flowgraph/simulator';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { crawlOrg, createGenesysClient, type StoredFlowVersions } from '../src/index.js';
import { VirtualClock } from './helpers/virtual-clock.js';

const FLOWS = 300;
const CHANGED = 12;

/** What the snapshot store keeps between crawls, in memory: consumed resources by flow, version and type. */
function versionsOf(...snapshots: Snapshot[]): StoredFlowVersions & { size: number } {
  const stored = new Map<string, GenesysDependency[]>();
  for (const snapshot of snapshots) {
    for (const [flowId, consumed] of Object.entries(snapshot.consumedResources)) {
      stored.set(`${flowId}|${consumed.version}|${consumed.objectType}`, consumed.resources);
    }
  }
  return { size: stored.size, lookup: (flowId, version, objectType) => stored.get(`${flowId}|${version}|${objectType}`) };
}

/**
 * A snapshot without what differs between two crawls of the same org state: the time, the crawl's
 * own figures, list orders, and in each consumed dependency the fields that describe the consumed
 * object's current state (`version`, `stateUnknown`, `updated`), which a stored entry records as
 * of its fetch and which the importer does not read. Ids, names, types and `deleted` stay.
 */
function normalised(snapshot: Snapshot): unknown {
  const byId = <T extends { id: string }>(items: readonly T[]) => [...items].sort((a, b) => a.id.localeCompare(b.id));
  return {
    flows: byId(snapshot.flows),
    consumedResources: Object.fromEntries(
      Object.entries(snapshot.consumedResources)
        .sort(([a], [b]) => a.localeCompare(b))
        .map(([flowId, consumed]) => [
          flowId,
          { ...consumed, resources: byId(consumed.resources).map(({ version: _v, stateUnknown: _s, updated: _u, ...rest }) => rest) },
        ]),
    ),
    errors: snapshot.errors,
  };
}

function graphJson(snapshot: Snapshot): string {
  return exporters.json(loadGraph([{ path: 'org.json', text: JSON.stringify(snapshot) }]).graph);
}

describe('[I] incremental crawl against the simulator', () => {
  let simulator: RunningSimulator;
  const clock = new VirtualClock();
  const crawl = async (reuse?: StoredFlowVersions) => {
    const client = createGenesysClient({
      baseUrl: simulator.url,
      ...simulator.credentials,
      cache: false,
      env: {},
      clock,
      rateLimit: { maxConcurrent: 24 },
    });
    return crawlOrg(client, reuse ? { reuse } : {});
  };

  beforeAll(async () => {
    simulator = await startSimulator({ flows: FLOWS, seed: 5, clock: () => clock.now() });
  });
  afterAll(async () => {
    await simulator?.close();
  });

  it('reuses every unchanged published version, and after new versions equals a full crawl', async () => {
    const first = await crawl();
    expect(first.stats).toMatchObject({ reused: 0 });

    const unchanged = await crawl(versionsOf(first));
    const published = first.flows.filter((flow) => flow.publishedVersion !== undefined).length;
    expect(unchanged.stats?.reused).toBe(published);
    // Only the token, the listing, the deleted-resource consumers and the drafts (flows never published) are asked for again.
    expect(unchanged.stats?.requests).toBeLessThanOrEqual(first.flows.length - published + 4);
    expect(normalised(unchanged)).toEqual(normalised(first));

    const changes = simulator.publishNewVersions({ count: CHANGED });
    expect(changes).toHaveLength(CHANGED);
    expect(changes.some((change) => change.added.length > 0)).toBe(true);

    const second = await crawl(versionsOf(first));
    const full = await crawl();
    expect(second.stats?.reused).toBe(
      published - changes.filter((change) => first.flows.find((flow) => flow.id === change.id)?.publishedVersion).length,
    );
    expect(normalised(second)).toEqual(normalised(full));
    expect(graphJson(second)).toBe(graphJson(full));
    // And the changed flows really changed: the graph after is not the graph before.
    expect(graphJson(second)).not.toBe(graphJson(first));
    for (const change of changes) expect(second.consumedResources[change.id]?.version).toBe(change.version);
  });

  it('fetches again the unchanged versions that use an object deleted since they were stored', async () => {
    const first = await crawl();
    // A data action several published flows use, deleted in the org after the first crawl.
    const uses = new Map<string, string[]>();
    for (const [flowId, consumed] of Object.entries(first.consumedResources)) {
      for (const dependency of consumed.resources) {
        if (dependency.type === 'DATAACTION' && !dependency.deleted) uses.set(dependency.id, [...(uses.get(dependency.id) ?? []), flowId]);
      }
    }
    const [actionId, consumers] = [...uses].sort((a, b) => b[1].length - a[1].length)[0] as [string, string[]];
    const action = simulator.org.resourcesById.get(actionId);
    if (action === undefined) throw new Error('the simulator lost the data action');
    action.deleted = true;
    try {
      const again = await crawl(versionsOf(first));
      const full = await crawl();
      expect(normalised(again)).toEqual(normalised(full));
      for (const flowId of consumers) {
        expect(again.consumedResources[flowId]?.resources.find((dependency) => dependency.id === actionId)?.deleted).toBe(true);
      }
      // The other unchanged flows are still reused.
      expect(again.stats?.reused).toBeGreaterThan((first.stats?.fetched ?? 0) - consumers.length - 5);
    } finally {
      action.deleted = false;
    }
  });

  it('fetches again what an earlier crawl failed to fetch', async () => {
    const first = await crawl();
    const [lost] = Object.keys(first.consumedResources);
    // As if this flow had failed: not stored.
    const { [lost as string]: _dropped, ...rest } = first.consumedResources;
    const again = await crawl(versionsOf({ ...first, consumedResources: rest }));
    expect(again.consumedResources[lost as string]).toEqual(first.consumedResources[lost as string]);
    expect(again.stats?.reused).toBe((first.stats?.fetched ?? 0) - 1 - first.flows.filter((flow) => !flow.publishedVersion).length);
  });
});

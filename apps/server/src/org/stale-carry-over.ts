import type { Snapshot } from '@flowgraph/core';
import { failedFlowIds } from '@flowgraph/genesys';
import type { StaleFlow } from '@flowgraph/core';

/** What a good crawl leaves for the next one to fall back on. */
export interface Fallback {
  fetchedAt: string;
  consumedResources: Snapshot['consumedResources'];
  /** Flows whose dependencies were already carried over: when those were fetched. */
  staleSince: ReadonlyMap<string, string>;
}

/**
 * A crawl good enough to replace the graph may still have failed a few flows. Rather than drop
 * their edges (an impact answer would silently miss them), their dependencies from the previous
 * good crawl are carried over and the flows are listed as stale, with when that data was
 * fetched and why this crawl could not refresh it. The fetch error stays in the snapshot, so
 * the analysis still reports it, now saying which data is shown. Flows the previous crawl did
 * not have either stay without edges: there is nothing to carry.
 */
export function carryOverStale(snapshot: Snapshot, previous: Fallback | undefined): { snapshot: Snapshot; stale: StaleFlow[] } {
  if (previous === undefined) return { snapshot, stale: [] };
  const names = new Map(snapshot.flows.map((flow) => [flow.id, flow.name]));
  const consumedResources = { ...snapshot.consumedResources };
  const stale: StaleFlow[] = [];
  const since = new Map<string, string>();
  for (const flowId of failedFlowIds(snapshot)) {
    const earlier = previous.consumedResources[flowId];
    if (earlier === undefined || consumedResources[flowId] !== undefined || !names.has(flowId)) continue;
    consumedResources[flowId] = earlier;
    since.set(flowId, previous.staleSince.get(flowId) ?? previous.fetchedAt);
  }
  if (since.size === 0) return { snapshot, stale };
  const errors = snapshot.errors.map((error) => {
    const fetchedAt = error.flowId === undefined ? undefined : since.get(error.flowId);
    return fetchedAt === undefined
      ? error
      : { ...error, message: `${error.message} (showing its dependencies as fetched at ${fetchedAt})` };
  });
  for (const [flowId, fetchedAt] of since) {
    const error = snapshot.errors.find((candidate) => candidate.flowId === flowId);
    stale.push({ id: flowId, name: names.get(flowId) ?? flowId, since: fetchedAt, reason: error?.message ?? 'fetch failed' });
  }
  return { snapshot: { ...snapshot, consumedResources, errors }, stale };
}

/** The fallback a crawl leaves, with its carried-over flows remembered at their first fetch time. */
export function fallbackOf(snapshot: Snapshot, stale: readonly StaleFlow[]): Fallback {
  return {
    fetchedAt: snapshot.fetchedAt,
    consumedResources: snapshot.consumedResources,
    staleSince: new Map(stale.map((flow) => [flow.id, flow.since])),
  };
}

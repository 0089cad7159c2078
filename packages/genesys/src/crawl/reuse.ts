import type { GenesysDependency, GenesysFlow, GenesysFlowVersion } from '@flowgraph/core';

/**
 * Consumed resources fetched by an earlier crawl, by flow id, version id and object type: what an
 * incremental crawl reuses instead of asking again. The snapshot store implements it.
 */
export interface StoredFlowVersions {
  lookup(flowId: string, version: string, objectType: string): GenesysDependency[] | undefined;
}

/**
 * The stored consumed resources of the version a crawl would fetch, when they can stand in for
 * a request: only a published version, which never changes once published. A saved or
 * checked-in draft can change under the same version id, so it is always fetched again, and so
 * is anything whose earlier fetch failed (it was never stored).
 */
export function reusableResources(
  stored: StoredFlowVersions | undefined,
  flow: GenesysFlow,
  version: GenesysFlowVersion,
  objectType: string,
): GenesysDependency[] | undefined {
  if (stored === undefined || flow.publishedVersion?.id !== version.id) return undefined;
  return stored.lookup(flow.id, version.id, objectType);
}

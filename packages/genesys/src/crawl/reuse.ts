import { DependencyObjectListingSchema, type GenesysDependency, type GenesysFlow, type GenesysFlowVersion } from '@flowgraph/core';
import type { GenesysClient } from '../client.js';
import { isFatal } from '../errors/is-fatal.js';
import { fetchAllPages } from '../paginate.js';

/**
 * Consumed resources fetched by an earlier crawl, by flow id, version id and object type: what an
 * incremental crawl reuses instead of asking again. The snapshot store implements it.
 */
export interface StoredFlowVersions {
  lookup(flowId: string, version: string, objectType: string): GenesysDependency[] | undefined;
}

export const DELETED_CONSUMERS_PATH = '/api/v2/architect/dependencytracking/deletedresourceconsumers';

/**
 * Published flow versions that consume a deleted object now, with the ids dependency tracking
 * says are deleted. A stored entry of such a version predates a deletion when it does not mark
 * those ids deleted: it is fetched again, so a deletion since the last crawl is never missed.
 */
export type DeletedConsumers = ReadonlyMap<string, { version: string | undefined; deleted: ReadonlySet<string> | undefined }>;

/**
 * One paged listing (`deletedresourceconsumers?flowFilter=published&consumedResources=true`).
 * Undefined when it cannot be read: the caller then reuses nothing rather than risk missing a
 * deletion. Fatal errors (credentials, abort) are thrown as for any request.
 */
export async function fetchDeletedConsumers(client: GenesysClient, signal: AbortSignal): Promise<DeletedConsumers | undefined> {
  try {
    const listing = await fetchAllPages(
      client,
      { path: DELETED_CONSUMERS_PATH, query: { flowFilter: 'published', consumedResources: true } },
      DependencyObjectListingSchema,
      { pageSize: 100, signal },
    );
    if (listing.failedPages.length > 0) return undefined;
    const consumers = new Map<string, { version: string | undefined; deleted: ReadonlySet<string> | undefined }>();
    for (const object of listing.entities) {
      const deleted = object.consumedResources?.filter((dependency) => dependency.deleted).map((dependency) => dependency.id);
      consumers.set(object.id, { version: object.version, deleted: deleted === undefined ? undefined : new Set(deleted) });
    }
    return consumers;
  } catch (error) {
    if (isFatal(error)) throw error;
    return undefined;
  }
}

/**
 * The stored consumed resources of the version a crawl would fetch, when they can stand in for
 * a request: only a published version, which never changes once published, and only when no
 * object it uses was deleted since it was stored. A saved or checked-in draft can change under
 * the same version id, so it is always fetched again, and so is anything whose earlier fetch
 * failed (it was never stored).
 */
export function reusableResources(
  stored: StoredFlowVersions | undefined,
  deletedConsumers: DeletedConsumers | undefined,
  flow: GenesysFlow,
  version: GenesysFlowVersion,
  objectType: string,
): GenesysDependency[] | undefined {
  if (stored === undefined || deletedConsumers === undefined || flow.publishedVersion?.id !== version.id) return undefined;
  const resources = stored.lookup(flow.id, version.id, objectType);
  if (resources === undefined) return undefined;
  const deletion = deletedConsumers.get(flow.id);
  if (deletion === undefined || (deletion.version !== undefined && deletion.version !== version.id)) return resources;
  if (deletion.deleted === undefined) return undefined;
  const known = new Set(resources.filter((dependency) => dependency.deleted).map((dependency) => dependency.id));
  for (const id of deletion.deleted) if (!known.has(id)) return undefined;
  return resources;
}

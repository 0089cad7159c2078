import { ConsumedResourcesListingSchema, type GenesysDependency } from '@flowgraph/core';
import type { GenesysClient } from '../client.js';
import { fetchAllPages } from '../paginate.js';

export const CONSUMED_RESOURCES_PATH = '/api/v2/architect/dependencytracking/consumedresources';
/** What Genesys' Terraform exporter uses for this endpoint. */
export const CONSUMED_RESOURCES_PAGE_SIZE = 100;

export interface ConsumedResourcesQuery {
  flowId: string;
  version: string;
  objectType: string;
}

/** All consumed resources of one flow version; any page still failing after retries throws. */
export async function fetchConsumedResources(
  client: GenesysClient,
  query: ConsumedResourcesQuery,
  options: { signal?: AbortSignal; pageSize?: number } = {},
): Promise<GenesysDependency[]> {
  const result = await fetchAllPages(
    client,
    { path: CONSUMED_RESOURCES_PATH, query: { id: query.flowId, version: query.version, objectType: query.objectType } },
    ConsumedResourcesListingSchema,
    { pageSize: options.pageSize ?? CONSUMED_RESOURCES_PAGE_SIZE, signal: options.signal },
  );
  // A partial list would understate the flow's dependencies: fail the flow instead.
  const failure = result.failedPages[0];
  if (failure) throw failure.error;
  return result.entities;
}

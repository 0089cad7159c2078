import { setMaxListeners } from 'node:events';
import {
  type CrawlPhase,
  type CrawlProgress,
  FlowEntityListingSchema,
  type GenesysFlow,
  SNAPSHOT_FORMAT,
  SNAPSHOT_VERSION,
  type Snapshot,
  type SnapshotFetchError,
} from '@flowgraph/core';
import type { GenesysClient } from '../client.js';
import { GenesysHttpError } from '../errors/genesys-http-error.js';
import { isFatal } from '../errors/is-fatal.js';
import { ResponseShapeError } from '../errors/response-shape-error.js';
import { resolvePath } from '../http/api-request.js';
import { fetchAllPages } from '../paginate.js';
import { mapConcurrent } from '../utils/map-concurrent.js';
import { CONSUMED_RESOURCES_PAGE_SIZE, CONSUMED_RESOURCES_PATH, fetchConsumedResources } from './consumed-resources.js';
import { dependencyTypeOf, versionToCrawl } from './flow-version.js';
import { fetchDeletedConsumers, reusableResources, type StoredFlowVersions } from './reuse.js';

export const FLOWS_PATH = '/api/v2/flows';
/** Genesys' Terraform exporter lists flows 500 at a time; the simulator caps pageSize there. */
export const FLOWS_PAGE_SIZE = 500;
/** Flows whose dependencies are being fetched at once; the rate limiter bounds actual requests. */
const FLOW_WORKERS = 16;

export interface CrawlOptions {
  signal?: AbortSignal;
  /** Phases token, listing, dependencies, then done (fetched); the other counters as they grow. */
  onProgress?(progress: CrawlProgress): void;
  /** `live` for a region, `demo` for a loopback base URL unless given. */
  sourceKind?: Snapshot['source']['kind'];
  /** Clock for `fetchedAt`; default now. */
  now?(): Date;
  /**
   * Consumed resources an earlier crawl stored by flow id and published version id: a flow whose
   * published version is there is not asked for again (an incremental crawl). Omit for a full crawl.
   */
  reuse?: StoredFlowVersions;
}

/**
 * Reads a whole org into a Snapshot: list flows (first page, then the rest concurrently), then
 * per flow its consumed resources from dependency tracking. A flow that still fails after
 * retries is recorded in `errors`; `stats.listed === fetched + failed` always holds.
 * Bad credentials, missing permissions and aborts stop the crawl with their error.
 */
export async function crawlOrg(client: GenesysClient, options: CrawlOptions = {}): Promise<Snapshot> {
  // One fatal error stops the other workers at once instead of letting them run out the org.
  const stop = new AbortController();
  const signal = options.signal ? AbortSignal.any([options.signal, stop.signal]) : stop.signal;
  // Every in-flight or queued request listens on this one signal (ky, the rate limiter, backoff
  // sleeps), so Node's default of 10 listeners would warn on any real crawl; they are all removed
  // when their wait ends.
  setMaxListeners(0, signal);
  const progress: CrawlProgress = {
    phase: 'token',
    pagesDone: 0,
    pagesTotal: 0,
    flowsDone: 0,
    flowsTotal: 0,
    requests: 0,
    rateLimitWaitMs: 0,
  };
  const emit = (phase: CrawlPhase) => {
    progress.phase = phase;
    progress.requests = client.monitor.requestCount;
    progress.rateLimitWaitMs = client.monitor.rateLimitWaitMs;
    options.onProgress?.({ ...progress });
  };

  const requestsBefore = client.monitor.requestCount;
  emit('token');
  await client.getToken(signal);
  emit('listing');
  const errors: SnapshotFetchError[] = [];
  const listing = await fetchAllPages(client, { path: FLOWS_PATH }, FlowEntityListingSchema, {
    pageSize: FLOWS_PAGE_SIZE,
    signal,
    onPage: (pagesDone, pagesTotal) => {
      progress.pagesDone = pagesDone;
      progress.pagesTotal = pagesTotal;
      emit('listing');
    },
  });
  for (const failure of listing.failedPages) {
    errors.push(toFetchError(failure.error, `GET ${FLOWS_PATH}?pageNumber=${failure.pageNumber}&pageSize=${FLOWS_PAGE_SIZE}`));
  }
  const flows = uniqueById(listing.entities);
  progress.flowsTotal = flows.length;
  emit('dependencies');

  // Reuse needs to know which stored versions a deletion has made out of date; unknown means no reuse.
  const deletedConsumers = options.reuse ? await fetchDeletedConsumers(client, signal) : undefined;
  const consumedResources: Snapshot['consumedResources'] = {};
  let failed = 0;
  let reused = 0;
  try {
    await mapConcurrent(flows, FLOW_WORKERS, async (flow) => {
      const version = versionToCrawl(flow);
      const objectType = dependencyTypeOf(flow);
      const query = { id: flow.id, version: version?.id, objectType, pageSize: CONSUMED_RESOURCES_PAGE_SIZE, pageNumber: 1 };
      const request = `GET ${resolvePath({ path: CONSUMED_RESOURCES_PATH, query })}`;
      if (!objectType) {
        failed++;
        errors.push({
          flowId: flow.id,
          flowName: flow.name,
          request,
          message: `Flow type "${flow.type}" has no dependency-tracking object type`,
        });
      } else if (version) {
        // A flow with no version at all has nothing to track; it is still listed and fetched.
        const stored = reusableResources(options.reuse, deletedConsumers, flow, version, objectType);
        if (stored !== undefined) {
          consumedResources[flow.id] = { version: version.id, objectType, resources: stored };
          reused++;
        } else {
          try {
            const resources = await fetchConsumedResources(client, { flowId: flow.id, version: version.id, objectType }, { signal });
            consumedResources[flow.id] = { version: version.id, objectType, resources };
          } catch (error) {
            if (isFatal(error)) throw error;
            failed++;
            errors.push({ flowId: flow.id, flowName: flow.name, ...toFetchError(error, request) });
          }
        }
      }
      progress.flowsDone++;
      emit('dependencies');
    });
  } catch (error) {
    stop.abort(error);
    throw error;
  }

  const snapshot: Snapshot = {
    format: SNAPSHOT_FORMAT,
    version: SNAPSHOT_VERSION,
    source: sourceOf(client, options.sourceKind),
    fetchedAt: (options.now?.() ?? new Date()).toISOString(),
    flows,
    consumedResources,
    errors,
    stats: {
      listed: flows.length,
      fetched: flows.length - failed,
      failed,
      reused,
      requests: client.monitor.requestCount - requestsBefore,
    },
  };
  emit('done');
  return snapshot;
}

function toFetchError(error: unknown, request: string): SnapshotFetchError {
  if (error instanceof GenesysHttpError) {
    return { request, status: error.status, message: error.message, attempts: error.attempts };
  }
  if (error instanceof ResponseShapeError) return { request, message: error.message, attempts: error.attempts };
  return { request, message: error instanceof Error ? error.message : String(error) };
}

// Concurrent pages of a listing that changes during the crawl can repeat a flow.
function uniqueById(flows: GenesysFlow[]): GenesysFlow[] {
  const seen = new Map<string, GenesysFlow>();
  for (const flow of flows) if (!seen.has(flow.id)) seen.set(flow.id, flow);
  return [...seen.values()];
}

function sourceOf(client: GenesysClient, kind: Snapshot['source']['kind'] | undefined): Snapshot['source'] {
  const { region, apiBaseUrl } = client.endpoints;
  return region ? { kind: kind ?? 'live', region } : { kind: kind ?? 'demo', baseUrl: apiBaseUrl };
}

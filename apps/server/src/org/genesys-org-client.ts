import type { ClientMetrics, CrawlProgress } from '@flowgraph/core';
import { crawlOrg, fetchFlowConfiguration, type GenesysClient } from '@flowgraph/genesys';
import type { CrawlReport, OrgClient } from './org-client.js';

/** The OrgClient over @flowgraph/genesys; demo and live differ only in where the client points. */
export function genesysOrgClient(client: GenesysClient, sourceKind: 'demo' | 'live'): OrgClient {
  return {
    crawl: (onProgress, signal, reuse) =>
      crawlOrg(client, { signal, sourceKind, ...(reuse ? { reuse } : {}), onProgress: (progress) => onProgress(toReport(progress)) }),
    flowConfiguration: (flowId, signal) => fetchFlowConfiguration(client, flowId, { signal }),
    metrics: () => toMetrics(client),
  };
}

// The client's `done` means "fetched"; the server still has to analyse, so it reports done itself.
function toReport({ phase, message: _message, ...counts }: CrawlProgress): CrawlReport {
  return phase === 'done' ? counts : { phase, ...counts };
}

/** The monitor's totals in the contract's metrics shape (docs/http-api.md). */
function toMetrics(client: GenesysClient): ClientMetrics {
  const { totals, endpoints } = client.metrics();
  return {
    requests: totals.requests,
    retries: totals.retries,
    rateLimitWaits: totals.rateLimited,
    rateLimitWaitMs: totals.rateLimitWaitMs,
    rateLimitWaitSummedMs: totals.rateLimitWaitSummedMs,
    errors: totals.errors,
    cacheHits: totals.cacheHits,
    tokenRefreshes: totals.tokenRefreshes,
    endpoints: endpoints.map(({ method, path, count, p50, p95, max, errors }) => ({
      endpoint: `${method} ${path}`,
      count,
      p50,
      p95,
      max,
      errors,
    })),
  };
}

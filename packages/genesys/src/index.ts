/**
 * @flowgraph/genesys: a Genesys Cloud Platform API client for Flowgraph (OAuth client
 * credentials, rate limit, retries, disk cache, latency monitor) and the org crawl that
 * produces a Snapshot. This file only builds instances and re-exports.
 */
import { GenesysClient, type GenesysClientOptions } from './client.js';

/** Builds a client from options, falling back to `GENESYSCLOUD_*` environment variables. */
export function createGenesysClient(options: GenesysClientOptions = {}): GenesysClient {
  return new GenesysClient(options);
}

export type { AccessTokenSource, PersonAccess } from './auth/access-token-source.js';
export { COMMAND_LINE_SECRET_WARNING, readSecretLine } from './auth/secret-input.js';
export { type CacheOptions, DEFAULT_CACHE_DIR, type ResponseCache } from './cache/response-cache.js';
export { GenesysClient, type GenesysClientOptions } from './client.js';
export { type ConfigInput, type GenesysConfig, loadConfig } from './config.js';
export * from './crawl/index.js';
export * from './errors/index.js';
export type { ApiRequest } from './http/api-request.js';
export { parseRateLimitHeaders, parseRetryAfter, type RateLimitHeaders } from './http/headers.js';
export type { RequestOptions } from './http/request.js';
export type { EndpointSummary, MonitorSummary, RequestRecord } from './monitor/latency-monitor.js';
export { fetchAllPages, type PagedResult } from './paginate.js';
export { DEFAULT_RATE_LIMIT, type RateLimitOptions } from './rate-limit.js';
export { type GenesysEndpoints, isLoopbackUrl, type KnownRegion, knownRegions, resolveBaseUrl, resolveRegion } from './regions.js';
export { backoffDelay, DEFAULT_RETRY_POLICY, type RetryPolicy } from './retry-policy.js';
export type { Clock } from './utils/clock.js';
export { Secret } from './utils/secret.js';
export { type AtomicWriteOptions, type FileContent, writeFileAtomic } from './utils/write-file-atomic.js';

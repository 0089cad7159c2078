import { z } from 'zod';
import { count } from './count.js';

/** Latency per endpoint (`GET /api/v2/flows/{flowId}`-style), times in ms. */
export const endpointMetricsSchema = z.object({
  endpoint: z.string(),
  count: count,
  p50: z.number().min(0),
  p95: z.number().min(0),
  max: z.number().min(0),
  errors: count,
});
export type EndpointMetrics = z.infer<typeof endpointMetricsSchema>;

/** The Genesys client's figures as `/api/metrics` serves them. */
export const clientMetricsSchema = z.object({
  requests: count,
  retries: count,
  /** 429 answers. */
  rateLimitWaits: count,
  /** Wall time during which at least one request waited for the rate limit. */
  rateLimitWaitMs: z.number().min(0),
  /** Every request's rate-limit wait added up (concurrent waits count once each). */
  rateLimitWaitSummedMs: z.number().min(0),
  /** Failed attempts. */
  errors: count,
  cacheHits: count,
  tokenRefreshes: count,
  endpoints: z.array(endpointMetricsSchema),
});
export type ClientMetrics = z.infer<typeof clientMetricsSchema>;

import { fullJitter, type Random } from './utils/jitter.js';

/**
 * Every retry, timeout and rate-limit default of the client, in one place (as ky's
 * `utils/normalize.ts` does). Override any of them through `createGenesysClient` options.
 */
export interface RetryPolicy {
  /** Retries after a 5xx, 408, network error, timeout or malformed body; then the error surfaces. */
  transientRetries: number;
  /**
   * Retries after a 429. Each waits the server's full Retry-After, so this only bounds a
   * server that keeps refusing; it is not a time budget.
   */
  rateLimitRetries: number;
  /** Status codes treated as transient. */
  retryStatusCodes: readonly number[];
  /** First backoff cap; doubled per attempt ("exponential"), then full jitter picks in [0, cap). */
  backoffBaseMs: number;
  backoffMaxMs: number;
  /** Per-attempt timeout (ky `timeout`). */
  requestTimeoutMs: number;
  /**
   * Network errors in a row (no HTTP response: connection refused, DNS, reset, timeout), across
   * all requests, after which requests fail at once instead of being retried (circuit breaker).
   */
  circuitBreakerThreshold: number;
  /** How long the open breaker refuses requests before one probe tries again. */
  circuitBreakerCooldownMs: number;
}

export const DEFAULT_RETRY_POLICY: Readonly<RetryPolicy> = {
  transientRetries: 3,
  rateLimitRetries: 10,
  // 408 Request Timeout and the gateway family; 501 Not Implemented will not heal, so it is absent.
  retryStatusCodes: [408, 500, 502, 503, 504],
  backoffBaseMs: 500,
  backoffMaxMs: 30_000,
  requestTimeoutMs: 30_000,
  // Eight requests in flight when a host dies fail together, so five in a row is quick to reach
  // on a real outage and rare by chance (the hostile simulator breaks bodies, not connections).
  circuitBreakerThreshold: 5,
  circuitBreakerCooldownMs: 10_000,
};

/**
 * The wait before retry number `retry` (1-based): full jitter over an exponentially growing cap.
 * Used for transient errors and for a 429 that carries no Retry-After. A Retry-After is never
 * clamped: Genesys sends up to ~60 s and waiting less just earns another 429 (Terraform PR #2214).
 */
export function backoffDelay(retry: number, policy: Pick<RetryPolicy, 'backoffBaseMs' | 'backoffMaxMs'>, random?: Random): number {
  const cap = Math.min(policy.backoffMaxMs, policy.backoffBaseMs * 2 ** Math.max(0, retry - 1));
  return fullJitter(cap, random);
}

export function normaliseRetryPolicy(overrides: Partial<RetryPolicy> | number | undefined): RetryPolicy {
  // A number is shorthand for the transient retry count, like ky's `retry: 5`.
  if (typeof overrides === 'number') return { ...DEFAULT_RETRY_POLICY, transientRetries: overrides };
  return { ...DEFAULT_RETRY_POLICY, ...overrides };
}

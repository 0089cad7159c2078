import type { KyInstance } from 'ky';
import type { z } from 'zod';
import type { ResponseCache } from '../cache/response-cache.js';
import { AuthenticationError } from '../errors/authentication-error.js';
import { GenesysHttpError } from '../errors/genesys-http-error.js';
import { PermissionError } from '../errors/permission-error.js';
import { ResponseShapeError } from '../errors/response-shape-error.js';
import type { LatencyMonitor } from '../monitor/latency-monitor.js';
import type { RateLimiter } from '../rate-limit.js';
import type { RetryPolicy } from '../retry-policy.js';
import type { Clock } from '../utils/clock.js';
import type { Random } from '../utils/jitter.js';
import { type ApiRequest, resolvePath } from './api-request.js';
import type { CircuitBreaker } from './circuit-breaker.js';
import { parseRateLimitHeaders, parseRetryAfter } from './headers.js';
import { failedResponseDetails } from './read-body.js';
import { type AttemptOutcome, withRetries } from './with-retries.js';

export interface RequestContext {
  http: KyInstance;
  limiter: RateLimiter;
  breaker: CircuitBreaker;
  monitor: LatencyMonitor;
  policy: RetryPolicy;
  clock: Clock;
  random?: Random;
  cache?: ResponseCache;
}

export interface RequestOptions {
  signal?: AbortSignal;
  /** false skips the response cache for this request (reads and writes). */
  cache?: boolean;
}

/**
 * GETs one API resource and parses it with `schema`. Paces through the rate limiter, retries
 * 429s (full Retry-After), 5xx, network errors and unreadable bodies, and records every attempt.
 * Throws GenesysHttpError, PermissionError, AuthenticationError or ResponseShapeError.
 */
export async function requestJson<S extends z.ZodType>(
  context: RequestContext,
  request: ApiRequest,
  schema: S,
  options: RequestOptions = {},
): Promise<z.output<S>> {
  const path = resolvePath(request);
  const cache = options.cache === false ? undefined : context.cache;
  const cached = await cache?.get(path);
  if (cached !== undefined) {
    const parsed = schema.safeParse(cached);
    if (parsed.success) {
      context.monitor.recordCacheHit();
      return parsed.data;
    }
  }
  const value = await withRetries<z.output<S>>(
    (attempt, waitedMs) => runAttempt(context, request.path, path, schema, attempt, waitedMs, options.signal),
    {
      policy: context.policy,
      clock: context.clock,
      random: context.random,
      signal: options.signal,
      onRateLimited: (waitMs) => context.limiter.pause(waitMs),
      rateLimitWaits: context.monitor.rateLimitWaits,
    },
  );
  // The cache only saves requests: a read-only or full disk must not fail the crawl.
  await cache?.set(path, value).catch(() => undefined);
  return value;
}

async function runAttempt<S extends z.ZodType>(
  context: RequestContext,
  template: string,
  path: string,
  schema: S,
  attempt: number,
  retryAfterWaitMs: number,
  signal: AbortSignal | undefined,
): Promise<AttemptOutcome<z.output<S>>> {
  const { clock, monitor, policy, breaker } = context;
  // Refused before queueing for the rate limiter, and again right before sending: a request
  // that waited for its slot while the breaker opened is not sent either.
  breaker.refuseWhileOpen('GET', path, attempt - 1);
  const permit = await context.limiter.acquire(signal);
  let probe: boolean;
  try {
    probe = breaker.admit('GET', path, attempt - 1);
  } catch (error) {
    permit.release();
    throw error;
  }
  let startedAt = clock.now();
  let rateLimitWaitMs = retryAfterWaitMs + permit.waitedMs;
  const record = (status: number | undefined, failed: boolean) => {
    monitor.record({ method: 'GET', path: template, status, attempt, ms: clock.now() - startedAt, rateLimitWaitMs, failed });
    rateLimitWaitMs = 0;
  };
  let response: Response;
  try {
    response = await context.http.get(path.slice(1), {
      signal,
      context: {
        onTokenRefused: () => {
          record(401, true);
          startedAt = clock.now();
        },
      },
    });
  } catch (error) {
    permit.release();
    if (signal?.aborted) {
      if (probe) breaker.onProbeAbandoned();
      throw signal.reason;
    }
    // A token failure is not a network failure: retrying the API request would not fix it.
    if (error instanceof AuthenticationError || error instanceof GenesysHttpError) {
      if (probe) breaker.onProbeAbandoned();
      throw error;
    }
    record(undefined, true);
    breaker.onNetworkError(error, probe);
    return { kind: 'transient', error: new GenesysHttpError({ method: 'GET', path, attempts: attempt }, { cause: error }) };
  }
  permit.release();
  breaker.onResponse();
  const limits = parseRateLimitHeaders(response.headers);
  if (limits) context.limiter.observe(limits);
  if (response.ok) {
    const outcome = await parseBody(response, schema, path, attempt);
    record(response.status, outcome.kind !== 'done');
    return outcome;
  }
  record(response.status, true);
  const details = await failedResponseDetails(response, { method: 'GET', path, attempts: attempt });
  if (response.status === 429) {
    const retryAfterMs = parseRetryAfter(response.headers.get('retry-after'), clock.now());
    return { kind: 'rate-limited', retryAfterMs, error: new GenesysHttpError(details) };
  }
  if (response.status === 401) {
    throw new AuthenticationError({ status: 401, detail: `The API refused a freshly issued token for GET ${path}` });
  }
  if (response.status === 403) throw new PermissionError(details);
  if (policy.retryStatusCodes.includes(response.status)) {
    return { kind: 'transient', error: new GenesysHttpError(details) };
  }
  throw new GenesysHttpError(details);
}

/** Truncated or malformed bodies (the simulator's hostile profile sends them) count as transient. */
async function parseBody<S extends z.ZodType>(
  response: Response,
  schema: S,
  path: string,
  attempts: number,
): Promise<AttemptOutcome<z.output<S>>> {
  let json: unknown;
  try {
    json = await response.json();
  } catch (error) {
    const reason = error instanceof Error ? error.message : String(error);
    return {
      kind: 'transient',
      error: new ResponseShapeError({ method: 'GET', path, attempts, issues: [`body is not valid JSON: ${reason}`] }),
    };
  }
  const parsed = schema.safeParse(json);
  if (parsed.success) return { kind: 'done', value: parsed.data };
  const issues = parsed.error.issues.map((issue) => `${issue.path.join('.') || '(root)'}: ${issue.message}`);
  return { kind: 'transient', error: new ResponseShapeError({ method: 'GET', path, attempts, issues }) };
}

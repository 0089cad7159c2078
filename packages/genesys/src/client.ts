import ky from 'ky';
import type { z } from 'zod';
import type { AccessTokenSource, PersonAccess } from './auth/access-token-source.js';
import { TokenProvider } from './auth/token-provider.js';
import { DiskCache } from './cache/disk-cache.js';
import type { CacheOptions } from './cache/response-cache.js';
import { type ConfigInput, type GenesysConfig, loadConfig } from './config.js';
import type { ApiRequest } from './http/api-request.js';
import { CircuitBreaker } from './http/circuit-breaker.js';
import { createApiHttp } from './http/create-api-http.js';
import { type RequestContext, type RequestOptions, requestJson } from './http/request.js';
import { LatencyMonitor, type MonitorSummary } from './monitor/latency-monitor.js';
import { DEFAULT_RATE_LIMIT, type RateLimitOptions, RateLimiter } from './rate-limit.js';
import type { GenesysEndpoints } from './regions.js';
import { normaliseRetryPolicy, type RetryPolicy } from './retry-policy.js';
import { type Clock, systemClock } from './utils/clock.js';
import type { Random } from './utils/jitter.js';

export interface GenesysClientOptions extends ConfigInput {
  /** An already validated config; otherwise one is loaded from `env` and the fields above. */
  config?: GenesysConfig;
  /**
   * Act as a signed-in person (the team server): their session's tokens replace the client
   * credentials, so their roles and divisions decide what the API answers. Never disk-cached:
   * one person's answers must not reach another.
   */
  person?: PersonAccess;
  /** Where `GENESYSCLOUD_*` variables are read from; default `process.env`. */
  env?: Record<string, string | undefined>;
  /** Retry/timeout overrides (see retry-policy.ts); a number sets the transient retry count. */
  retry?: Partial<RetryPolicy> | number;
  rateLimit?: Partial<RateLimitOptions>;
  /** On by default (`.flowgraph-cache/`, 300 s). `false` bypasses it (the CLI's `--no-cache`). */
  cache?: false | CacheOptions;
  clock?: Clock;
  random?: Random;
  fetch?: typeof globalThis.fetch;
}

/**
 * One org's API client: token, rate limit, retries, cache and latency monitor, shared by
 * every request made through it. Printing it or JSON-serialising it never shows the secret.
 */
export class GenesysClient {
  readonly endpoints: GenesysEndpoints;
  readonly clientId: string;
  readonly monitor: LatencyMonitor;
  readonly #tokens: AccessTokenSource;
  readonly #context: RequestContext;

  constructor(options: GenesysClientOptions = {}) {
    const config = options.config ?? loadConfig(options.env ?? process.env, options);
    const clock = options.clock ?? systemClock;
    const policy = normaliseRetryPolicy(options.retry);
    const fetchOption = options.fetch ? { fetch: options.fetch } : {};
    this.monitor = new LatencyMonitor(clock);
    this.endpoints = config.endpoints;
    this.clientId = config.clientId;
    this.#tokens =
      options.person?.tokens ??
      new TokenProvider({
        loginBaseUrl: config.endpoints.loginBaseUrl,
        clientId: config.clientId,
        clientSecret: config.clientSecret,
        http: ky.create({ retry: 0, throwHttpErrors: false, ...fetchOption }),
        clock,
        policy,
        random: options.random,
        monitor: this.monitor,
      });
    this.#context = {
      http: createApiHttp({
        apiBaseUrl: config.endpoints.apiBaseUrl,
        tokens: this.#tokens,
        timeoutMs: policy.requestTimeoutMs,
        ...fetchOption,
      }),
      breaker: new CircuitBreaker({ threshold: policy.circuitBreakerThreshold, cooldownMs: policy.circuitBreakerCooldownMs }, clock),
      limiter: new RateLimiter({ ...DEFAULT_RATE_LIMIT, ...options.rateLimit }, clock, this.monitor.rateLimitWaits),
      monitor: this.monitor,
      policy,
      clock,
      random: options.random,
      cache:
        options.cache === false || options.person !== undefined
          ? undefined
          : new DiskCache({ apiBaseUrl: config.endpoints.apiBaseUrl, clientId: config.clientId }, options.cache ?? {}, clock),
    };
  }

  /** GET one API resource, parsed with `schema` (see http/request.ts for retries and errors). */
  get<S extends z.ZodType>(request: ApiRequest, schema: S, options?: RequestOptions): Promise<z.output<S>> {
    return requestJson(this.#context, request, schema, options);
  }

  /** A valid access token (cached; refreshed 60 s before expiry). Fails fast on bad credentials. */
  getToken(signal?: AbortSignal): Promise<string> {
    return this.#tokens.getToken(signal);
  }

  metrics(): MonitorSummary {
    return this.monitor.summary();
  }

  toJSON(): { endpoints: GenesysEndpoints; clientId: string } {
    return { endpoints: this.endpoints, clientId: this.clientId };
  }
}

import type { Clock } from '../utils/clock.js';
import { percentile } from './percentile.js';
import { WaitTracker } from './wait-tracker.js';

/** One HTTP attempt as it happened (retries are separate records). */
export interface RequestRecord {
  method: string;
  /** The path template, e.g. `/api/v2/flows/{flowId}`, so records group by endpoint. */
  path: string;
  /** Undefined when no response arrived. */
  status?: number;
  /** 1 for the first try, 2 for the first retry, ... */
  attempt: number;
  /** Time to response headers. */
  ms: number;
  /** Time this attempt spent waiting for the rate-limit window or a Retry-After before it left. */
  rateLimitWaitMs: number;
  /** True when the attempt failed (no response, non-2xx, or unreadable body). */
  failed: boolean;
}

export interface EndpointSummary {
  method: string;
  path: string;
  count: number;
  p50: number;
  p95: number;
  max: number;
  errors: number;
}

/** Plain JSON: the server's `/api/metrics` returns it as is. */
export interface MonitorSummary {
  totals: {
    requests: number;
    retries: number;
    rateLimited: number;
    errors: number;
    /** Wall time during which at least one request waited for the rate limit (what the crawl lost). */
    rateLimitWaitMs: number;
    /** Every request's rate-limit wait added up: concurrent waits count once each. */
    rateLimitWaitSummedMs: number;
    cacheHits: number;
    tokenRefreshes: number;
  };
  endpoints: EndpointSummary[];
}

/** Records every request the client makes; `summary()` is what fetch diagnostics show. */
export class LatencyMonitor {
  /** Every rate-limit wait of the client (window, Retry-After) goes through this. */
  readonly rateLimitWaits: WaitTracker;
  readonly #records: RequestRecord[] = [];
  #cacheHits = 0;
  #tokenRefreshes = 0;

  constructor(clock: Clock) {
    this.rateLimitWaits = new WaitTracker(clock);
  }

  record(entry: RequestRecord): void {
    this.#records.push(entry);
  }

  recordCacheHit(): void {
    this.#cacheHits++;
  }

  recordTokenRefresh(): void {
    this.#tokenRefreshes++;
  }

  get requestCount(): number {
    return this.#records.length;
  }

  /** Wall time with at least one request waiting for the rate limit. */
  get rateLimitWaitMs(): number {
    return this.rateLimitWaits.wallMs;
  }

  records(): readonly RequestRecord[] {
    return this.#records;
  }

  summary(): MonitorSummary {
    const groups = new Map<string, RequestRecord[]>();
    for (const entry of this.#records) {
      const key = `${entry.method} ${entry.path}`;
      const group = groups.get(key);
      if (group) group.push(entry);
      else groups.set(key, [entry]);
    }
    const endpoints = [...groups.values()].map((group) => summarise(group));
    endpoints.sort((a, b) => b.count - a.count || `${a.method} ${a.path}`.localeCompare(`${b.method} ${b.path}`));
    return {
      totals: {
        requests: this.#records.length,
        retries: this.#records.filter((entry) => entry.attempt > 1).length,
        rateLimited: this.#records.filter((entry) => entry.status === 429).length,
        errors: this.#records.filter((entry) => entry.failed).length,
        rateLimitWaitMs: this.rateLimitWaits.wallMs,
        rateLimitWaitSummedMs: this.rateLimitWaits.summedMs,
        cacheHits: this.#cacheHits,
        tokenRefreshes: this.#tokenRefreshes,
      },
      endpoints,
    };
  }
}

function summarise(group: RequestRecord[]): EndpointSummary {
  const first = group[0]!;
  const sorted = group.map((entry) => entry.ms).sort((a, b) => a - b);
  return {
    method: first.method,
    path: first.path,
    count: group.length,
    p50: percentile(sorted, 50),
    p95: percentile(sorted, 95),
    max: sorted[sorted.length - 1] ?? 0,
    errors: group.filter((entry) => entry.failed).length,
  };
}

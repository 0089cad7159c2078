import type { RateLimitHeaders } from './http/headers.js';
import type { WaitTracker } from './monitor/wait-tracker.js';
import type { Clock } from './utils/clock.js';
import { Semaphore } from './utils/semaphore.js';

export interface RateLimitOptions {
  /** Genesys' default for a client-credentials token (`client.credentials.token.rate.per.minute`). */
  requestsPerMinute: number;
  /** Requests in flight at once: enough to hide latency, few enough not to burst the window. */
  maxConcurrent: number;
}

export const DEFAULT_RATE_LIMIT: Readonly<RateLimitOptions> = {
  requestsPerMinute: 300,
  maxConcurrent: 8,
};

const WINDOW_MS = 60_000;

/** A granted slot: call `release()` once the response arrived. */
export interface RateLimitPermit {
  /** Time spent waiting for the window to reopen (not for a free slot of `maxConcurrent`). */
  waitedMs: number;
  release(): void;
}

/**
 * Client-side view of Genesys' per-token window. Starts from `requestsPerMinute`, then follows
 * the server: `inin-ratelimit-*` headers replace the local estimate, and a 429 closes the
 * window for everyone until its Retry-After, so eight workers don't each earn their own 429.
 */
export class RateLimiter {
  readonly #clock: Clock;
  readonly #waits: WaitTracker;
  readonly #slots: Semaphore;
  #allowed: number;
  #used = 0;
  #windowEndsAt = 0;
  #inFlight = 0;

  constructor(options: RateLimitOptions, clock: Clock, waits: WaitTracker) {
    this.#clock = clock;
    this.#waits = waits;
    this.#allowed = options.requestsPerMinute;
    this.#slots = new Semaphore(options.maxConcurrent);
  }

  async acquire(signal?: AbortSignal): Promise<RateLimitPermit> {
    const releaseSlot = await this.#slots.acquire(signal);
    let waitedMs = 0;
    try {
      for (;;) {
        const now = this.#clock.now();
        if (now >= this.#windowEndsAt) {
          this.#used = 0;
          this.#windowEndsAt = now + WINDOW_MS;
        }
        if (this.#used < this.#allowed) break;
        waitedMs += await this.#waits.sleep(this.#windowEndsAt - now, signal);
      }
    } catch (error) {
      releaseSlot();
      throw error;
    }
    this.#used++;
    this.#inFlight++;
    let released = false;
    return {
      waitedMs,
      release: () => {
        if (released) return;
        released = true;
        this.#inFlight--;
        releaseSlot();
      },
    };
  }

  /** Adopts the server's numbers. Requests still in flight are not in its count yet. */
  observe(headers: RateLimitHeaders): void {
    this.#allowed = headers.allowed;
    this.#used = headers.count + this.#inFlight;
    this.#windowEndsAt = this.#clock.now() + headers.resetMs;
  }

  /** After a 429: no request leaves before `waitMs` has passed. */
  pause(waitMs: number): void {
    this.#used = this.#allowed;
    this.#windowEndsAt = Math.max(this.#windowEndsAt, this.#clock.now() + waitMs);
  }
}

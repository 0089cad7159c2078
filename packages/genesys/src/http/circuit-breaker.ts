import { networkErrorMessage } from '../errors/genesys-http-error.js';
import { GenesysUnreachableError } from '../errors/unreachable-error.js';
import type { Clock } from '../utils/clock.js';

export interface CircuitBreakerOptions {
  /** Network errors in a row (no HTTP response at all) that open the breaker. */
  threshold: number;
  /** How long an open breaker refuses requests before one probe may try again. */
  cooldownMs: number;
}

type State = { kind: 'closed' } | { kind: 'open'; since: number } | { kind: 'probing' };

/**
 * Fails fast when Genesys cannot be reached. Any HTTP response, even a 5xx, proves the host is
 * there and closes the breaker; `threshold` network errors in a row (across all concurrent
 * requests) open it. While open, requests are refused without being sent; after `cooldownMs`
 * one request probes, and its outcome closes or reopens the breaker. A slow or failing server
 * is left to the retry policy: only a host that does not answer at all trips this.
 */
export class CircuitBreaker {
  readonly #options: CircuitBreakerOptions;
  readonly #clock: Clock;
  #state: State = { kind: 'closed' };
  #failures = 0;
  #lastError = '';

  constructor(options: CircuitBreakerOptions, clock: Clock) {
    this.#options = options;
    this.#clock = clock;
  }

  /**
   * Before queueing for the rate limiter: throws while the breaker is open and cooling down, so
   * refused requests do not spend the rate budget. `attempts` is what the request already made.
   */
  refuseWhileOpen(method: string, path: string, attempts: number): void {
    if (this.#state.kind === 'open' && this.#clock.now() < this.#retryAt(this.#state.since)) this.#refuse(method, path, attempts);
  }

  /**
   * Right before sending: lets the request go when closed, makes it the one probe when the
   * cooldown is over, and refuses it otherwise. Returns whether the request is the probe.
   */
  admit(method: string, path: string, attempts: number): boolean {
    const state = this.#state;
    if (state.kind === 'closed') return false;
    if (state.kind === 'open' && this.#clock.now() >= this.#retryAt(state.since)) {
      this.#state = { kind: 'probing' };
      return true;
    }
    return this.#refuse(method, path, attempts);
  }

  /** An HTTP response arrived, whatever its status: the host is reachable. */
  onResponse(): void {
    this.#failures = 0;
    this.#state = { kind: 'closed' };
  }

  /** No response at all: connection refused, DNS, reset, timeout. */
  onNetworkError(error: unknown, probe: boolean): void {
    this.#failures++;
    this.#lastError = networkErrorMessage(error);
    if (probe || (this.#state.kind === 'closed' && this.#failures >= this.#options.threshold)) {
      this.#state = { kind: 'open', since: this.#clock.now() };
    }
  }

  /** The probe was aborted by its caller before it learnt anything: let the next request probe. */
  onProbeAbandoned(): void {
    if (this.#state.kind === 'probing') this.#state = { kind: 'open', since: this.#clock.now() - this.#options.cooldownMs };
  }

  #retryAt(since: number): number {
    return since + this.#options.cooldownMs;
  }

  #refuse(method: string, path: string, attempts: number): never {
    const now = this.#clock.now();
    // While a probe is out, the next try is at least a cooldown away.
    const retryAt = this.#state.kind === 'open' ? this.#retryAt(this.#state.since) : now + this.#options.cooldownMs;
    throw new GenesysUnreachableError({
      method,
      path,
      attempts,
      failures: this.#failures,
      lastError: this.#lastError,
      retryInMs: Math.max(0, retryAt - now),
      retryAt,
    });
  }
}

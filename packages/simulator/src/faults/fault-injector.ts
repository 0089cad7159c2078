import { createRandom, type Random } from '../random.js';
import type { FaultProfile } from './profiles.js';

export type FaultDecision =
  | { kind: 'none' }
  | { kind: 'serverError'; status: 500 | 502 | 503 | 504 }
  | { kind: 'rateLimitBurst'; retryAfterSeconds: number }
  | { kind: 'malformedBody' }
  | { kind: 'truncatedBody' };

const SERVER_ERRORS = [500, 502, 503, 504] as const;

/**
 * Decides, per API request, which fault (if any) to inject. Every request draws the same number
 * of random values whatever the outcome, so one seed and one request order always give the same
 * faults. A request (method + URL) never fails more than `maxConsecutiveFailures` times in a row.
 */
export class FaultInjector {
  private readonly random: Random;
  private readonly failuresInARow = new Map<string, number>();
  private burstLeft = 0;
  private apiRequests = 0;
  private revoked = false;

  constructor(
    private readonly profile: FaultProfile,
    seed: number,
  ) {
    this.random = createRandom(seed ^ 0x5eed);
  }

  latencyMs(): number {
    const { baseMs, jitterMs } = this.profile.latency;
    return baseMs + this.random.next() * jitterMs;
  }

  /** True exactly once: on the API request that reaches `revokeTokensAfterRequests`. */
  shouldRevokeTokens(): boolean {
    this.apiRequests++;
    const after = this.profile.revokeTokensAfterRequests;
    if (this.revoked || after === undefined || this.apiRequests < after) return false;
    this.revoked = true;
    return true;
  }

  decide(requestKey: string): FaultDecision {
    const { profile, random } = this;
    const [serverError, status, burst, retry, malformed, truncated] = [
      random.next(),
      random.next(),
      random.next(),
      random.next(),
      random.next(),
      random.next(),
    ];
    const decision = this.pick(serverError, status, burst, retry, malformed, truncated);
    const failures = this.failuresInARow.get(requestKey) ?? 0;
    if (decision.kind === 'none' || failures >= profile.maxConsecutiveFailures) {
      this.failuresInARow.delete(requestKey);
      return { kind: 'none' };
    }
    this.failuresInARow.set(requestKey, failures + 1);
    return decision;
  }

  private pick(serverError: number, status: number, burst: number, retry: number, malformed: number, truncated: number): FaultDecision {
    const { profile } = this;
    const errorStatus = SERVER_ERRORS[Math.floor(status * SERVER_ERRORS.length)] ?? 500;
    if (this.burstLeft > 0) {
      this.burstLeft--;
      return { kind: 'serverError', status: errorStatus };
    }
    if (serverError < profile.serverErrorRate) {
      this.burstLeft = profile.serverErrorBurst - 1;
      return { kind: 'serverError', status: errorStatus };
    }
    if (burst < profile.rateLimitBurstRate) {
      const [min, max] = profile.retryAfterSeconds;
      return { kind: 'rateLimitBurst', retryAfterSeconds: min + Math.floor(retry * (Math.max(min, max) - min + 1)) };
    }
    if (malformed < profile.malformedBodyRate) return { kind: 'malformedBody' };
    if (truncated < profile.truncatedBodyRate) return { kind: 'truncatedBody' };
    return { kind: 'none' };
  }
}

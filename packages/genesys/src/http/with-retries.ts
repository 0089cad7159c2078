import type { WaitTracker } from '../monitor/wait-tracker.js';
import { backoffDelay, type RetryPolicy } from '../retry-policy.js';
import type { Clock } from '../utils/clock.js';
import type { Random } from '../utils/jitter.js';

/** What one attempt tells the retry loop. Errors are built by the attempt, with its number. */
export type AttemptOutcome<T> =
  | { kind: 'done'; value: T }
  | { kind: 'rate-limited'; retryAfterMs: number | undefined; error: Error }
  | { kind: 'transient'; error: Error };

export interface RetryContext {
  policy: RetryPolicy;
  clock: Clock;
  random?: Random;
  signal?: AbortSignal;
  /** Called before a 429 wait, so the limiter can hold back every other request too. */
  onRateLimited?(waitMs: number): void;
  /** Where 429 waits are counted as rate-limit waiting (backoff after a failure is not). */
  rateLimitWaits: WaitTracker;
}

/**
 * Runs `attempt` until it is done or its retry budget is spent. 429s and transient failures have
 * separate budgets: a 429 says "later", not "broken". `attempt` receives its 1-based number and
 * the rate-limit wait that preceded it (for the latency monitor).
 */
export async function withRetries<T>(
  attempt: (attemptNumber: number, rateLimitWaitMs: number) => Promise<AttemptOutcome<T>>,
  context: RetryContext,
): Promise<T> {
  let transientRetries = 0;
  let rateLimitRetries = 0;
  let carriedWaitMs = 0;
  for (let attemptNumber = 1; ; attemptNumber++) {
    const outcome = await attempt(attemptNumber, carriedWaitMs);
    carriedWaitMs = 0;
    if (outcome.kind === 'done') return outcome.value;
    if (outcome.kind === 'rate-limited') {
      if (rateLimitRetries >= context.policy.rateLimitRetries) throw outcome.error;
      rateLimitRetries++;
      const waitMs = outcome.retryAfterMs ?? backoffDelay(rateLimitRetries, context.policy, context.random);
      context.onRateLimited?.(waitMs);
      carriedWaitMs = await context.rateLimitWaits.sleep(waitMs, context.signal);
    } else {
      if (transientRetries >= context.policy.transientRetries) throw outcome.error;
      transientRetries++;
      await context.clock.sleep(backoffDelay(transientRetries, context.policy, context.random), context.signal);
    }
  }
}

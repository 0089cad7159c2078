/**
 * Allows one action per interval (the refresh button: a crawl costs hundreds of Genesys
 * requests out of the org's 300/min budget). Global, not per client: there is one org to crawl.
 */
export interface IntervalLimiter {
  /** Takes the slot, or returns how many whole seconds until it frees. */
  tryAcquire(): { ok: true } | { ok: false; retryAfterSeconds: number };
}

export function createIntervalLimiter(intervalMs: number, now: () => number = Date.now): IntervalLimiter {
  let last: number | undefined;
  return {
    tryAcquire() {
      const time = now();
      if (last !== undefined && time - last < intervalMs) {
        return { ok: false, retryAfterSeconds: Math.max(1, Math.ceil((last + intervalMs - time) / 1000)) };
      }
      last = time;
      return { ok: true };
    },
  };
}

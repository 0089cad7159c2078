/** Genesys counts per token in fixed 60-second windows (`inin-ratelimit-reset` counts down to the next). */
const WINDOW_MS = 60_000;

export interface RateDecision {
  allowed: boolean;
  /** Requests counted in the current window, this one included. */
  count: number;
  limit: number;
  /** Whole seconds until the window resets (or the throttle ends). */
  resetSeconds: number;
}

export class RateLimiter {
  private readonly windows = new Map<string, { start: number; count: number }>();
  private readonly throttledUntil = new Map<string, number>();

  constructor(
    private readonly limit: number,
    private readonly clock: () => number,
  ) {}

  check(token: string): RateDecision {
    const now = this.clock();
    let window = this.windows.get(token);
    if (!window || now >= window.start + WINDOW_MS) {
      window = { start: now, count: 0 };
      this.windows.set(token, window);
    }
    const throttled = this.throttledUntil.get(token) ?? 0;
    if (now < throttled) {
      return { allowed: false, count: window.count, limit: this.limit, resetSeconds: Math.ceil((throttled - now) / 1000) };
    }
    const resetSeconds = Math.max(1, Math.ceil((window.start + WINDOW_MS - now) / 1000));
    if (window.count >= this.limit) return { allowed: false, count: window.count, limit: this.limit, resetSeconds };
    window.count++;
    return { allowed: true, count: window.count, limit: this.limit, resetSeconds };
  }

  /** Refuses every request of `token` for `seconds` (an injected 429 burst). */
  throttle(token: string, seconds: number): void {
    this.throttledUntil.set(token, this.clock() + seconds * 1000);
  }
}

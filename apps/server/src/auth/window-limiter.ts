/**
 * Requests per key (a session, an address) in fixed one-minute windows: a busy key is told when
 * its window ends. Idle keys are forgotten as windows pass, so memory follows active keys only.
 */
export class WindowLimiter {
  readonly #windows = new Map<string, { start: number; count: number }>();
  #lastSweep = 0;

  constructor(
    readonly limit: number,
    private readonly now: () => number = Date.now,
    private readonly windowMs = 60_000,
  ) {}

  /** Counts one request; `ok: false` says how many whole seconds until the key may ask again. */
  take(key: string): { ok: true } | { ok: false; retryAfterSeconds: number } {
    const now = this.now();
    this.#sweep(now);
    let window = this.#windows.get(key);
    if (window === undefined || now >= window.start + this.windowMs) {
      window = { start: now, count: 0 };
      this.#windows.set(key, window);
    }
    if (window.count >= this.limit)
      return { ok: false, retryAfterSeconds: Math.max(1, Math.ceil((window.start + this.windowMs - now) / 1000)) };
    window.count++;
    return { ok: true };
  }

  #sweep(now: number): void {
    if (now - this.#lastSweep < this.windowMs) return;
    this.#lastSweep = now;
    for (const [key, window] of this.#windows) if (now >= window.start + this.windowMs) this.#windows.delete(key);
  }
}

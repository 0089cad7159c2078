import type { Clock } from '../utils/clock.js';

/**
 * Rate-limit waiting, measured two ways. Eight requests that sit out one 60 s Retry-After
 * together cost the crawl 60 s, not 480 s: `wallMs` is the time during which at least one
 * request was waiting (what the crawl lost); `summedMs` adds every request's own wait (how
 * much waiting there was, for comparing runs). Waits still under way count up to now.
 */
export class WaitTracker {
  readonly #clock: Clock;
  /** Start times of the waits under way. */
  readonly #ongoing = new Set<{ startedAt: number }>();
  /** When the current stretch of "someone is waiting" began. */
  #stretchStartedAt = 0;
  #wallMs = 0;
  #summedMs = 0;

  constructor(clock: Clock) {
    this.#clock = clock;
  }

  /** Marks the start of one request's wait; the returned function ends it and returns its length. */
  begin(): () => number {
    const wait = { startedAt: this.#clock.now() };
    if (this.#ongoing.size === 0) this.#stretchStartedAt = wait.startedAt;
    this.#ongoing.add(wait);
    return () => {
      if (!this.#ongoing.delete(wait)) return 0;
      const now = this.#clock.now();
      const ms = now - wait.startedAt;
      this.#summedMs += ms;
      if (this.#ongoing.size === 0) this.#wallMs += now - this.#stretchStartedAt;
      return ms;
    };
  }

  /** Waits `ms` on `clock` as one tracked wait; resolves with the time actually waited. */
  async sleep(ms: number, signal?: AbortSignal): Promise<number> {
    const end = this.begin();
    try {
      await this.#clock.sleep(ms, signal);
    } catch (error) {
      // An aborted wait was still time spent waiting.
      end();
      throw error;
    }
    return end();
  }

  get wallMs(): number {
    return this.#wallMs + (this.#ongoing.size > 0 ? this.#clock.now() - this.#stretchStartedAt : 0);
  }

  get summedMs(): number {
    const now = this.#clock.now();
    let ongoing = 0;
    for (const wait of this.#ongoing) ongoing += now - wait.startedAt;
    return this.#summedMs + ongoing;
  }
}

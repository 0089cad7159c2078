import type { Clock } from '../../src/index.js';

/**
 * A clock whose sleeps end at once but move time forward, and record what was asked:
 * backoff and Retry-After waits become assertions instead of delays.
 */
export class VirtualClock implements Clock {
  time = 1_000_000;
  readonly sleeps: number[] = [];

  now(): number {
    return this.time;
  }

  async sleep(ms: number, signal?: AbortSignal): Promise<void> {
    signal?.throwIfAborted();
    this.sleeps.push(ms);
    const wakeAt = this.time + ms;
    await Promise.resolve();
    this.time = Math.max(this.time, wakeAt);
  }
}

import { describe, expect, it } from 'vitest';
import { RateLimiter } from '../src/rate-limit.js';
import { VirtualClock } from './helpers/virtual-clock.js';

describe('[U] RateLimiter', () => {
  it('lets requestsPerMinute through, then waits for the window to end', async () => {
    const clock = new VirtualClock();
    const limiter = new RateLimiter({ requestsPerMinute: 3, maxConcurrent: 10 }, clock);
    const waits: number[] = [];
    for (let i = 0; i < 4; i++) {
      const permit = await limiter.acquire();
      waits.push(permit.waitedMs);
      permit.release();
    }
    expect(waits).toEqual([0, 0, 0, 60_000]);
  });

  it('adopts the server’s inin-ratelimit numbers', async () => {
    const clock = new VirtualClock();
    const limiter = new RateLimiter({ requestsPerMinute: 300, maxConcurrent: 10 }, clock);
    limiter.observe({ allowed: 180, count: 180, resetMs: 7_000 });
    const permit = await limiter.acquire();
    expect(permit.waitedMs).toBe(7_000);
  });

  it('holds every request back after a 429 until its Retry-After', async () => {
    const clock = new VirtualClock();
    const limiter = new RateLimiter({ requestsPerMinute: 300, maxConcurrent: 10 }, clock);
    limiter.pause(42_000);
    expect((await limiter.acquire()).waitedMs).toBe(42_000);
  });

  it('bounds requests in flight and hands a freed slot to the next waiter', async () => {
    const limiter = new RateLimiter({ requestsPerMinute: 300, maxConcurrent: 2 }, new VirtualClock());
    const first = await limiter.acquire();
    await limiter.acquire();
    let thirdGranted = false;
    const third = limiter.acquire().then(() => {
      thirdGranted = true;
    });
    await Promise.resolve();
    expect(thirdGranted).toBe(false);
    first.release();
    await third;
    expect(thirdGranted).toBe(true);
  });

  it('stops waiting when the signal aborts', async () => {
    const limiter = new RateLimiter({ requestsPerMinute: 300, maxConcurrent: 1 }, new VirtualClock());
    await limiter.acquire();
    const controller = new AbortController();
    const waiting = limiter.acquire(controller.signal);
    controller.abort(new Error('cancelled'));
    await expect(waiting).rejects.toThrow('cancelled');
  });
});

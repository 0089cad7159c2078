import { describe, expect, it } from 'vitest';
import { WaitTracker } from '../src/monitor/wait-tracker.js';
import { RateLimiter } from '../src/rate-limit.js';
import { VirtualClock } from './helpers/virtual-clock.js';

describe('[U] RateLimiter', () => {
  it('lets requestsPerMinute through, then waits for the window to end', async () => {
    const clock = new VirtualClock();
    const limiter = new RateLimiter({ requestsPerMinute: 3, maxConcurrent: 10 }, clock, new WaitTracker(clock));
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
    const limiter = new RateLimiter({ requestsPerMinute: 300, maxConcurrent: 10 }, clock, new WaitTracker(clock));
    limiter.observe({ allowed: 180, count: 180, resetMs: 7_000 });
    const permit = await limiter.acquire();
    expect(permit.waitedMs).toBe(7_000);
  });

  it('holds every request back after a 429 until its Retry-After', async () => {
    const clock = new VirtualClock();
    const limiter = new RateLimiter({ requestsPerMinute: 300, maxConcurrent: 10 }, clock, new WaitTracker(clock));
    limiter.pause(42_000);
    expect((await limiter.acquire()).waitedMs).toBe(42_000);
  });

  it('counts eight requests sitting out one 60 s pause as 60 s of wall time and 480 s summed', async () => {
    const clock = new VirtualClock();
    const waits = new WaitTracker(clock);
    const limiter = new RateLimiter({ requestsPerMinute: 300, maxConcurrent: 8 }, clock, waits);
    limiter.pause(60_000);
    const permits = await Promise.all(Array.from({ length: 8 }, () => limiter.acquire()));
    expect(permits.map((permit) => permit.waitedMs)).toEqual(Array(8).fill(60_000));
    expect(waits.wallMs).toBe(60_000);
    expect(waits.summedMs).toBe(480_000);
  });

  it('does not count waiting for a free slot as rate-limit waiting', async () => {
    const clock = new VirtualClock();
    const waits = new WaitTracker(clock);
    const limiter = new RateLimiter({ requestsPerMinute: 300, maxConcurrent: 1 }, clock, waits);
    const first = await limiter.acquire();
    const second = limiter.acquire();
    clock.time += 5_000;
    first.release();
    expect((await second).waitedMs).toBe(0);
    expect(waits.wallMs).toBe(0);
  });

  it('bounds requests in flight and hands a freed slot to the next waiter', async () => {
    const clock = new VirtualClock();
    const limiter = new RateLimiter({ requestsPerMinute: 300, maxConcurrent: 2 }, clock, new WaitTracker(clock));
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
    const clock = new VirtualClock();
    const limiter = new RateLimiter({ requestsPerMinute: 300, maxConcurrent: 1 }, clock, new WaitTracker(clock));
    await limiter.acquire();
    const controller = new AbortController();
    const waiting = limiter.acquire(controller.signal);
    controller.abort(new Error('cancelled'));
    await expect(waiting).rejects.toThrow('cancelled');
  });
});

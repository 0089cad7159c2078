import { afterEach, describe, expect, it } from 'vitest';
import { FAULT_PROFILES, type FaultProfileInput } from '../src/index.js';
import { startTestSimulator, type TestSimulator } from './helpers/client.js';

/** The hostile profile without its latency, so tests run at full speed. */
const HOSTILE_NO_WAIT: FaultProfileInput = {
  ...FAULT_PROFILES.hostile,
  latency: { baseMs: 0, jitterMs: 0 },
  revokeTokensAfterRequests: undefined,
};

describe('[I] fault injection', () => {
  const running: TestSimulator[] = [];
  afterEach(async () => {
    await Promise.all(running.splice(0).map((sim) => sim.close()));
  });
  async function start(faults: FaultProfileInput, seed = 11, clock?: () => number): Promise<TestSimulator> {
    const sim = await startTestSimulator({ faults, seed, rateLimit: 100_000, ...(clock ? { clock } : {}) });
    running.push(sim);
    return sim;
  }

  /** Status of each request in order; a dropped connection counts as 0 and an unparsable body as -1. */
  async function outcomes(sim: TestSimulator, paths: string[]): Promise<number[]> {
    const out: number[] = [];
    for (const path of paths) {
      try {
        const response = await sim.get(path);
        const text = await response.text();
        out.push(response.status === 200 && !isJson(text) ? -1 : response.status);
      } catch {
        out.push(0);
      }
    }
    return out;
  }

  const paths = Array.from({ length: 60 }, (_, i) => `/api/v2/flows?pageNumber=${(i % 3) + 1}&pageSize=10`);

  it('injects the same faults for the same seed and request order', async () => {
    // Clock frozen so 429 bursts do not expire between runs.
    const frozen = () => Date.UTC(2026, 0, 1);
    const busy: FaultProfileInput = { ...HOSTILE_NO_WAIT, rateLimitBurstRate: 0, malformedBodyRate: 0.1, truncatedBodyRate: 0.1 };
    const first = await outcomes(await start(busy, 11, frozen), paths);
    const second = await outcomes(await start(busy, 11, frozen), paths);
    const other = await outcomes(await start(busy, 12, frozen), paths);
    expect(second).toEqual(first);
    expect(other).not.toEqual(first);
    expect(first.filter((status) => status >= 500).length).toBeGreaterThan(0);
    expect(first.some((status) => status === 0 || status === -1)).toBe(true);
  });

  it('never fails the same request more than maxConsecutiveFailures times in a row', async () => {
    const sim = await start({ serverErrorRate: 1, maxConsecutiveFailures: 3 });
    const statuses = await outcomes(sim, Array(8).fill('/api/v2/flows'));
    expect(statuses).toEqual([expect.any(Number), expect.any(Number), expect.any(Number), 200, ...statuses.slice(4)]);
    expect(statuses.slice(0, 3).every((status) => [500, 502, 503, 504].includes(status))).toBe(true);
    expect(statuses.filter((status) => status === 200).length).toBe(2);
  });

  it('429 bursts throttle the token for Retry-After seconds, then let it through', async () => {
    let now = Date.UTC(2026, 0, 1);
    const sim = await start({ rateLimitBurstRate: 1, retryAfterSeconds: [40, 60], maxConsecutiveFailures: 1 }, 5, () => now);
    const limited = await sim.get('/api/v2/flows');
    expect(limited.status).toBe(429);
    const retryAfter = Number(limited.headers.get('retry-after'));
    expect(retryAfter).toBeGreaterThanOrEqual(40);
    expect(retryAfter).toBeLessThanOrEqual(60);
    expect((await sim.get('/api/v2/flows')).status).toBe(429);
    now += retryAfter * 1000;
    expect((await sim.get('/api/v2/flows')).status).toBe(200);
  });

  it('malformed and truncated bodies, and one token revocation mid-crawl', async () => {
    const malformed = await start({ malformedBodyRate: 1, maxConsecutiveFailures: 1 });
    const broken = await malformed.get('/api/v2/flows');
    expect(broken.status).toBe(200);
    expect(isJson(await broken.text())).toBe(false);
    expect(isJson(await (await malformed.get('/api/v2/flows')).text())).toBe(true);

    const truncated = await start({ truncatedBodyRate: 1, maxConsecutiveFailures: 1 });
    await expect(truncated.get('/api/v2/flows').then((response) => response.text())).rejects.toThrow();
    expect(truncated.stats.faults.truncatedBody).toBe(1);

    const revoking = await start({ revokeTokensAfterRequests: 3 });
    expect(await outcomes(revoking, Array(4).fill('/api/v2/flows'))).toEqual([200, 200, 401, 401]);
    expect(revoking.stats.faults.tokenRevocation).toBe(1);
  });

  it('named profiles are the documented shapes', () => {
    expect(FAULT_PROFILES.none).toMatchObject({ serverErrorRate: 0, rateLimitBurstRate: 0, malformedBodyRate: 0, truncatedBodyRate: 0 });
    expect(FAULT_PROFILES.flaky.retryAfterSeconds).toEqual([1, 3]);
    expect(FAULT_PROFILES.hostile.retryAfterSeconds[1]).toBe(60);
    expect(FAULT_PROFILES.hostile.revokeTokensAfterRequests).toBeGreaterThan(0);
  });
});

function isJson(text: string): boolean {
  try {
    JSON.parse(text);
    return true;
  } catch {
    return false;
  }
}

import { ErrorBodySchema } from '@flowgraph/core';
import { afterEach, describe, expect, it } from 'vitest';
import { requestToken, startTestSimulator, type TestSimulator } from './helpers/client.js';

describe('[I] per-token rate limit in fixed 60 s windows', () => {
  let sim: TestSimulator | undefined;
  afterEach(() => sim?.close());

  it('counts in the inin-ratelimit headers, then answers the normalised 429 until the window resets', async () => {
    let now = Date.UTC(2026, 0, 1);
    sim = await startTestSimulator({ rateLimit: 3, clock: () => now });
    for (const count of [1, 2, 3]) {
      const response = await sim.get('/api/v2/flows');
      expect(response.status).toBe(200);
      expect(response.headers.get('inin-ratelimit-count')).toBe(String(count));
      expect(response.headers.get('inin-ratelimit-allowed')).toBe('3');
      expect(response.headers.get('inin-ratelimit-reset')).toBe(String(70 - count * 10));
      now += 10_000;
    }
    const limited = await sim.get('/api/v2/flows');
    expect(limited.status).toBe(429);
    // 30 s of the window are gone: retry after the remaining 30.
    expect(limited.headers.get('retry-after')).toBe('30');
    expect(limited.headers.get('inin-ratelimit-reset')).toBe('30');
    const body = ErrorBodySchema.parse(await limited.json());
    expect(body).toMatchObject({
      message: 'Rate limit exceeded the maximum. Retry the request in [30] seconds',
      code: 'too.many.requests.retry.after',
      status: 429,
      details: [],
      errors: [],
    });
    expect(body.contextId).toBe(limited.headers.get('inin-correlation-id'));

    // Another token has its own window.
    const other = ((await (await requestToken(sim.url)).json()) as { access_token: string }).access_token;
    expect((await sim.get('/api/v2/flows', other)).status).toBe(200);

    now += 30_000;
    const afterReset = await sim.get('/api/v2/flows');
    expect(afterReset.status).toBe(200);
    expect(afterReset.headers.get('inin-ratelimit-count')).toBe('1');
    expect(sim.stats.rateLimited).toBe(1);
  });

  it('accepts the limit as { requestsPerMinute }', async () => {
    sim = await startTestSimulator({ rateLimit: { requestsPerMinute: 1 } });
    expect((await sim.get('/api/v2/flows')).status).toBe(200);
    expect((await sim.get('/api/v2/flows')).status).toBe(429);
  });
});

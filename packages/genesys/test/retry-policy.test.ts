import { describe, expect, it } from 'vitest';
import { backoffDelay, DEFAULT_RETRY_POLICY } from '../src/index.js';
import { normaliseRetryPolicy } from '../src/retry-policy.js';

describe('[U] backoffDelay (exponential, full jitter)', () => {
  const policy = { backoffBaseMs: 500, backoffMaxMs: 30_000 };

  it('doubles the cap per retry and picks uniformly below it', () => {
    const almostOne = () => 0.999_999;
    expect([1, 2, 3, 4].map((retry) => backoffDelay(retry, policy, almostOne))).toEqual([499, 999, 1_999, 3_999]);
    expect(backoffDelay(3, policy, () => 0.5)).toBe(1_000);
    expect(backoffDelay(3, policy, () => 0)).toBe(0);
  });

  it('never exceeds backoffMaxMs however many retries', () => {
    expect(backoffDelay(30, policy, () => 0.999_999)).toBe(29_999);
  });
});

describe('[U] retry policy defaults', () => {
  it('retries transient failures 3 times and lets a number override that count', () => {
    expect(DEFAULT_RETRY_POLICY.transientRetries).toBe(3);
    expect(normaliseRetryPolicy(5).transientRetries).toBe(5);
    expect(normaliseRetryPolicy({ backoffBaseMs: 1 })).toMatchObject({ transientRetries: 3, backoffBaseMs: 1 });
  });
});

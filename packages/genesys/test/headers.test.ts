import { describe, expect, it } from 'vitest';
import { parseRateLimitHeaders, parseRetryAfter } from '../src/index.js';

describe('[U] parseRetryAfter', () => {
  const now = Date.parse('2026-01-01T00:00:00Z');

  it('reads delta-seconds, fractional too', () => {
    expect(parseRetryAfter('60', now)).toBe(60_000);
    expect(parseRetryAfter(' 0 ', now)).toBe(0);
    expect(parseRetryAfter('1.5', now)).toBe(1_500);
  });

  it('reads an HTTP-date relative to now, never negative', () => {
    expect(parseRetryAfter('Thu, 01 Jan 2026 00:00:42 GMT', now)).toBe(42_000);
    expect(parseRetryAfter('Wed, 31 Dec 2025 23:59:00 GMT', now)).toBe(0);
  });

  it('returns undefined for missing or garbage values, so backoff applies', () => {
    expect(parseRetryAfter(null, now)).toBeUndefined();
    expect(parseRetryAfter('', now)).toBeUndefined();
    expect(parseRetryAfter('soon', now)).toBeUndefined();
    expect(parseRetryAfter('-5', now)).toBeUndefined();
  });
});

describe('[U] parseRateLimitHeaders', () => {
  it('reads the three inin-ratelimit headers, reset in seconds', () => {
    const headers = new Headers({ 'inin-ratelimit-allowed': '180', 'inin-ratelimit-count': '1', 'inin-ratelimit-reset': '61' });
    expect(parseRateLimitHeaders(headers)).toEqual({ allowed: 180, count: 1, resetMs: 61_000 });
  });

  it('ignores incomplete or invalid sets', () => {
    expect(parseRateLimitHeaders(new Headers({ 'inin-ratelimit-allowed': '180' }))).toBeUndefined();
    expect(
      parseRateLimitHeaders(new Headers({ 'inin-ratelimit-allowed': 'x', 'inin-ratelimit-count': '1', 'inin-ratelimit-reset': '2' })),
    ).toBeUndefined();
    expect(
      parseRateLimitHeaders(new Headers({ 'inin-ratelimit-allowed': '0', 'inin-ratelimit-count': '1', 'inin-ratelimit-reset': '2' })),
    ).toBeUndefined();
  });
});

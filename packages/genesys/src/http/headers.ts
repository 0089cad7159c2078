/**
 * Pure parsers for the timing headers Genesys sends. A 429 carries `Retry-After` in seconds
 * (dev-forum "Normalized Platform API 429 responses"); every response carries
 * `inin-ratelimit-allowed` / `-count` / `-reset` (seconds until the window resets).
 */

/**
 * Milliseconds to wait from a Retry-After value: delta-seconds or an HTTP-date (RFC 9110 §10.2.3).
 * Undefined when absent or unparseable, so the caller falls back to backoff.
 */
export function parseRetryAfter(value: string | null | undefined, now: number): number | undefined {
  if (value == null) return undefined;
  const trimmed = value.trim();
  if (trimmed === '') return undefined;
  if (/^\d+(\.\d+)?$/.test(trimmed)) return Math.ceil(Number(trimmed) * 1000);
  // Date.parse accepts "-5" as a year; an HTTP-date always names its weekday and month.
  if (!/[a-z]/i.test(trimmed)) return undefined;
  const date = Date.parse(trimmed);
  if (Number.isNaN(date)) return undefined;
  return Math.max(0, date - now);
}

export interface RateLimitHeaders {
  allowed: number;
  count: number;
  /** Milliseconds until the server's window resets. */
  resetMs: number;
}

/** All three `inin-ratelimit-*` headers, or undefined if any is missing or not a number. */
export function parseRateLimitHeaders(headers: Headers): RateLimitHeaders | undefined {
  const allowed = toNumber(headers.get('inin-ratelimit-allowed'));
  const count = toNumber(headers.get('inin-ratelimit-count'));
  const reset = toNumber(headers.get('inin-ratelimit-reset'));
  if (allowed === undefined || count === undefined || reset === undefined || allowed <= 0) return undefined;
  return { allowed, count, resetMs: reset * 1000 };
}

function toNumber(value: string | null): number | undefined {
  if (value == null || value.trim() === '') return undefined;
  const number = Number(value);
  return Number.isFinite(number) && number >= 0 ? number : undefined;
}

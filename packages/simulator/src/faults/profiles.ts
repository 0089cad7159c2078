import { z } from 'zod';

/**
 * What can go wrong, as data. Every fault is recoverable: `maxConsecutiveFailures` caps how often
 * the same request (method + URL) fails in a row, so a client that retries always gets through.
 */
export const FaultProfileSchema = z.object({
  /** Probability that a request starts a burst of 5xx ErrorBody responses. */
  serverErrorRate: z.number().min(0).max(1).default(0),
  /** Requests in a 5xx burst (the first included). */
  serverErrorBurst: z.number().int().min(1).default(1),
  /** Probability that a request throttles its token for a Retry-After period (a 429 burst). */
  rateLimitBurstRate: z.number().min(0).max(1).default(0),
  /** Retry-After of such a burst, in whole seconds, drawn from [min, max]. */
  retryAfterSeconds: z.tuple([z.number().int().min(1), z.number().int().min(1)]).default([1, 3]),
  /** Added to every response: base plus a uniform jitter, in ms. */
  latency: z.object({ baseMs: z.number().min(0), jitterMs: z.number().min(0) }).default({ baseMs: 0, jitterMs: 0 }),
  /** Probability of a 200 whose JSON body is cut short (complete HTTP message, invalid JSON). */
  malformedBodyRate: z.number().min(0).max(1).default(0),
  /** Probability of a 200 whose connection drops mid-body (Content-Length promises more). */
  truncatedBodyRate: z.number().min(0).max(1).default(0),
  /** Revoke every issued token once, after this many API requests ("token expired mid-crawl"). */
  revokeTokensAfterRequests: z.number().int().positive().optional(),
  maxConsecutiveFailures: z.number().int().min(1).default(3),
});
export type FaultProfile = z.output<typeof FaultProfileSchema>;
export type FaultProfileInput = z.input<typeof FaultProfileSchema>;

export const FAULT_PROFILE_NAMES = ['none', 'flaky', 'hostile'] as const;
export type FaultProfileName = (typeof FAULT_PROFILE_NAMES)[number];

export const FAULT_PROFILES: Readonly<Record<FaultProfileName, FaultProfile>> = {
  none: FaultProfileSchema.parse({}),
  flaky: FaultProfileSchema.parse({
    serverErrorRate: 0.05,
    rateLimitBurstRate: 0.01,
    retryAfterSeconds: [1, 3],
    latency: { baseMs: 20, jitterMs: 60 },
    truncatedBodyRate: 0.005,
    maxConsecutiveFailures: 2,
  }),
  hostile: FaultProfileSchema.parse({
    serverErrorRate: 0.05,
    // Bursts of three make about 15% of responses 5xx.
    serverErrorBurst: 3,
    rateLimitBurstRate: 0.02,
    // Genesys has been seen sending Retry-After up to 58 s (genesys-api.md §5).
    retryAfterSeconds: [5, 60],
    latency: { baseMs: 0, jitterMs: 300 },
    malformedBodyRate: 0.02,
    truncatedBodyRate: 0.02,
    revokeTokensAfterRequests: 150,
    maxConsecutiveFailures: 4,
  }),
};

export function resolveFaultProfile(faults: FaultProfileName | FaultProfileInput): FaultProfile {
  return typeof faults === 'string' ? FAULT_PROFILES[faults] : FaultProfileSchema.parse(faults);
}

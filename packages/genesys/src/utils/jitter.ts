/** A random source in [0, 1); injectable so backoff arithmetic is testable. */
export type Random = () => number;

/**
 * "Full jitter" (AWS Architecture Blog, "Exponential Backoff And Jitter"): a uniform delay in
 * [0, cap). Spreads many clients retrying after the same failure better than equal jitter.
 */
export function fullJitter(capMs: number, random: Random = Math.random): number {
  return Math.floor(random() * capMs);
}

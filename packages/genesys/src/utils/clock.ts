import { delay } from './delay.js';

/**
 * Time as the client sees it. Injectable so tests can drive token expiry and backoff
 * without waiting; the default works with `vi.useFakeTimers()` too.
 */
export interface Clock {
  now(): number;
  sleep(ms: number, signal?: AbortSignal): Promise<void>;
}

export const systemClock: Clock = {
  now: () => Date.now(),
  sleep: delay,
};

/** What the simulator did, for tests and for the demo's fetch diagnostics. Mutated in place. */
export interface SimulatorStats {
  requests: number;
  byStatus: Record<number, number>;
  tokensIssued: number;
  /** 429s from the per-token limit (real behaviour). */
  rateLimited: number;
  /** Injected faults by kind. */
  faults: { serverError: number; rateLimitBurst: number; malformedBody: number; truncatedBody: number; tokenRevocation: number };
}

export function createStats(): SimulatorStats {
  return {
    requests: 0,
    byStatus: {},
    tokensIssued: 0,
    rateLimited: 0,
    faults: { serverError: 0, rateLimitBurst: 0, malformedBody: 0, truncatedBody: 0, tokenRevocation: 0 },
  };
}

import type { Snapshot } from '@flowgraph/core';
import { z } from 'zod';

/** What a crawl did, beside what it found: requests and how many flows it could reuse. */
export const CrawlStatsSchema = z.object({
  requests: z.number().int(),
  flowsListed: z.number().int(),
  flowsFetched: z.number().int(),
  flowsReused: z.number().int(),
  failed: z.number().int(),
  /** Wall time of the crawl. */
  durationMs: z.number().int().optional(),
  /** `incremental` reused stored flow versions; `full` fetched every flow. */
  mode: z.enum(['incremental', 'full']).optional(),
});
export type CrawlStats = z.infer<typeof CrawlStatsSchema>;

/** One stored snapshot, without its body. */
export interface SnapshotRecord {
  id: number;
  /** Which org it is of (see `orgKey`): history, `@latest` and reuse are per org. */
  org: string;
  source: { kind: 'live' | 'demo' | 'file'; label: string };
  /** When the crawl finished (the snapshot's `fetchedAt`). */
  fetchedAt: string;
  /** When it was stored. */
  savedAt: string;
  stats: { flows: number; fetched: number; failed: number };
  crawl?: CrawlStats;
  /** Size of the snapshot JSON, and of what is stored (compressed). */
  bytes: number;
  storedBytes: number;
}

/** What a crawl reports beside its snapshot, from the snapshot's stats and the crawl's wall time. */
export function crawlStatsOf(snapshot: Snapshot, mode: CrawlStats['mode'], durationMs: number): CrawlStats {
  const stats = snapshot.stats ?? { listed: snapshot.flows.length, fetched: 0, failed: snapshot.errors.length };
  const reused = stats.reused ?? 0;
  return {
    requests: stats.requests ?? 0,
    flowsListed: stats.listed,
    flowsFetched: stats.fetched - reused,
    flowsReused: reused,
    failed: stats.failed,
    durationMs: Math.round(durationMs),
    ...(mode ? { mode } : {}),
  };
}

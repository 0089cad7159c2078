import { z } from 'zod';
import { count } from './count.js';

/**
 * A crawl's phases: the Genesys client moves through token -> listing -> dependencies -> done
 * (fetched); the server adds idle before, analyzing between fetched and done, and failed.
 */
export const CRAWL_PHASES = ['idle', 'token', 'listing', 'dependencies', 'analyzing', 'done', 'failed'] as const;
export const crawlPhaseSchema = z.enum(CRAWL_PHASES);
export type CrawlPhase = z.infer<typeof crawlPhaseSchema>;

/** One failed request of a crawl, as progress and health report it. */
export const fetchErrorSummarySchema = z.object({
  flowId: z.string().optional(),
  flowName: z.string().optional(),
  request: z.string(),
  status: z.number().int().optional(),
  message: z.string(),
});
export type FetchErrorSummary = z.infer<typeof fetchErrorSummarySchema>;

/** Progress of one crawl: the client's `onProgress` events, the server's state and `/api/progress` events. */
export const crawlProgressSchema = z.object({
  phase: crawlPhaseSchema,
  /** Pages of the flow listing read, and how many there are (0 until the first page says). */
  pagesDone: count,
  pagesTotal: count,
  flowsDone: count,
  flowsTotal: count,
  /** HTTP attempts so far (retries included, cache hits excluded). */
  requests: count,
  /** Wall time during which at least one request waited for the rate limit. */
  rateLimitWaitMs: z.number().min(0),
  /** Why a crawl failed, or a note on how it finished. */
  message: z.string().optional(),
  /** Set when a crawl ends: what it could not fetch, and what became of it. */
  failedFlows: count.optional(),
  /** The crawl's first fetch errors (at most MAX_REPORTED_ERRORS). */
  errors: z.array(fetchErrorSummarySchema).optional(),
  /** Done: flows whose dependencies failed and were carried over from the previous graph, marked stale. */
  staleFlows: count.optional(),
  /** Failed: the refused crawl's partial result is served at `/api/graph?partial=true`. */
  partial: z.boolean().optional(),
  /** When the graph `/api/graph` serves was fetched; absent until a crawl succeeded. */
  graphFetchedAt: z.string().optional(),
});
export type CrawlProgress = z.infer<typeof crawlProgressSchema>;

/** What a crawl's end adds to its progress. */
export type CrawlOutcome = Pick<CrawlProgress, 'failedFlows' | 'errors' | 'staleFlows' | 'partial' | 'graphFetchedAt'>;

export type CrawlPhase = 'token' | 'listing' | 'dependencies' | 'done';

/** Emitted through `onProgress`; the caller decides whether to print, stream or ignore it. */
export interface CrawlProgress {
  phase: CrawlPhase;
  pagesDone: number;
  pagesTotal: number;
  flowsDone: number;
  flowsTotal: number;
  /** HTTP attempts so far (retries included, cache hits excluded). */
  requests: number;
  rateLimitWaitMs: number;
}

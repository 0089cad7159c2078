/** Where validated API responses are kept between runs, keyed by request path + query. */
export interface ResponseCache {
  /** The stored JSON, or undefined when absent, expired or unreadable. */
  get(path: string): Promise<unknown>;
  set(path: string, body: unknown): Promise<void>;
}

export interface CacheOptions {
  /** Default `.flowgraph-cache` under the working directory (git-ignored). */
  dir?: string;
  /** Default 300 s: long enough to resume an interrupted crawl, short enough to see today's edits. */
  ttlSeconds?: number;
}

export const DEFAULT_CACHE_DIR = '.flowgraph-cache';
export const DEFAULT_CACHE_TTL_SECONDS = 300;

import { createIntervalLimiter, type IntervalLimiter } from '../http/interval-limiter.js';
import type { Log } from '../logger.js';
import type { GraphSource } from './graph-source.js';
import type { HistoryViews } from './history-views.js';
import { OrgViews } from './org-views.js';

/**
 * One org as the API serves it: its crawl, the views computed from it, its stored history and
 * its refresh limit. A local server has one; a team server one per signed-in person.
 */
export interface Workspace {
  readonly source: GraphSource;
  readonly views: OrgViews;
  readonly history?: HistoryViews;
  readonly refreshLimiter: IntervalLimiter;
}

export interface WorkspaceOptions {
  history?: HistoryViews;
  /** Minimum time between two refreshes of this workspace. */
  refreshIntervalMs: number;
  now?: () => number;
  log: Log;
}

export function createWorkspace(source: GraphSource, options: WorkspaceOptions): Workspace {
  const views = new OrgViews(source);
  // Analyse as soon as a crawl lands, so the first /api/graph after "done" is served from cache.
  source.subscribe((progress) => {
    if (progress.phase === 'done') setImmediate(() => warm(views, options.log));
  });
  return {
    source,
    views,
    ...(options.history ? { history: options.history } : {}),
    refreshLimiter: createIntervalLimiter(options.refreshIntervalMs, options.now),
  };
}

function warm(views: OrgViews, log: Log): void {
  try {
    // The answer the page asks for first, compressed the way browsers ask for it.
    views
      .graphBody({})
      .encoded('br')
      .catch((error: unknown) =>
        log(`flowgraph: compressing the new graph failed: ${error instanceof Error ? error.message : String(error)}`),
      );
  } catch (error) {
    log(`flowgraph: analysing the new crawl failed: ${error instanceof Error ? error.message : String(error)}`);
  }
}

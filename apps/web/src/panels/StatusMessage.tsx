import { isCrawlPending } from '../api/client.js';
import type { CrawlProgress } from '@flowgraph/core';

/** What the stage shows before there is a graph: the crawl's progress or the error that stopped it. */
export function StatusMessage({ error, progress }: { error: Error | null; progress: CrawlProgress | undefined }) {
  if (progress?.phase === 'failed')
    return <div className="stage-message error">The crawl failed: {progress.message ?? 'no reason given'}</div>;
  // While the first crawl runs the server answers 503 crawl-pending: that is progress, not an error.
  if (error && !isCrawlPending(error)) return <div className="stage-message error">Could not load the graph: {error.message}</div>;
  return <div className="stage-message">Loading the org… {progress ? `${progress.flowsDone} / ${progress.flowsTotal} flows` : ''}</div>;
}

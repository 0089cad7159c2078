import type { CrawlProgress, Snapshot } from '@flowgraph/core';
import { crawlOrg, type GenesysClient, type StoredFlowVersions } from '@flowgraph/genesys';
import type { Progress } from '../render/progress-bar.js';

/** crawlOrg with its progress events drawn on the bar; Ctrl-C (the io signal) stops it. */
export function crawlWithProgress(
  client: GenesysClient,
  progress: Progress,
  options: { signal?: AbortSignal | undefined; sourceKind: Snapshot['source']['kind']; reuse?: StoredFlowVersions | undefined },
): Promise<Snapshot> {
  return crawlOrg(client, {
    sourceKind: options.sourceKind,
    ...(options.reuse ? { reuse: options.reuse } : {}),
    ...(options.signal ? { signal: options.signal } : {}),
    onProgress: (event) => showCrawlProgress(progress, event),
  });
}

function showCrawlProgress(progress: Progress, event: CrawlProgress): void {
  const wait = event.rateLimitWaitMs > 0 ? `, ${(event.rateLimitWaitMs / 1000).toFixed(1)} s rate-limit wait` : '';
  const detail = `${event.requests} requests${wait}`;
  if (event.phase === 'token') progress.phase('signing in');
  else if (event.phase === 'listing') progress.update('listing flows', event.pagesDone, Math.max(1, event.pagesTotal), detail);
  else if (event.phase === 'dependencies') progress.update('dependencies', event.flowsDone, event.flowsTotal, detail);
}

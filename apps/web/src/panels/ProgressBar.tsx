import type { CrawlProgress } from '@flowgraph/core';

const ACTIVE = new Set<CrawlProgress['phase']>(['token', 'listing', 'dependencies', 'analyzing']);

/** The crawl's progress from the server's event stream; a one-line summary once it is done. */
export function ProgressBar({ progress }: { progress: CrawlProgress | undefined }) {
  const phase = progress?.phase ?? 'idle';
  const active = ACTIVE.has(phase);
  const fraction = progress && progress.flowsTotal > 0 ? progress.flowsDone / progress.flowsTotal : 0;
  return (
    <div className={`progress ${active ? 'active' : ''}`} data-testid="progress" data-phase={phase}>
      {active && progress ? (
        <>
          <progress max={1} value={fraction} aria-label="Crawl progress" />
          <span>
            {phase} · {progress.flowsDone}/{progress.flowsTotal} flows · {progress.requests} requests
            {progress.rateLimitWaitMs > 0 ? ` · waited ${(progress.rateLimitWaitMs / 1000).toFixed(1)} s for rate limits` : ''}
          </span>
        </>
      ) : (
        <span className="muted">
          {phase === 'done' && progress ? `Crawled ${progress.flowsTotal} flows in ${progress.requests} requests` : ''}
          {phase === 'failed' ? `Crawl failed: ${progress?.message ?? ''}` : ''}
        </span>
      )}
    </div>
  );
}

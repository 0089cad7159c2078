import type { CrawlProgress } from '@flowgraph/core';

const ACTIVE = new Set<CrawlProgress['phase']>(['token', 'listing', 'dependencies', 'analyzing']);

/**
 * The crawl's progress from the server's event stream; a one-line summary once it is done. In
 * files mode (`files`) the server reads files: the summary names the last change it read. Files
 * opened in the page (`opened`) have their own progress (LocalFilesBanner): nothing here.
 */
export function ProgressBar({ progress, source }: { progress: CrawlProgress | undefined; source?: 'files' | 'opened' | undefined }) {
  if (source === 'opened') return <div className="progress" data-testid="progress" data-phase="idle" />;
  const phase = progress?.phase ?? 'idle';
  const active = ACTIVE.has(phase);
  const fraction = progress && progress.flowsTotal > 0 ? progress.flowsDone / progress.flowsTotal : 0;
  return (
    <div className={`progress ${active ? 'active' : ''}`} data-testid="progress" data-phase={phase}>
      {active && progress ? (
        <>
          <progress max={1} value={fraction} aria-label="Crawl progress" />
          <span>
            {source === 'files'
              ? `${phase === 'listing' ? 'reading' : phase} · ${progress.message ?? ''} · ${progress.flowsDone}/${progress.flowsTotal} files`
              : `${phase} · ${progress.flowsDone}/${progress.flowsTotal} flows · ${progress.requests} requests`}
            {progress.rateLimitWaitMs > 0 ? ` · waited ${(progress.rateLimitWaitMs / 1000).toFixed(1)} s for rate limits` : ''}
          </span>
        </>
      ) : (
        <span className="muted">
          {phase === 'done' && progress ? doneSummary(progress, source) : ''}
          {phase === 'failed' ? `${source === 'files' ? 'Reading the files' : 'Crawl'} failed: ${progress?.message ?? ''}` : ''}
        </span>
      )}
    </div>
  );
}

function doneSummary(progress: CrawlProgress, source: 'files' | undefined): string {
  if (source !== 'files') return `Crawled ${progress.flowsTotal} flows in ${progress.requests} requests`;
  const at = progress.graphFetchedAt ? ` at ${new Date(progress.graphFetchedAt).toLocaleTimeString()}` : '';
  return progress.message ? `Re-read ${progress.message}${at}; watching for changes` : `Read the files${at}; watching for changes`;
}

import { useEffect, useState } from 'react';
import type { CrawlProgress, GraphResponse, StaleFlow } from '@flowgraph/core';
import { useRefresh } from './RefreshButton.js';
import './RefreshBanner.css';

interface Props {
  data: GraphResponse | undefined;
  progress: CrawlProgress | undefined;
}

/**
 * Says when the graph on screen is not the org as it is now: the last refresh failed (the
 * server kept the previous graph), or a few flows could not be refreshed and show an earlier
 * crawl's dependencies, or (after a restart) the last stored crawl is shown while a new one
 * runs. With the age of what is shown and, for failures, a retry. Nothing to say, nothing shown.
 */
export function RefreshBanner({ data, progress }: Props) {
  const now = useNow(30_000);
  const refresh = useRefresh();
  // Without a graph the stage itself explains (StatusMessage).
  if (!data) return null;
  const stale = data.source.staleFlows ?? [];
  const failed = progress?.phase === 'failed';
  if (!failed && stale.length === 0 && data.source.restored) {
    // A restart: the last stored crawl is on screen at once, and the new one replaces it when done.
    return (
      <div className="refresh-banner info" role="status" data-testid="refresh-banner">
        <div className="refresh-banner-text">
          <strong>Showing the last stored crawl</strong>, fetched {age(data.source.fetchedAt, now)} (
          {new Date(data.source.fetchedAt).toLocaleString()}); a new crawl is under way and replaces it when done.
        </div>
      </div>
    );
  }
  if (!failed && stale.length === 0) return null;

  const retry = (
    <button type="button" className="button" onClick={() => refresh.mutate()} disabled={refresh.isPending}>
      {refresh.isPending ? 'Starting…' : 'Retry'}
    </button>
  );
  const shown = `Showing the org as fetched ${age(data.source.fetchedAt, now)} (${new Date(data.source.fetchedAt).toLocaleString()}).`;
  return (
    <div className={`refresh-banner ${failed ? 'bad' : 'warn'}`} role="alert" data-testid="refresh-banner">
      <div className="refresh-banner-text">
        {failed ? (
          <>
            <strong>The last refresh failed.</strong> {progress?.message} {shown}
          </>
        ) : (
          <>
            <strong>{data.source.kind === 'files' ? brokenFilesSummary(stale) : staleSummary(stale, now)}</strong>{' '}
            {data.source.kind === 'files' ? 'Their errors are in the Files panel.' : shown}
          </>
        )}
        {refresh.isError && <span className="refresh-banner-error"> Retry refused: {refresh.error.message}</span>}
        {failed && (progress?.errors?.length ?? 0) > 0 && (
          <details>
            <summary>{progress?.failedFlows ?? 0} flow(s) failed; the first errors</summary>
            <ul>
              {progress?.errors?.map((error) => (
                <li key={`${error.flowId ?? ''} ${error.request}`}>
                  {error.flowName ?? error.flowId ?? error.request}: {error.message}
                </li>
              ))}
            </ul>
          </details>
        )}
      </div>
      {(failed || data.source.kind !== 'files') && retry}
    </div>
  );
}

/** Files mode: a file whose newest version is broken keeps its last good flows on screen. */
function brokenFilesSummary(stale: readonly StaleFlow[]): string {
  const names = stale.slice(0, 3).map((flow) => flow.name);
  const more = stale.length > 3 ? ` and ${stale.length - 3} more` : '';
  return `${names.join(', ')}${more}: the file now has errors, so the graph shows the last version without (marked stale).`;
}

function staleSummary(stale: readonly StaleFlow[], now: number): string {
  const names = stale.slice(0, 3).map((flow) => flow.name);
  const more = stale.length > 3 ? ` and ${stale.length - 3} more` : '';
  const oldest = new Date(Math.min(...stale.map((flow) => Date.parse(flow.since)))).toISOString();
  const verb = stale.length === 1 ? 'shows its' : 'show their';
  return (
    `${names.join(', ')}${more} could not be refreshed and ` +
    `${verb} dependencies from an earlier crawl (the oldest fetched ${age(oldest, now)}).`
  );
}

const RELATIVE = new Intl.RelativeTimeFormat('en', { numeric: 'auto' });

/** "3 minutes ago", "2 hours ago": how old the data on screen is. */
function age(iso: string, now: number): string {
  const seconds = Math.round((Date.parse(iso) - now) / 1000);
  if (Number.isNaN(seconds)) return 'at an unknown time';
  const units: Array<[Intl.RelativeTimeFormatUnit, number]> = [
    ['day', 86_400],
    ['hour', 3_600],
    ['minute', 60],
  ];
  for (const [unit, size] of units) if (Math.abs(seconds) >= size) return RELATIVE.format(Math.round(seconds / size), unit);
  return 'just now';
}

/** The current time, updated every `intervalMs`, so the age stays true while the page is open. */
function useNow(intervalMs: number): number {
  const [now, setNow] = useState(() => Date.now());
  useEffect(() => {
    const timer = setInterval(() => setNow(Date.now()), intervalMs);
    return () => clearInterval(timer);
  }, [intervalMs]);
  return now;
}

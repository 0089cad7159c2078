import type { MonitorSummary } from '@flowgraph/genesys';
import type { Colors } from './colors.js';
import { plural, renderTable } from './table.js';

/** Fetch diagnostics: totals, then per endpoint count and latency percentiles. */
export function renderLatencyTable(summary: MonitorSummary, colors: Colors): string {
  const { totals } = summary;
  const head = [
    plural(totals.requests, 'request'),
    plural(totals.retries, 'retry', 'retries'),
    `${totals.rateLimited} × 429`,
    rateLimitWait(totals),
    plural(totals.cacheHits, 'cache hit'),
    plural(totals.errors, 'failed attempt'),
  ].join(' · ');
  const ms = (value: number) => ({ text: `${Math.round(value)} ms`, align: 'right' as const });
  const rows = [
    ['endpoint', 'count', 'p50', 'p95', 'max', 'errors'].map((text) => ({ text, paint: colors.dim })),
    ...summary.endpoints.map((endpoint) => [
      `${endpoint.method} ${endpoint.path}`,
      { text: String(endpoint.count), align: 'right' as const },
      ms(endpoint.p50),
      ms(endpoint.p95),
      ms(endpoint.max),
      { text: String(endpoint.errors), align: 'right' as const, ...(endpoint.errors > 0 ? { paint: colors.red } : {}) },
    ]),
  ];
  return `${colors.bold('Requests')}  ${head}\n${renderTable(rows, '  ').join('\n')}\n`;
}

/** Wall time the crawl lost to the rate limit; the per-request sum too when concurrency made it larger. */
function rateLimitWait(totals: MonitorSummary['totals']): string {
  const seconds = (ms: number) => `${(ms / 1000).toFixed(1)} s`;
  const wall = `${seconds(totals.rateLimitWaitMs)} rate-limit wait`;
  return totals.rateLimitWaitSummedMs > totals.rateLimitWaitMs
    ? `${wall} (${seconds(totals.rateLimitWaitSummedMs)} summed over requests)`
    : wall;
}

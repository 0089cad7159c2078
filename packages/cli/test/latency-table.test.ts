import type { MonitorSummary } from '@flowgraph/genesys';
import { describe, expect, it } from 'vitest';
import { colorsFor } from '../src/render/colors.js';
import { renderLatencyTable } from '../src/render/latency-table.js';

const summary = (rateLimitWaitMs: number, rateLimitWaitSummedMs: number): MonitorSummary => ({
  totals: { requests: 10, retries: 1, rateLimited: 1, errors: 0, rateLimitWaitMs, rateLimitWaitSummedMs, cacheHits: 0, tokenRefreshes: 1 },
  endpoints: [],
});

describe('[U] latency table', () => {
  const colors = colorsFor({ env: { NO_COLOR: '1' }, isTTY: false });

  it('reports the wall time lost to the rate limit, and the per-request sum only under that name', () => {
    expect(renderLatencyTable(summary(12_000, 96_000), colors)).toContain('12.0 s rate-limit wait (96.0 s summed over requests)');
    const single = renderLatencyTable(summary(60_000, 60_000), colors);
    expect(single).toContain('60.0 s rate-limit wait');
    expect(single).not.toContain('summed');
  });
});

import { FlowEntityListingSchema } from '@flowgraph/core';
import {
  crawlOrg,
  createGenesysClient,
  dependencyTypeOf,
  FLOWS_PAGE_SIZE,
  fetchAllPages,
  fetchConsumedResources,
  type GenesysClient,
  versionToCrawl,
} from '@flowgraph/genesys';
import { DEMO_CREDENTIALS, startSimulator } from '@flowgraph/simulator';

export const CRAWL_TARGET_EFFICIENCY = 0.9;

const FLOWS = 1000;
const LATENCY_MS = 100;
// Genesys (and the simulator) count in fixed 60 s windows, so a crawl under the limit of one
// window is never rate-bound: ~1,000 requests at 1,200/min all fit in the first window. At
// 600/min the crawl needs two windows, so it measures how well the client uses the limit.
const RATE_PER_MINUTE = 600;
const WINDOW_MS = 60_000;
const BASELINE_SAMPLE = 30;
// The client's default concurrency (DEFAULT_RATE_LIMIT.maxConcurrent); it bounds the latency-limited part.
const CLIENT_CONCURRENCY = 8;

export interface CrawlBenchResult {
  requests: number;
  rateLimited: number;
  wallMs: number;
  allowedPerSecond: number;
  /** (requests / allowed per second) / wall seconds; over 100% is possible, as a fixed window lets a burst through. */
  efficiency: number;
  /** The fastest any client could finish: full windows, then the rest at the latency-bound rate. */
  idealWallMs: number;
  /** idealWallMs / wallMs. */
  ofIdeal: number;
  baselineSample: number;
  baselineMsPerRequest: number;
  baselineWallMs: number;
  baselineEfficiency: number;
}

/**
 * Crawls a simulated org through the real client and compares it with paging one request at a
 * time, whose cost per request is measured on a small sample against a fresh simulator.
 */
export async function runCrawlBench(): Promise<CrawlBenchResult> {
  const allowedPerSecond = RATE_PER_MINUTE / 60;
  const crawl = await measureCrawl();
  const baselineMsPerRequest = await measureSequentialRequest();
  // One at a time, a crawl takes as long as its requests back to back, and never less than the limit allows.
  const baselineWallMs = Math.max(crawl.requests * baselineMsPerRequest, (crawl.requests / allowedPerSecond) * 1000);
  const efficiency = (wallMs: number) => crawl.requests / allowedPerSecond / (wallMs / 1000);
  const fullWindows = Math.ceil(crawl.requests / RATE_PER_MINUTE) - 1;
  const lastWindowRequests = crawl.requests - fullWindows * RATE_PER_MINUTE;
  const idealWallMs = fullWindows * WINDOW_MS + (lastWindowRequests / CLIENT_CONCURRENCY) * LATENCY_MS;
  return {
    ...crawl,
    allowedPerSecond,
    efficiency: efficiency(crawl.wallMs),
    idealWallMs,
    ofIdeal: idealWallMs / crawl.wallMs,
    baselineSample: BASELINE_SAMPLE,
    baselineMsPerRequest,
    baselineWallMs,
    baselineEfficiency: efficiency(baselineWallMs),
  };
}

async function startBenchSimulator() {
  return startSimulator({ port: 0, flows: FLOWS, seed: 7, faults: 'none', rateLimit: RATE_PER_MINUTE, latencyMs: LATENCY_MS });
}

function benchClient(url: string, maxConcurrent?: number) {
  return createGenesysClient({
    baseUrl: url,
    clientId: DEMO_CREDENTIALS.clientId,
    clientSecret: DEMO_CREDENTIALS.clientSecret,
    cache: false,
    rateLimit: { requestsPerMinute: RATE_PER_MINUTE, ...(maxConcurrent ? { maxConcurrent } : {}) },
  });
}

async function measureCrawl(): Promise<{ requests: number; rateLimited: number; wallMs: number }> {
  const simulator = await startBenchSimulator();
  try {
    const client = benchClient(simulator.url);
    const started = performance.now();
    await crawlOrg(client);
    const wallMs = performance.now() - started;
    const { totals } = client.metrics();
    return { requests: totals.requests, rateLimited: totals.rateLimited, wallMs };
  } finally {
    await simulator.close();
  }
}

/** Mean time of one dependency request when each waits for the previous one. */
async function measureSequentialRequest(): Promise<number> {
  const simulator = await startBenchSimulator();
  try {
    const client = benchClient(simulator.url, 1);
    const flows = (await listFlows(client)).slice(0, BASELINE_SAMPLE);
    const started = performance.now();
    for (const flow of flows) {
      const version = versionToCrawl(flow);
      const objectType = dependencyTypeOf(flow);
      if (version && objectType) await fetchConsumedResources(client, { flowId: flow.id, version: version.id, objectType });
    }
    return (performance.now() - started) / flows.length;
  } finally {
    await simulator.close();
  }
}

async function listFlows(client: GenesysClient) {
  const listing = await fetchAllPages(client, { path: '/api/v2/flows' }, FlowEntityListingSchema, { pageSize: FLOWS_PAGE_SIZE });
  return listing.entities;
}

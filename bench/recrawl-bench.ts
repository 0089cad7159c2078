import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { crawlOrg, createGenesysClient } from '@flowgraph/genesys';
import { DEMO_CREDENTIALS, startSimulator } from '@flowgraph/simulator';
import { openStore, orgKey } from '@flowgraph/store';

/** The target: a re-crawl of an unchanged org costs at most this share of the first crawl's requests. */
export const RECRAWL_TARGET_SHARE = 0.05;

const FLOWS = 1000;
const LATENCY_MS = 100;
const RATE_PER_MINUTE = 600;
const CHANGED = 10;

export interface CrawlFigures {
  requests: number;
  reused: number;
  wallMs: number;
}

export interface RecrawlBenchResult {
  first: CrawlFigures;
  unchanged: CrawlFigures;
  changed: CrawlFigures & { flowsChanged: number };
}

/**
 * First crawl of a 1,000-flow simulated org into a temporary store, then a re-crawl of the
 * unchanged org, then one after new versions of 10 flows were published: requests and wall time
 * of each, through the real client and the real store.
 */
export async function runRecrawlBench(): Promise<RecrawlBenchResult> {
  const simulator = await startSimulator({
    port: 0,
    flows: FLOWS,
    seed: 7,
    faults: 'none',
    rateLimit: RATE_PER_MINUTE,
    latencyMs: LATENCY_MS,
  });
  const dir = await mkdtemp(join(tmpdir(), 'flowgraph-bench-store-'));
  const store = openStore({ dir });
  try {
    const crawl = async (): Promise<CrawlFigures> => {
      // A fresh client each time, as a new `flowgraph fetch` would have.
      const client = createGenesysClient({
        baseUrl: simulator.url,
        ...DEMO_CREDENTIALS,
        cache: false,
        rateLimit: { requestsPerMinute: RATE_PER_MINUTE },
      });
      const org = orgKey({ kind: 'demo', baseUrl: simulator.url });
      const started = performance.now();
      const snapshot = await crawlOrg(client, { reuse: store.versions(org) });
      const wallMs = performance.now() - started;
      store.save(snapshot, { org });
      return { requests: client.metrics().totals.requests, reused: snapshot.stats?.reused ?? 0, wallMs };
    };
    const first = await crawl();
    const unchanged = await crawl();
    const flowsChanged = simulator.publishNewVersions({ count: CHANGED }).length;
    const changed = await crawl();
    return { first, unchanged, changed: { ...changed, flowsChanged } };
  } finally {
    store.close();
    await simulator.close();
    await rm(dir, { recursive: true, force: true });
  }
}

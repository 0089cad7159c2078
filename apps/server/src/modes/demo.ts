import { createGenesysClient } from '@flowgraph/genesys';
import { DEMO_CREDENTIALS, DEMO_ORG_SEED, startSimulator } from '@flowgraph/simulator';
import type { Log } from '../logger.js';
import type { OrgHistory } from '../org/crawl-history.js';
import { CrawlSource } from '../org/crawl-source.js';
import { genesysOrgClient } from '../org/genesys-org-client.js';

export interface DemoOptions {
  flows: number;
  log: Log;
  maxFailedShare?: number;
  history?: OrgHistory;
  /** Flows that publish a new version before each refresh (not the first crawl), so Changes has something to show. */
  changesPerRefresh?: number;
}

/** Demo budget: the real per-token limit (300/min) would make a 300-flow demo take over a minute. */
const DEMO_REQUESTS_PER_MINUTE = 20_000;

/**
 * The demo runs the real path: the simulator answers on loopback in Genesys' shapes, and the
 * real client crawls it with the simulator's demo credentials.
 */
export async function startDemoSource(options: DemoOptions): Promise<CrawlSource> {
  const simulator = await startSimulator({
    port: 0,
    flows: options.flows,
    // The same seed gives the same org, so the demo and the screenshots are repeatable.
    seed: DEMO_ORG_SEED,
    faults: 'none',
    latencyMs: 3,
    rateLimit: DEMO_REQUESTS_PER_MINUTE,
  });
  const client = createGenesysClient({
    baseUrl: simulator.url,
    ...DEMO_CREDENTIALS,
    // Each start is a fresh org; a refresh must see the org as it is now.
    cache: false,
    env: {},
    rateLimit: { requestsPerMinute: DEMO_REQUESTS_PER_MINUTE },
  });
  const orgClient = genesysOrgClient(client, 'demo');
  let crawls = 0;
  const changes = options.changesPerRefresh ?? 0;
  return new CrawlSource({
    info: { kind: 'demo' },
    client: {
      ...orgClient,
      crawl: (onProgress, signal, reuse) => {
        if (crawls++ > 0 && changes > 0) simulator.publishNewVersions({ count: changes });
        return orgClient.crawl(onProgress, signal, reuse);
      },
    },
    log: options.log,
    redact: (text) => text,
    ...(options.maxFailedShare !== undefined ? { maxFailedShare: options.maxFailedShare } : {}),
    ...(options.history ? { history: options.history } : {}),
    onClose: () => simulator.close(),
  });
}

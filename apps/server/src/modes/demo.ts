import { createGenesysClient } from '@flowgraph/genesys';
import { startDemoOrg } from '@flowgraph/simulator';
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

/**
 * The demo runs the real path: the simulator answers on loopback in Genesys' shapes, and the
 * real client crawls it with the demo org's own settings (the same as `flowgraph --demo`).
 */
export async function startDemoSource(options: DemoOptions): Promise<CrawlSource> {
  const demo = await startDemoOrg({ flows: options.flows });
  const orgClient = genesysOrgClient(createGenesysClient(demo.client), 'demo');
  let crawls = 0;
  const changes = options.changesPerRefresh ?? 0;
  return new CrawlSource({
    info: { kind: 'demo' },
    client: {
      ...orgClient,
      crawl: (onProgress, signal, reuse) => {
        if (crawls++ > 0 && changes > 0) demo.publishNewVersions({ count: changes });
        return orgClient.crawl(onProgress, signal, reuse);
      },
    },
    log: options.log,
    redact: (text) => text,
    ...(options.maxFailedShare !== undefined ? { maxFailedShare: options.maxFailedShare } : {}),
    ...(options.history ? { history: options.history } : {}),
    onClose: () => demo.close(),
  });
}

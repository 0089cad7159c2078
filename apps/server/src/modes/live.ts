import { createGenesysClient, type GenesysConfig } from '@flowgraph/genesys';
import { createRedactor, type Log } from '../logger.js';
import type { OrgHistory } from '../org/crawl-history.js';
import { CrawlSource } from '../org/crawl-source.js';
import { genesysOrgClient } from '../org/genesys-org-client.js';

/**
 * A real org. The client reaches only the configured region's api./login. hosts (or a loopback
 * base URL, which @flowgraph/genesys refuses for anything but 127.0.0.0/8, localhost, [::1]).
 */
export function createLiveSource(config: GenesysConfig, log: Log, maxFailedShare?: number, history?: OrgHistory): CrawlSource {
  const client = createGenesysClient({ config, cache: false });
  return new CrawlSource({
    info: { kind: 'live', ...(config.endpoints.region ? { region: config.endpoints.region } : {}) },
    client: genesysOrgClient(client, 'live'),
    log,
    redact: createRedactor([config.clientSecret.reveal()]),
    ...(maxFailedShare !== undefined ? { maxFailedShare } : {}),
    ...(history ? { history } : {}),
  });
}

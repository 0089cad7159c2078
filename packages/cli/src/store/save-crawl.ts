import type { Snapshot } from '@flowgraph/core';
import type { GenesysClient, StoredFlowVersions } from '@flowgraph/genesys';
import { type CrawlStats, openStore, orgKey, type SnapshotRecord, type SnapshotStore } from '@flowgraph/store';

export { crawlStatsOf } from '@flowgraph/store';
import type { CliIo } from '../io.js';
import { dataDirOf } from './data-dir.js';

/**
 * A crawl with the store: the org's stored flow versions to reuse (unless `full`), and `save` to
 * keep the snapshot. Without a store (`--no-store`) both are no-ops.
 */
export interface CrawlStore {
  org: string;
  reuse?: StoredFlowVersions;
  save(snapshot: Snapshot, stats: CrawlStats, keep?: number): SnapshotRecord | undefined;
  close(): void;
}

export function crawlStore(
  io: CliIo,
  client: GenesysClient,
  options: { store: boolean; full: boolean; sourceKind: Snapshot['source']['kind'] },
): CrawlStore {
  const { region, apiBaseUrl } = client.endpoints;
  const org = orgKey(region ? { kind: options.sourceKind, region } : { kind: options.sourceKind, baseUrl: apiBaseUrl }, client.clientId);
  if (!options.store) return { org, save: () => undefined, close: () => {} };
  const store: SnapshotStore = openStore({ dir: dataDirOf(io) });
  return {
    org,
    ...(options.full ? {} : { reuse: store.versions(org) }),
    save(snapshot, stats, keep) {
      const record = store.save(snapshot, { org, crawl: stats });
      if (keep !== undefined) store.prune({ keep, org });
      return record;
    },
    close: () => store.close(),
  };
}

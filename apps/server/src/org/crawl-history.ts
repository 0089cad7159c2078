import type { Snapshot } from '@flowgraph/core';
import type { StoredFlowVersions } from '@flowgraph/genesys';
import type { CrawlStats, SnapshotRecord, SnapshotStore } from '@flowgraph/store';
import type { Log } from '../logger.js';

/**
 * One org's history in the store, as the server uses it: the newest snapshot to serve at once on
 * start, the stored flow versions an incremental crawl reuses, and every accepted crawl saved
 * (then pruned to the newest `keep`). A store that fails is logged and worked around: the server
 * keeps crawling and serving without history rather than stop.
 */
export class OrgHistory {
  constructor(
    private readonly store: SnapshotStore,
    readonly org: string,
    private readonly keep: number,
    private readonly log: Log,
  ) {}

  latest(): { record: SnapshotRecord; snapshot: Snapshot } | undefined {
    try {
      const record = this.store.latest(this.org);
      return record === undefined ? undefined : { record, snapshot: this.store.load(record.id) };
    } catch (error) {
      this.log(`flowgraph: could not read the stored snapshots of ${this.org}: ${messageOf(error)}`);
      return undefined;
    }
  }

  reuse(): StoredFlowVersions {
    const versions = this.store.versions(this.org);
    return {
      lookup: (flowId, version, objectType) => {
        try {
          return versions.lookup(flowId, version, objectType);
        } catch {
          return undefined;
        }
      },
    };
  }

  save(snapshot: Snapshot, crawl: CrawlStats): SnapshotRecord | undefined {
    try {
      const record = this.store.save(snapshot, { org: this.org, crawl });
      this.store.prune({ keep: this.keep, org: this.org });
      return record;
    } catch (error) {
      this.log(`flowgraph: could not store the crawl of ${snapshot.fetchedAt}: ${messageOf(error)}`);
      return undefined;
    }
  }

  /** Newest first. */
  list(): SnapshotRecord[] {
    return this.store.list({ org: this.org });
  }

  /** A stored snapshot of this org, or undefined when there is no such one. */
  load(id: number): { record: SnapshotRecord; snapshot: Snapshot } | undefined {
    const record = this.store.record(id);
    if (record === undefined || record.org !== this.org) return undefined;
    return { record, snapshot: this.store.load(id) };
  }

  close(): void {
    this.store.close();
  }
}

function messageOf(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}

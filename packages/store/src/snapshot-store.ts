import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { gunzipSync, gzipSync } from 'node:zlib';
import { type GenesysDependency, SNAPSHOT_FORMAT, type Snapshot } from '@flowgraph/core';
import type Database from 'better-sqlite3';
import { openDatabase, STORE_FILE } from './database.js';
import { type CrawlStats, CrawlStatsSchema, type SnapshotRecord } from './records.js';
import { parseSnapshotRef } from './refs.js';
import { sourceLabel } from './org-key.js';

export { STORE_FILE };

export interface OpenStoreOptions {
  /** The data directory (see `resolveDataDir`); created with a `.gitignore` when missing. */
  dir: string;
  /** Clock for `savedAt` and migration records; default now. */
  now?: () => Date;
}

/** A stored flow version's consumed resources, for an incremental crawl to reuse. */
export interface VersionLookup {
  lookup(flowId: string, version: string, objectType: string): GenesysDependency[] | undefined;
}

export class StoreError extends Error {
  override name = 'StoreError';
}

interface SnapshotRow {
  id: number;
  org: string;
  source_kind: SnapshotRecord['source']['kind'];
  source_label: string;
  fetched_at: string;
  saved_at: string;
  flows: number;
  fetched: number;
  failed: number;
  body_bytes: number;
  stored_bytes: number;
  crawl: string | null;
}

const RECORD_COLUMNS =
  'id, org, source_kind, source_label, fetched_at, saved_at, flows, fetched, failed, body_bytes, length(body) AS stored_bytes, crawl';

/**
 * The embedded store: SQLite through better-sqlite3, WAL mode, so readers (the web server, a
 * `history` command) never wait for a crawl being written and a crash mid-write (even kill -9)
 * leaves every earlier snapshot intact: a snapshot and its flow versions are one transaction.
 * Snapshots are stored whole, gzipped; flow versions (consumed resources by flow id and version
 * id) are kept apart so a later crawl can reuse them.
 */
export class SnapshotStore {
  readonly path: string;
  readonly #db: Database.Database;
  readonly #now: () => Date;

  constructor(options: OpenStoreOptions) {
    this.#now = options.now ?? (() => new Date());
    this.path = join(options.dir, STORE_FILE);
    this.#db = openDatabase({ dir: options.dir }, this.#now);
  }

  /** Stores a snapshot and records its flow versions for reuse, in one transaction; returns its record. */
  save(snapshot: Snapshot, options: { org: string; crawl?: CrawlStats }): SnapshotRecord {
    const json = JSON.stringify(snapshot);
    const body = gzipSync(json, { level: 6 });
    const stats = snapshot.stats ?? {
      listed: snapshot.flows.length,
      fetched: snapshot.flows.length - snapshot.errors.length,
      failed: snapshot.errors.length,
    };
    const insert = this.#db.prepare(
      `INSERT INTO snapshots (org, source_kind, source_label, fetched_at, saved_at, flows, fetched, failed, body, body_bytes, crawl)
       VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
    );
    const upsertVersion = this.#db.prepare(
      `INSERT INTO flow_versions (org, flow_id, version, object_type, resources, first_seen, last_seen) VALUES (?, ?, ?, ?, ?, ?, ?)
       ON CONFLICT (org, flow_id, version, object_type) DO UPDATE SET last_seen = excluded.last_seen`,
    );
    const id = this.#db
      .transaction(() => {
        const { lastInsertRowid } = insert.run(
          options.org,
          snapshot.source.kind,
          sourceLabel(snapshot.source),
          snapshot.fetchedAt,
          this.#now().toISOString(),
          stats.listed,
          stats.fetched,
          stats.failed,
          body,
          Buffer.byteLength(json),
          options.crawl === undefined ? null : JSON.stringify(options.crawl),
        );
        const snapshotId = Number(lastInsertRowid);
        for (const [flowId, consumed] of Object.entries(snapshot.consumedResources)) {
          upsertVersion.run(
            options.org,
            flowId,
            consumed.version,
            consumed.objectType,
            JSON.stringify(consumed.resources),
            snapshotId,
            snapshotId,
          );
        }
        return snapshotId;
      })
      .immediate();
    return this.record(id) as SnapshotRecord;
  }

  /** Newest first; only `org`'s when given. */
  list(options: { org?: string; limit?: number } = {}): SnapshotRecord[] {
    const where = options.org === undefined ? '' : 'WHERE org = @org';
    const limit = options.limit === undefined ? '' : 'LIMIT @limit';
    const rows = this.#db.prepare(`SELECT ${RECORD_COLUMNS} FROM snapshots ${where} ORDER BY id DESC ${limit}`).all({
      ...(options.org === undefined ? {} : { org: options.org }),
      ...(options.limit === undefined ? {} : { limit: options.limit }),
    }) as SnapshotRow[];
    return rows.map(toRecord);
  }

  record(id: number): SnapshotRecord | undefined {
    const row = this.#db.prepare(`SELECT ${RECORD_COLUMNS} FROM snapshots WHERE id = ?`).get(id) as SnapshotRow | undefined;
    return row === undefined ? undefined : toRecord(row);
  }

  /** The newest snapshot of an org (the one a server starts from), if any. */
  latest(org?: string): SnapshotRecord | undefined {
    return this.list({ ...(org === undefined ? {} : { org }), limit: 1 })[0];
  }

  /** `@3`, `@latest`, `@previous` (of `org` when given) -> its record; a clear StoreError otherwise. */
  resolve(ref: string, org?: string): SnapshotRecord {
    const parsed = parseSnapshotRef(ref);
    if (parsed === undefined) throw new StoreError(`"${ref}" is not a snapshot reference: use @<id>, @latest or @previous`);
    if (parsed.kind === 'id') {
      const found = this.record(parsed.id);
      if (found === undefined) throw new StoreError(`no snapshot ${ref} in ${this.path} (see "flowgraph history")`);
      return found;
    }
    const found = this.list({ ...(org === undefined ? {} : { org }), limit: parsed.back + 1 })[parsed.back];
    if (found === undefined) {
      const have = this.list(org === undefined ? {} : { org }).length;
      throw new StoreError(
        `${ref} needs ${parsed.back + 1} stored snapshot${parsed.back === 0 ? '' : 's'}${org ? ` of ${org}` : ''}; ${have} in ${this.path}`,
      );
    }
    return found;
  }

  /** The stored snapshot, as it was saved. */
  load(id: number): Snapshot {
    const row = this.#db.prepare('SELECT body FROM snapshots WHERE id = ?').get(id) as { body: Buffer } | undefined;
    if (row === undefined) throw new StoreError(`no snapshot @${id} in ${this.path}`);
    const snapshot = JSON.parse(gunzipSync(row.body).toString('utf8')) as Snapshot;
    if (snapshot.format !== SNAPSHOT_FORMAT) throw new StoreError(`snapshot @${id} in ${this.path} is not a Flowgraph snapshot`);
    return snapshot;
  }

  /** Stored flow versions of one org, for `crawlOrg`'s reuse. */
  versions(org: string): VersionLookup {
    const select = this.#db.prepare(
      'SELECT resources FROM flow_versions WHERE org = ? AND flow_id = ? AND version = ? AND object_type = ?',
    );
    return {
      lookup(flowId, version, objectType) {
        const row = select.get(org, flowId, version, objectType) as { resources: string } | undefined;
        return row === undefined ? undefined : (JSON.parse(row.resources) as GenesysDependency[]);
      },
    };
  }

  /**
   * Keeps the newest `keep` snapshots of each org (of `org` only, when given) and the flow
   * versions any of them used; removes the rest. Returns what was removed.
   */
  prune(options: { keep: number; org?: string }): { snapshots: number; flowVersions: number } {
    if (!Number.isInteger(options.keep) || options.keep < 0) throw new StoreError(`--keep must be a whole number ≥ 0, not ${options.keep}`);
    return this.#db
      .transaction(() => {
        const orgs =
          options.org === undefined ? (this.#db.prepare('SELECT DISTINCT org FROM snapshots').pluck().all() as string[]) : [options.org];
        let snapshots = 0;
        let flowVersions = 0;
        for (const org of orgs) {
          const kept = this.#db
            .prepare('SELECT id FROM snapshots WHERE org = ? ORDER BY id DESC LIMIT ?')
            .pluck()
            .all(org, options.keep) as number[];
          const oldestKept = kept.length === 0 ? Number.MAX_SAFE_INTEGER : Math.min(...kept);
          snapshots += this.#db.prepare('DELETE FROM snapshots WHERE org = ? AND id < ?').run(org, oldestKept).changes;
          flowVersions += this.#db.prepare('DELETE FROM flow_versions WHERE org = ? AND last_seen < ?').run(org, oldestKept).changes;
        }
        return { snapshots, flowVersions };
      })
      .immediate();
  }

  /** Runs SQLite's own consistency check: `ok` when the file is sound. */
  integrity(): string {
    return String(this.#db.pragma('integrity_check', { simple: true }));
  }

  close(): void {
    if (this.#db.open) this.#db.close();
  }
}

function toRecord(row: SnapshotRow): SnapshotRecord {
  const crawl = row.crawl === null ? undefined : CrawlStatsSchema.safeParse(JSON.parse(row.crawl));
  return {
    id: row.id,
    org: row.org,
    source: { kind: row.source_kind, label: row.source_label },
    fetchedAt: row.fetched_at,
    savedAt: row.saved_at,
    stats: { flows: row.flows, fetched: row.fetched, failed: row.failed },
    ...(crawl?.success ? { crawl: crawl.data } : {}),
    bytes: row.body_bytes,
    storedBytes: row.stored_bytes,
  };
}

/** Opens (creating when missing) the store in `dir`. */
export function openStore(options: OpenStoreOptions): SnapshotStore {
  return new SnapshotStore(options);
}

/** Opens the store only if one exists there: read-only commands never create one. */
export function openExistingStore(options: OpenStoreOptions): SnapshotStore | undefined {
  return existsSync(join(options.dir, STORE_FILE)) ? new SnapshotStore(options) : undefined;
}

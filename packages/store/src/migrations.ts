import type { Database } from 'better-sqlite3';

export interface Migration {
  version: number;
  name: string;
  up(db: Database): void;
}

/**
 * The schema, one step per version, never edited once released: a store written by an older
 * Flowgraph is brought up to date step by step. `schema_migrations` records each step applied.
 */
export const MIGRATIONS: readonly Migration[] = [
  {
    version: 1,
    name: 'snapshots',
    up(db) {
      db.exec(`
        CREATE TABLE snapshots (
          id INTEGER PRIMARY KEY AUTOINCREMENT,
          org TEXT NOT NULL,
          source_kind TEXT NOT NULL,
          source_label TEXT NOT NULL,
          fetched_at TEXT NOT NULL,
          saved_at TEXT NOT NULL,
          flows INTEGER NOT NULL,
          fetched INTEGER NOT NULL,
          failed INTEGER NOT NULL,
          body BLOB NOT NULL,
          body_bytes INTEGER NOT NULL
        );
        CREATE INDEX snapshots_by_org ON snapshots (org, id);
      `);
    },
  },
  {
    version: 2,
    name: 'flow versions for incremental crawls',
    up(db) {
      db.exec(`
        ALTER TABLE snapshots ADD COLUMN crawl TEXT;
        CREATE TABLE flow_versions (
          org TEXT NOT NULL,
          flow_id TEXT NOT NULL,
          version TEXT NOT NULL,
          object_type TEXT NOT NULL,
          resources TEXT NOT NULL,
          first_seen INTEGER NOT NULL,
          last_seen INTEGER NOT NULL,
          PRIMARY KEY (org, flow_id, version, object_type)
        ) WITHOUT ROWID;
      `);
    },
  },
  {
    version: 3,
    name: 'sign-in sessions',
    up(db) {
      // Ids are stored as SHA-256 hashes only: a copy of the file opens no session. Payloads are
      // sealed by the server (tokens encrypted); the store never reads them.
      db.exec(`
        CREATE TABLE sessions (
          id_hash TEXT PRIMARY KEY,
          person_id TEXT NOT NULL,
          org TEXT NOT NULL,
          payload BLOB NOT NULL,
          created_at INTEGER NOT NULL,
          last_seen_at INTEGER NOT NULL,
          expires_at INTEGER NOT NULL,
          replaced_by TEXT
        ) WITHOUT ROWID;
        CREATE INDEX sessions_by_person ON sessions (person_id);
        CREATE INDEX sessions_by_expiry ON sessions (expires_at);
        CREATE TABLE pending_logins (
          id_hash TEXT PRIMARY KEY,
          payload BLOB NOT NULL,
          expires_at INTEGER NOT NULL
        ) WITHOUT ROWID;
        CREATE INDEX pending_logins_by_expiry ON pending_logins (expires_at);
      `);
    },
  },
];

export const SCHEMA_VERSION = MIGRATIONS.length;

/** The version a store is at: 0 for an empty file. */
export function schemaVersion(db: Database): number {
  const table = db.prepare("SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = 'schema_migrations'").get();
  if (table === undefined) return 0;
  const row = db.prepare('SELECT MAX(version) AS version FROM schema_migrations').get() as { version: number | null };
  return row.version ?? 0;
}

/**
 * Applies every step above the store's version, each in its own transaction with its record, so
 * a crash mid-migration leaves the store at the last whole step. `upTo` stops early (tests build
 * an older store with it). A store newer than this code is refused rather than misread.
 */
export function migrate(db: Database, upTo = SCHEMA_VERSION, now: () => Date = () => new Date()): number {
  db.exec('CREATE TABLE IF NOT EXISTS schema_migrations (version INTEGER PRIMARY KEY, name TEXT NOT NULL, applied_at TEXT NOT NULL)');
  const current = schemaVersion(db);
  if (current > SCHEMA_VERSION) {
    throw new StoreVersionError(
      `written by a newer Flowgraph (schema version ${current}; this version reads up to ${SCHEMA_VERSION}): upgrade Flowgraph`,
    );
  }
  const record = db.prepare('INSERT INTO schema_migrations (version, name, applied_at) VALUES (?, ?, ?)');
  for (const migration of MIGRATIONS) {
    if (migration.version <= current || migration.version > upTo) continue;
    db.transaction(() => {
      // Another process may have applied it while this one waited for the write lock.
      if (schemaVersion(db) >= migration.version) return;
      migration.up(db);
      record.run(migration.version, migration.name, now().toISOString());
    }).immediate();
  }
  return schemaVersion(db);
}

export class StoreVersionError extends Error {
  override name = 'StoreVersionError';
}

export { DEFAULT_DATA_DIR, resolveDataDir } from './data-dir.js';
export type { StoreLocation } from './database.js';
export { MIGRATIONS, type Migration, migrate, SCHEMA_VERSION, StoreVersionError, schemaVersion } from './migrations.js';
export { demoOrgKey, orgKey, sourceLabel } from './org-key.js';
export { type CrawlStats, CrawlStatsSchema, crawlStatsOf, type SnapshotRecord } from './records.js';
export { isSnapshotRef, parseSnapshotRef, type SnapshotRef } from './refs.js';
export {
  type OpenStoreOptions,
  openExistingStore,
  openStore,
  STORE_FILE,
  StoreError,
  SnapshotStore,
  type VersionLookup,
} from './snapshot-store.js';
export { type NewSession, type SessionPolicy, SessionStore, type SessionStoreOptions, type StoredSession } from './session-store.js';

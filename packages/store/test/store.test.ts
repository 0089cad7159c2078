import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import Database from 'better-sqlite3';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { migrate, SCHEMA_VERSION, schemaVersion } from '../src/migrations.js';
import { openExistingStore, openStore, STORE_FILE, type SnapshotStore } from '../src/snapshot-store.js';
import { sampleSnapshot } from './sample-snapshot.js';

let dir: string;
let store: SnapshotStore | undefined;

beforeEach(async () => {
  dir = await mkdtemp(join(tmpdir(), 'flowgraph-store-'));
});
afterEach(async () => {
  store?.close();
  store = undefined;
  await rm(dir, { recursive: true, force: true });
});

describe('[U] SnapshotStore', () => {
  it('creates the folder with a .gitignore, saves and loads snapshots, newest first', () => {
    store = openStore({ dir: join(dir, 'data'), now: () => new Date('2026-05-01T10:00:00Z') });
    const first = store.save(sampleSnapshot(3, '1.0'), { org: 'demo' });
    const second = store.save(sampleSnapshot(4, '2.0'), {
      org: 'demo',
      crawl: { requests: 9, flowsListed: 4, flowsFetched: 1, flowsReused: 3, failed: 0 },
    });
    store.save(sampleSnapshot(1, '1.0'), { org: 'other' });
    expect(store.list({ org: 'demo' }).map((record) => record.id)).toEqual([second.id, first.id]);
    expect(second).toMatchObject({
      org: 'demo',
      stats: { flows: 4, fetched: 4, failed: 0 },
      crawl: { flowsReused: 3 },
      savedAt: '2026-05-01T10:00:00.000Z',
    });
    expect(second.storedBytes).toBeLessThan(second.bytes);
    expect(store.load(first.id)).toEqual(sampleSnapshot(3, '1.0'));
    expect(openExistingStore({ dir: join(dir, 'nothing-here') })).toBeUndefined();
  });

  it('resolves @id, @latest and @previous, per org, with clear errors', () => {
    store = openStore({ dir });
    const a = store.save(sampleSnapshot(1, '1.0'), { org: 'demo' });
    const b = store.save(sampleSnapshot(1, '2.0'), { org: 'demo' });
    const c = store.save(sampleSnapshot(1, '1.0'), { org: 'other' });
    expect(store.resolve('@latest').id).toBe(c.id);
    expect(store.resolve('@latest', 'demo').id).toBe(b.id);
    expect(store.resolve('@previous', 'demo').id).toBe(a.id);
    expect(store.resolve(`@${a.id}`).id).toBe(a.id);
    expect(() => store?.resolve('@99')).toThrow(/no snapshot @99/);
    expect(() => store?.resolve('@previous', 'other')).toThrow(/@previous needs 2 stored snapshots of other; 1 in/);
    expect(() => store?.resolve('@newest')).toThrow(/not a snapshot reference/);
  });

  it('keeps flow versions for reuse and prunes old snapshots with the versions only they used', () => {
    store = openStore({ dir });
    store.save(sampleSnapshot(2, '1.0'), { org: 'demo' });
    store.save(sampleSnapshot(2, '2.0'), { org: 'demo' });
    const versions = store.versions('demo');
    expect(versions.lookup('flow-0', '1.0', 'INBOUNDCALLFLOW')).toEqual(sampleSnapshot(2, '1.0').consumedResources['flow-0']?.resources);
    expect(versions.lookup('flow-0', '3.0', 'INBOUNDCALLFLOW')).toBeUndefined();
    expect(store.versions('other').lookup('flow-0', '1.0', 'INBOUNDCALLFLOW')).toBeUndefined();

    expect(store.prune({ keep: 1 })).toEqual({ snapshots: 1, flowVersions: 2 });
    expect(store.list().length).toBe(1);
    expect(versions.lookup('flow-0', '1.0', 'INBOUNDCALLFLOW')).toBeUndefined();
    expect(versions.lookup('flow-0', '2.0', 'INBOUNDCALLFLOW')).toBeDefined();
    expect(() => store?.prune({ keep: -1 })).toThrow(/whole number/);
  });
});

describe('[U] store migrations', () => {
  it('builds the current schema on an empty file', () => {
    store = openStore({ dir });
    store.close();
    const db = new Database(join(dir, STORE_FILE));
    expect(schemaVersion(db)).toBe(SCHEMA_VERSION);
    expect(db.pragma('journal_mode', { simple: true })).toBe('wal');
    const applied = db.prepare('SELECT version FROM schema_migrations ORDER BY version').pluck().all();
    expect(applied).toEqual(Array.from({ length: SCHEMA_VERSION }, (_, i) => i + 1));
    db.close();
  });

  it('upgrades a store of the previous schema and keeps its snapshots', () => {
    const db = new Database(join(dir, STORE_FILE));
    migrate(db, SCHEMA_VERSION - 1);
    expect(schemaVersion(db)).toBe(SCHEMA_VERSION - 1);
    // A snapshot as the previous version wrote it.
    const snapshot = sampleSnapshot(2, '1.0');
    const json = JSON.stringify(snapshot);
    db.prepare(
      `INSERT INTO snapshots (org, source_kind, source_label, fetched_at, saved_at, flows, fetched, failed, body, body_bytes)
       VALUES ('demo', 'demo', 'demo', ?, ?, 2, 2, 0, ?, ?)`,
    ).run(snapshot.fetchedAt, snapshot.fetchedAt, gzipSync(json), json.length);
    db.close();

    store = openStore({ dir });
    const [record] = store.list();
    expect(record).toMatchObject({ org: 'demo', stats: { flows: 2 } });
    expect(record?.crawl).toBeUndefined();
    expect(store.load(record?.id ?? 0)).toEqual(snapshot);
    store.save(sampleSnapshot(2, '2.0'), { org: 'demo' });
    expect(store.versions('demo').lookup('flow-1', '2.0', 'INBOUNDCALLFLOW')).toBeDefined();
  });

  it('refuses a store written by a newer version', () => {
    const db = new Database(join(dir, STORE_FILE));
    migrate(db);
    db.prepare("INSERT INTO schema_migrations (version, name, applied_at) VALUES (?, 'future', 'now')").run(SCHEMA_VERSION + 1);
    db.close();
    expect(() => openStore({ dir })).toThrow(/newer Flowgraph \(schema version \d+; this version reads up to \d+\)/);
  });
});

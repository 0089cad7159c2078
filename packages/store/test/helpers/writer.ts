/**
 * A store writer in its own process, for the crash and concurrency tests: saves `count`
 * snapshots of `flows` flows each, printing `saved <n>` after each commit. With `hang`, it then
 * opens a write transaction, writes a large row into it, prints `in transaction` and waits
 * there until it is killed.
 * Usage: writer.ts <dir> <count> <flows> [hang]
 */
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { openStore, STORE_FILE } from '../../src/snapshot-store.js';
import { sampleSnapshot } from '../sample-snapshot.js';

const [dir, count, flows, hang] = process.argv.slice(2);
const store = openStore({ dir: dir as string });
for (let i = 1; i <= Number(count); i++) {
  store.save(sampleSnapshot(Number(flows), `${i}.0`, 200), { org: 'demo' });
  process.stdout.write(`saved ${i}\n`);
}
store.close();
if (hang === 'hang') {
  const db = new Database(join(dir as string, STORE_FILE));
  db.exec('BEGIN IMMEDIATE');
  db.prepare(
    `INSERT INTO snapshots (org, source_kind, source_label, fetched_at, saved_at, flows, fetched, failed, body, body_bytes)
     VALUES ('demo', 'demo', 'unfinished', '', '', 0, 0, 0, ?, 0)`,
  ).run(Buffer.alloc(8 * 1024 * 1024, 7));
  process.stdout.write('in transaction\n');
  setInterval(() => {}, 1000);
}

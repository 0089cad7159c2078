import { existsSync, mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { migrate } from './migrations.js';

export const STORE_FILE = 'flowgraph.db';

/** Where a store lives: a data directory (one SQLite file in it), or memory only (nothing survives the process). */
export type StoreLocation = { dir: string } | { memory: true };

/**
 * Opens (creating when needed) the store's SQLite file with the settings every connection uses,
 * and brings its schema up to date. Several connections may share one file (the snapshot store
 * and the session store): WAL lets readers and a writer work at once.
 */
export function openDatabase(location: StoreLocation, now: () => Date): Database.Database {
  let db: Database.Database;
  if ('memory' in location) db = new Database(':memory:');
  else {
    if (!existsSync(location.dir)) {
      mkdirSync(location.dir, { recursive: true });
      // Whatever repository the folder lands in, git leaves it alone.
      writeFileSync(join(location.dir, '.gitignore'), '*\n');
    }
    db = new Database(join(location.dir, STORE_FILE));
  }
  try {
    db.pragma('journal_mode = WAL');
    // WAL + NORMAL: a committed transaction survives a crash of the process (not of the machine's power).
    db.pragma('synchronous = NORMAL');
    db.pragma('busy_timeout = 10000');
    migrate(db, undefined, now);
  } catch (error) {
    db.close();
    throw error;
  }
  return db;
}

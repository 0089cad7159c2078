import { createHash, randomBytes } from 'node:crypto';
import type Database from 'better-sqlite3';
import { openDatabase, type StoreLocation } from './database.js';

/** How long a session lives. */
export interface SessionPolicy {
  /** A session unused this long ends (idle expiry). */
  idleMs: number;
  /** A session ends this long after sign-in, however busy (absolute expiry). */
  absoluteMs: number;
  /** After a rotation the replaced id still works this long, for requests already in flight. */
  rotationGraceMs: number;
}

export interface NewSession {
  personId: string;
  /** The org key the person signed in to. */
  org: string;
  /** Sealed by the caller (it holds tokens); stored and returned as is. */
  payload: Buffer;
}

export interface StoredSession extends NewSession {
  createdAt: number;
  lastSeenAt: number;
  /** Absolute expiry. */
  expiresAt: number;
  /** When it ends if unused from now on: the idle expiry, or the absolute one if sooner. */
  idleExpiresAt: number;
}

export interface SessionStoreOptions {
  location: StoreLocation;
  policy: SessionPolicy;
  /** Milliseconds since the epoch; tests move it instead of waiting. */
  now?: () => number;
}

interface SessionRow {
  id_hash: string;
  person_id: string;
  org: string;
  payload: Buffer;
  created_at: number;
  last_seen_at: number;
  expires_at: number;
  replaced_by: string | null;
}

/** 256 random bits, URL-safe: the cookie value. Never stored; only its hash is. */
function newId(): string {
  return randomBytes(32).toString('base64url');
}

function hashOf(id: string): string {
  return createHash('sha256').update(id, 'utf8').digest('hex');
}

/**
 * Sign-in sessions and the logins under way, in the store's SQLite file. A session id is an
 * opaque random value the browser holds in a cookie; the table keeps its SHA-256 only. Expiry is
 * decided here, on the injected clock: idle (`lastSeenAt + idleMs`) and absolute (`createdAt +
 * absoluteMs`), whichever comes first; an expired session is deleted when it is next asked for,
 * and `sweep()` deletes the rest.
 */
export class SessionStore {
  readonly #db: Database.Database;
  readonly #policy: SessionPolicy;
  readonly #now: () => number;
  /** `lastSeenAt` is written at most this often per session: not one write per request. */
  readonly #touchEveryMs: number;

  constructor(options: SessionStoreOptions) {
    this.#now = options.now ?? Date.now;
    this.#policy = options.policy;
    this.#touchEveryMs = Math.min(60_000, Math.floor(options.policy.idleMs / 10));
    this.#db = openDatabase(options.location, () => new Date(this.#now()));
  }

  /** Starts a session; returns its id (for the cookie) and what is stored. */
  create(session: NewSession): { id: string; session: StoredSession } {
    const id = newId();
    const now = this.#now();
    const expiresAt = now + this.#policy.absoluteMs;
    this.#db
      .prepare('INSERT INTO sessions (id_hash, person_id, org, payload, created_at, last_seen_at, expires_at) VALUES (?, ?, ?, ?, ?, ?, ?)')
      .run(hashOf(id), session.personId, session.org, session.payload, now, now, expiresAt);
    return { id, session: { ...session, createdAt: now, lastSeenAt: now, expiresAt, idleExpiresAt: this.#idleExpiry(now, expiresAt) } };
  }

  /**
   * The live session behind `id`, or undefined when there is none or it expired (then it is
   * deleted). A replaced id (see `rotate`) leads to its successor during the grace period.
   */
  get(id: string): StoredSession | undefined {
    const row = this.#live(hashOf(id));
    return row === undefined ? undefined : this.#toSession(row);
  }

  /** Records use of the session (idle expiry counts from here). */
  touch(id: string): void {
    const row = this.#live(hashOf(id));
    if (row === undefined) return;
    const now = this.#now();
    if (now - row.last_seen_at < this.#touchEveryMs) return;
    this.#db.prepare('UPDATE sessions SET last_seen_at = ? WHERE id_hash = ?').run(now, row.id_hash);
  }

  /** Replaces the sealed payload (new tokens after a refresh); false when the session is gone. */
  update(id: string, payload: Buffer): boolean {
    const row = this.#live(hashOf(id));
    if (row === undefined) return false;
    return this.#db.prepare('UPDATE sessions SET payload = ? WHERE id_hash = ?').run(payload, row.id_hash).changes === 1;
  }

  /**
   * Gives the session a new id and retires the old one, which keeps working for
   * `rotationGraceMs` (requests the browser sent before it saw the new cookie). Undefined when
   * the session is gone or `id` is itself already replaced.
   */
  rotate(id: string): string | undefined {
    const oldHash = hashOf(id);
    const fresh = newId();
    const now = this.#now();
    const rotated = this.#db.transaction(() => {
      const row = this.#db.prepare('SELECT * FROM sessions WHERE id_hash = ?').get(oldHash) as SessionRow | undefined;
      if (row === undefined || row.replaced_by !== null || this.#expired(row, now)) return false;
      this.#db
        .prepare(
          'INSERT INTO sessions (id_hash, person_id, org, payload, created_at, last_seen_at, expires_at) VALUES (?, ?, ?, ?, ?, ?, ?)',
        )
        .run(hashOf(fresh), row.person_id, row.org, row.payload, row.created_at, now, row.expires_at);
      this.#db
        .prepare('UPDATE sessions SET replaced_by = ?, expires_at = ? WHERE id_hash = ?')
        .run(hashOf(fresh), Math.min(row.expires_at, now + this.#policy.rotationGraceMs), oldHash);
      return true;
    })();
    return rotated ? fresh : undefined;
  }

  /** Ends the session (and the ids it replaced or was replaced by). True when there was one. */
  delete(id: string): boolean {
    const live = this.#live(hashOf(id));
    if (live === undefined) return false;
    this.#db.prepare('DELETE FROM sessions WHERE id_hash = ? OR replaced_by = ?').run(live.id_hash, live.id_hash);
    return true;
  }

  /** Live sessions of a person (to know whether anything of theirs is still signed in). */
  countForPerson(personId: string): number {
    const now = this.#now();
    const rows = this.#db.prepare('SELECT * FROM sessions WHERE person_id = ? AND replaced_by IS NULL').all(personId) as SessionRow[];
    return rows.filter((row) => !this.#expired(row, now)).length;
  }

  /** Deletes every expired session and pending login; returns how many sessions went. */
  sweep(): number {
    const now = this.#now();
    this.#db.prepare('DELETE FROM pending_logins WHERE expires_at <= ?').run(now);
    return this.#db.prepare('DELETE FROM sessions WHERE expires_at <= ? OR last_seen_at <= ?').run(now, now - this.#policy.idleMs).changes;
  }

  /** Keeps what a login under way needs until the identity provider sends the person back (sealed by the caller). */
  savePendingLogin(payload: Buffer, ttlMs: number): string {
    const id = newId();
    const now = this.#now();
    this.#db.prepare('DELETE FROM pending_logins WHERE expires_at <= ?').run(now);
    this.#db.prepare('INSERT INTO pending_logins (id_hash, payload, expires_at) VALUES (?, ?, ?)').run(hashOf(id), payload, now + ttlMs);
    return id;
  }

  /** The pending login's payload, once: it is deleted whether or not it expired. */
  takePendingLogin(id: string): Buffer | undefined {
    const hash = hashOf(id);
    const row = this.#db.prepare('DELETE FROM pending_logins WHERE id_hash = ? RETURNING payload, expires_at').get(hash) as
      | { payload: Buffer; expires_at: number }
      | undefined;
    return row !== undefined && this.#now() < row.expires_at ? row.payload : undefined;
  }

  close(): void {
    if (this.#db.open) this.#db.close();
  }

  /** The row `hash` stands for now: itself, or its successor while a rotation's grace lasts. */
  #live(hash: string): SessionRow | undefined {
    const now = this.#now();
    let current = hash;
    // A chain is at most a few links (rotation every few minutes, grace of seconds).
    for (let hops = 0; hops < 4; hops++) {
      const row = this.#db.prepare('SELECT * FROM sessions WHERE id_hash = ?').get(current) as SessionRow | undefined;
      if (row === undefined) return undefined;
      if (this.#expired(row, now)) {
        this.#db.prepare('DELETE FROM sessions WHERE id_hash = ?').run(row.id_hash);
        return undefined;
      }
      if (row.replaced_by === null) return row;
      current = row.replaced_by;
    }
    return undefined;
  }

  #expired(row: SessionRow, now: number): boolean {
    return now >= row.expires_at || now >= row.last_seen_at + this.#policy.idleMs;
  }

  #idleExpiry(lastSeenAt: number, expiresAt: number): number {
    return Math.min(lastSeenAt + this.#policy.idleMs, expiresAt);
  }

  #toSession(row: SessionRow): StoredSession {
    return {
      personId: row.person_id,
      org: row.org,
      payload: row.payload,
      createdAt: row.created_at,
      lastSeenAt: row.last_seen_at,
      expiresAt: row.expires_at,
      idleExpiresAt: this.#idleExpiry(row.last_seen_at, row.expires_at),
    };
  }
}

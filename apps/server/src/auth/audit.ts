import { createHash } from 'node:crypto';
import type { Log } from '../logger.js';

export type AuditEvent = 'sign-in' | 'sign-in-refused' | 'sign-out' | 'session-ended' | 'crawl-started' | 'crawl-finished' | 'crawl-failed';

export interface AuditFields {
  person?: { id: string; name: string };
  /** The org (its id when Genesys named it, else the OAuth client's org). */
  org?: string;
  /** A short reference to the session (a hash of its stable key): correlates lines, opens nothing. */
  session?: string;
  ip?: string;
  reason?: string;
  [detail: string]: unknown;
}

/** One JSON line per event, `flowgraph audit {…}`: who, when, which org. Tokens, codes and session ids never go in. */
export type AuditLog = (event: AuditEvent, fields: AuditFields) => void;

export function createAuditLog(log: Log, now: () => number = Date.now): AuditLog {
  return (event, fields) => log(`flowgraph audit ${JSON.stringify({ at: new Date(now()).toISOString(), event, ...fields })}`);
}

/** The session reference audit lines carry. */
export function sessionRef(sessionKey: string): string {
  return createHash('sha256').update(sessionKey).digest('hex').slice(0, 12);
}

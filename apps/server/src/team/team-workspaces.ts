import { createHash } from 'node:crypto';
import type { AccessTokenSource, GenesysClient } from '@flowgraph/genesys';
import type { SnapshotStore } from '@flowgraph/store';
import type { AuditLog } from '../auth/audit.js';
import { sessionRef } from '../auth/audit.js';
import type { PersonIdentity } from '../auth/genesys-login.js';
import type { SessionPayload } from '../auth/session-payload.js';
import type { ActiveSession, SessionManager } from '../auth/session-manager.js';
import type { Log } from '../logger.js';
import { OrgHistory } from '../org/crawl-history.js';
import { CrawlSource } from '../org/crawl-source.js';
import { isRunning } from '../org/crawl-state.js';
import { genesysOrgClient } from '../org/genesys-org-client.js';
import type { SourceInfo } from '@flowgraph/core';
import { HistoryViews } from '../org/history-views.js';
import type { OrgClient } from '../org/org-client.js';
import { createWorkspace, type Workspace } from '../org/workspace.js';

/** Workspaces kept in memory at once; the least recently used idle one is closed beyond (its history stays in the store). */
export const MAX_WORKSPACES = 32;

export interface TeamWorkspacesOptions {
  sessions: SessionManager;
  /** A Genesys client acting as one person (their session's tokens): its rate limit is theirs alone. */
  clientFor(tokens: AccessTokenSource, label: string): GenesysClient;
  sourceKind: 'demo' | 'live';
  info: SourceInfo;
  /** The store for each workspace's history (absent: no history). */
  store?: SnapshotStore;
  historyKeep: number;
  maxFailedShare?: number;
  refreshIntervalMs: number;
  log: Log;
  audit: AuditLog;
  redact: (text: string) => string;
  now?: () => number;
  maxWorkspaces?: number;
}

interface Entry {
  workspace: Workspace;
  source: CrawlSource;
  personId: string;
  /** The session whose token the crawl uses: the person's most recently active one. */
  sessionKey: string;
  lastUsed: number;
}

/**
 * The key of a person's workspace: the org (`base`), the person, and the divisions they may see.
 * Crawls and snapshots are **not shared between people**: a role differs in more than its
 * divisions (per-type permissions, dependency-tracking access), and nothing Genesys returns
 * describes all of it, so sharing on an approximation could show someone what their roles deny.
 * The divisions are part of the key so a person whose roles changed never gets the stored crawl
 * of their earlier, wider access.
 */
export function workspaceKey(base: string, identity: Pick<PersonIdentity, 'id' | 'divisions' | 'allDivisions'>): string {
  const divisions = identity.allDivisions
    ? 'all'
    : identity.divisions
        .map((division) => division.id)
        .sort()
        .join(',');
  return `${base}:person-${shortHash(identity.id)}:divisions-${shortHash(divisions)}`;
}

function shortHash(text: string): string {
  return createHash('sha256').update(text).digest('hex').slice(0, 12);
}

/**
 * One workspace per signed-in person (and divisions): their crawl runs with their own token,
 * their snapshots are stored under their own key, their refresh limit is theirs. Workspaces open
 * on first use (serving the person's last stored crawl at once) and close when the person's last
 * session ends.
 */
export class TeamWorkspaces {
  readonly #options: TeamWorkspacesOptions;
  readonly #entries = new Map<string, Entry>();
  readonly #now: () => number;

  constructor(options: TeamWorkspacesOptions) {
    this.#options = options;
    this.#now = options.now ?? Date.now;
  }

  /** The workspace of the session's person, opened if needed; its crawls use this session's token from now on. */
  forSession(session: ActiveSession): Workspace {
    const { payload } = session;
    let entry = this.#entries.get(payload.workspace);
    if (entry === undefined) {
      entry = this.#open(payload);
      this.#entries.set(payload.workspace, entry);
      this.#evictBeyondCapacity();
    }
    entry.sessionKey = payload.key;
    entry.lastUsed = this.#now();
    return entry.workspace;
  }

  /** After sign-in: start the person's crawl unless one is running. */
  signedIn(session: ActiveSession): void {
    this.forSession(session).source.refresh();
  }

  /** A session ended: when it was the person's last, their workspaces close (memory back; history stays). */
  sessionEnded(payload: SessionPayload): void {
    if (this.#options.sessions.liveSessions(payload.person.id) > 0) return;
    for (const [key, entry] of this.#entries) {
      if (entry.personId === payload.person.id) this.#close(key, entry);
    }
  }

  /** Closes the workspaces of people without a live session (expired ones); a timer calls it. */
  sweep(): void {
    for (const [key, entry] of this.#entries) {
      if (this.#options.sessions.liveSessions(entry.personId) === 0) this.#close(key, entry);
    }
  }

  get size(): number {
    return this.#entries.size;
  }

  async close(): Promise<void> {
    const sources = [...this.#entries.values()].map((entry) => entry.source.close());
    this.#entries.clear();
    await Promise.allSettled(sources);
  }

  #open(payload: SessionPayload): Entry {
    const { sessions, store } = this.#options;
    const entry = { personId: payload.person.id, sessionKey: payload.key, lastUsed: this.#now() } as Entry;
    const tokens: AccessTokenSource = {
      getToken: () => sessions.accessToken(entry.sessionKey),
      invalidate: (token) => sessions.tokenSource(entry.sessionKey).invalidate(token),
    };
    const client = genesysOrgClient(this.#options.clientFor(tokens, payload.person.id), this.#options.sourceKind);
    const history = store ? new OrgHistory(store, payload.workspace, this.#options.historyKeep, this.#options.log) : undefined;
    entry.source = new CrawlSource({
      info: this.#options.info,
      client: this.#audited(client, entry, payload),
      log: this.#options.log,
      redact: this.#options.redact,
      ...(this.#options.maxFailedShare !== undefined ? { maxFailedShare: this.#options.maxFailedShare } : {}),
      ...(history ? { history } : {}),
    });
    entry.workspace = createWorkspace(entry.source, {
      ...(history ? { history: new HistoryViews(history) } : {}),
      refreshIntervalMs: this.#options.refreshIntervalMs,
      ...(this.#options.now ? { now: this.#options.now } : {}),
      log: this.#options.log,
    });
    return entry;
  }

  /** An audit line when a crawl starts and when it ends: who, which org, how it went. */
  #audited(client: OrgClient, entry: Entry, payload: SessionPayload): OrgClient {
    const who = () => ({
      person: { id: payload.person.id, name: payload.person.name },
      org: payload.org?.id ?? payload.workspace.split(':person-')[0],
      session: sessionRef(entry.sessionKey),
    });
    return {
      ...client,
      crawl: async (onProgress, signal, reuse) => {
        this.#options.audit('crawl-started', who());
        try {
          const snapshot = await client.crawl(onProgress, signal, reuse);
          this.#options.audit('crawl-finished', { ...who(), flows: snapshot.flows.length, errors: snapshot.errors.length });
          return snapshot;
        } catch (error) {
          this.#options.audit('crawl-failed', {
            ...who(),
            reason: this.#options.redact(error instanceof Error ? error.message : String(error)),
          });
          throw error;
        }
      },
    };
  }

  #evictBeyondCapacity(): void {
    const max = this.#options.maxWorkspaces ?? MAX_WORKSPACES;
    if (this.#entries.size <= max) return;
    const idle = [...this.#entries]
      .filter(([, entry]) => !isRunning(entry.source.progress().phase))
      .sort(([, a], [, b]) => a.lastUsed - b.lastUsed);
    for (const [key, entry] of idle.slice(0, this.#entries.size - max)) this.#close(key, entry);
  }

  #close(key: string, entry: Entry): void {
    this.#entries.delete(key);
    entry.source.close().catch((error: unknown) => {
      this.#options.log(`flowgraph: closing a workspace failed: ${error instanceof Error ? error.message : String(error)}`);
    });
  }
}

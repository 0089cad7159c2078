import { createHash, timingSafeEqual } from 'node:crypto';
import type { AccessTokenSource } from '@flowgraph/genesys';
import type { SessionStore, StoredSession } from '@flowgraph/store';
import type { AuditLog } from './audit.js';
import { sessionRef } from './audit.js';
import { type GenesysLogin, type PersonIdentity, SignInError } from './genesys-login.js';
import { challengeOf, randomToken } from './pkce.js';
import type { Sealer } from './sealer.js';
import { type PendingLogin, PendingLoginSchema, type SessionPayload, SessionPayloadSchema } from './session-payload.js';

/** A login has this long to come back from the identity provider. */
export const LOGIN_TTL_MS = 10 * 60_000;

/** A signed-in request's session: the cookie's id (possibly just rotated), what it holds, and its times. */
export interface ActiveSession {
  id: string;
  payload: SessionPayload;
  stored: StoredSession;
}

export class SignedOutError extends Error {
  override readonly name = 'SignedOutError';
  constructor(message = 'The session has ended; sign in again.') {
    super(message);
  }
}

export interface SessionManagerOptions {
  store: SessionStore;
  sealer: Sealer;
  login: GenesysLogin;
  audit: AuditLog;
  /** A session's id is replaced after this long in use. */
  rotateMs: number;
  /** The crawl workspace of a person with these divisions (same divisions, same workspace). */
  workspaceOf(identity: PersonIdentity): string;
  /** The org audit lines name when Genesys does not (the OAuth client's org). */
  orgLabel: string;
  now?: () => number;
  /** Told when a session ends (sign-out, refused refresh), e.g. to close a workspace nobody uses. */
  onSessionEnded?(payload: SessionPayload): void;
}

/**
 * Sign-in sessions over the store: a login begins with a random `state` and a PKCE verifier kept
 * server-side, ends in a new session whose id only the browser's cookie holds, and each session
 * holds the person's Genesys tokens (sealed), refreshed before they expire, one refresh at a time.
 */
export class SessionManager {
  readonly #options: SessionManagerOptions;
  readonly #now: () => number;
  /** The newest id of each session this process has seen, by stable key (ids rotate; crawls hold the key). */
  readonly #currentId = new Map<string, string>();
  readonly #refreshing = new Map<string, Promise<string>>();
  /** Sessions whose access token the API refused: the next token request refreshes it. */
  readonly #refused = new Set<string>();

  constructor(options: SessionManagerOptions) {
    this.#options = options;
    this.#now = options.now ?? Date.now;
  }

  /** Starts a login: returns the login id (for its cookie) and where to send the browser. */
  beginLogin(returnTo: string): { loginId: string; location: string } {
    const pending: PendingLogin = { state: randomToken(), codeVerifier: randomToken(), returnTo };
    const loginId = this.#options.store.savePendingLogin(this.#options.sealer.seal(pending), LOGIN_TTL_MS);
    return { loginId, location: this.#options.login.authorizeUrl(pending.state, challengeOf(pending.codeVerifier)) };
  }

  /**
   * The callback: the login must be this browser's (its cookie), not spent, not expired, with the
   * same `state`; then the code is exchanged (Basic auth + PKCE verifier) and the person named.
   */
  async completeLogin(
    loginId: string | undefined,
    answer: { code?: string | undefined; state?: string | undefined; error?: string | undefined },
    ip: string | undefined,
  ): Promise<{ session: ActiveSession; returnTo: string }> {
    const sealed = loginId === undefined ? undefined : this.#options.store.takePendingLogin(loginId);
    const pending = sealed === undefined ? undefined : PendingLoginSchema.safeParse(this.#options.sealer.open(sealed));
    try {
      if (pending === undefined || !pending.success) {
        throw new SignInError('stale', 'This sign-in was not started here, was already used or took longer than 10 minutes.');
      }
      if (answer.state === undefined || !sameText(answer.state, pending.data.state)) {
        throw new SignInError('tampered', 'The sign-in answer does not match the sign-in this browser started (state).');
      }
      if (answer.error !== undefined) throw new SignInError('refused', `Genesys Cloud did not sign you in (${answer.error.slice(0, 60)}).`);
      if (answer.code === undefined) throw new SignInError('bad-answer', 'Genesys Cloud sent no authorization code.');
      const tokens = await this.#options.login.exchangeCode(answer.code, pending.data.codeVerifier);
      const identity = await this.#options.login.identify(tokens.accessToken);
      const now = this.#now();
      const payload: SessionPayload = {
        key: randomToken(),
        person: { id: identity.id, name: identity.name, ...(identity.email !== undefined ? { email: identity.email } : {}) },
        ...(identity.org ? { org: identity.org } : {}),
        divisions: identity.divisions,
        allDivisions: identity.allDivisions,
        workspace: this.#options.workspaceOf(identity),
        tokens,
        rotatedAt: now,
      };
      const { id, session } = this.#options.store.create({
        personId: identity.id,
        org: this.#orgOf(payload),
        payload: this.#options.sealer.seal(payload),
      });
      this.#currentId.set(payload.key, id);
      this.#options.audit('sign-in', {
        ...this.#who(payload),
        ip,
        divisions: identity.allDivisions ? 'all' : identity.divisions.map((division) => division.name),
      });
      return { session: { id, payload, stored: session }, returnTo: pending.data.returnTo };
    } catch (error) {
      if (error instanceof SignInError) this.#options.audit('sign-in-refused', { ip, reason: error.reason });
      throw error;
    }
  }

  /** The live session behind a cookie value, or undefined (unknown, expired, or sealed by another key). */
  session(id: string): ActiveSession | undefined {
    const stored = this.#options.store.get(id);
    if (stored === undefined) return undefined;
    const payload = SessionPayloadSchema.safeParse(this.#options.sealer.open(stored.payload));
    if (!payload.success) {
      // Sealed under another client secret (rotated): it cannot be used, so it goes.
      this.#options.store.delete(id);
      return undefined;
    }
    if (!this.#currentId.has(payload.data.key)) this.#currentId.set(payload.data.key, id);
    return { id, payload: payload.data, stored };
  }

  /** Records use; replaces the id when it is due. Returns the new id to set in the cookie, if any. */
  use(session: ActiveSession): string | undefined {
    this.#options.store.touch(session.id);
    if (this.#now() - session.payload.rotatedAt < this.#options.rotateMs) return undefined;
    const fresh = this.#options.store.rotate(session.id);
    if (fresh === undefined) return undefined;
    session.payload = { ...session.payload, rotatedAt: this.#now() };
    this.#options.store.update(fresh, this.#options.sealer.seal(session.payload));
    this.#currentId.set(session.payload.key, fresh);
    session.id = fresh;
    return fresh;
  }

  /** Signs out: the Genesys grant is revoked (best effort), the session deleted, an audit line written. */
  async logout(session: ActiveSession, ip: string | undefined): Promise<void> {
    const revoked = await this.#options.login.revoke(session.payload.tokens.accessToken);
    this.#end(session, 'sign-out', { ip, ...(revoked ? {} : { reason: 'Genesys token revocation failed; it expires on its own' }) });
  }

  /**
   * The access token of the session with stable key `key` (as a crawl holds it): refreshed with
   * the refresh token when due or after the API refused it, one refresh per session at a time.
   * Rejects with SignedOutError when the session ended or Genesys refuses the refresh.
   */
  accessToken(key: string): Promise<string> {
    const session = this.#byKey(key);
    if (session === undefined) return Promise.reject(new SignedOutError());
    if (!this.#refused.has(key) && this.#now() < session.payload.tokens.refreshAt)
      return Promise.resolve(session.payload.tokens.accessToken);
    let pending = this.#refreshing.get(key);
    if (pending === undefined) {
      pending = this.#refresh(session).finally(() => this.#refreshing.delete(key));
      this.#refreshing.set(key, pending);
    }
    return pending;
  }

  /** A token source for the Genesys client: a crawl acting as this session's person. */
  tokenSource(key: string): AccessTokenSource {
    return {
      getToken: () => this.accessToken(key),
      invalidate: (token) => {
        const session = this.#byKey(key);
        if (session?.payload.tokens.accessToken === token) this.#refused.add(key);
      },
    };
  }

  /** Whether the session with stable key `key` still lives (whatever its current id). */
  isLive(key: string): boolean {
    return this.#byKey(key) !== undefined;
  }

  /** Live sessions of a person (a workspace closes when there are none). */
  liveSessions(personId: string): number {
    return this.#options.store.countForPerson(personId);
  }

  /** Deletes expired sessions and logins (a timer calls it). */
  sweep(): number {
    return this.#options.store.sweep();
  }

  async #refresh(session: ActiveSession): Promise<string> {
    try {
      const tokens = await this.#options.login.refresh(session.payload.tokens.refreshToken);
      const payload = { ...session.payload, tokens };
      const id = this.#currentId.get(payload.key) ?? session.id;
      if (!this.#options.store.update(id, this.#options.sealer.seal(payload))) throw new SignedOutError();
      this.#refused.delete(payload.key);
      return tokens.accessToken;
    } catch (error) {
      if (error instanceof SignInError && error.reason === 'refused') {
        this.#end(session, 'session-ended', { reason: 'Genesys Cloud refused the token refresh' });
        throw new SignedOutError('Genesys Cloud ended the session (the refresh was refused); sign in again.');
      }
      throw error;
    }
  }

  #byKey(key: string): ActiveSession | undefined {
    const id = this.#currentId.get(key);
    const session = id === undefined ? undefined : this.session(id);
    if (session === undefined) this.#currentId.delete(key);
    return session;
  }

  #end(session: ActiveSession, event: 'sign-out' | 'session-ended', fields: { ip?: string | undefined; reason?: string }): void {
    this.#options.store.delete(this.#currentId.get(session.payload.key) ?? session.id);
    this.#currentId.delete(session.payload.key);
    this.#refused.delete(session.payload.key);
    this.#options.audit(event, { ...this.#who(session.payload), ...fields });
    this.#options.onSessionEnded?.(session.payload);
  }

  #orgOf(payload: SessionPayload): string {
    return payload.org?.id ?? this.#options.orgLabel;
  }

  #who(payload: SessionPayload): { person: { id: string; name: string }; org: string; session: string } {
    return { person: { id: payload.person.id, name: payload.person.name }, org: this.#orgOf(payload), session: sessionRef(payload.key) };
  }
}

function sameText(a: string, b: string): boolean {
  const left = createHash('sha256').update(a).digest();
  const right = createHash('sha256').update(b).digest();
  return timingSafeEqual(left, right);
}

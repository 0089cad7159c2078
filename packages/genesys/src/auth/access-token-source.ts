/**
 * Where the API client gets its bearer token: the client-credentials `TokenProvider`, or a
 * signed-in person's session (the team server), whose tokens come from the Code Authorization
 * grant and are refreshed with its refresh token.
 */
export interface AccessTokenSource {
  /** A token valid now (refreshed ahead of its expiry). Rejects when none can be had (signed out). */
  getToken(signal?: AbortSignal): Promise<string>;
  /** The API refused `token` (401): drop it, so the next `getToken` gets a fresh one. */
  invalidate(token: string): void;
}

/** A person the client acts as: their tokens, and a label (never a token) for caches and logs. */
export interface PersonAccess {
  tokens: AccessTokenSource;
  /** Names whose the client is, e.g. the Genesys user id; no secret. */
  label: string;
}

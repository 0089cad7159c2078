import { randomBytes } from 'node:crypto';
import type { SimulatedPerson } from '../identity/people.js';

/** Who a token acts as: the OAuth client itself (client credentials) or a signed-in person. */
export type Principal = { kind: 'client' } | { kind: 'person'; person: SimulatedPerson; clientId: string; grantId: string };

const CLIENT: Principal = { kind: 'client' };

export interface IssuedTokens {
  token: string;
  expiresIn: number;
  /** Code grant only. */
  refreshToken?: string;
}

/**
 * Issued access and refresh tokens with their expiry, on the simulator's (injectable) clock.
 * A person's tokens belong to a grant (one authorization-code redemption and the refreshes that
 * follow it), so a replayed code or a reused refresh token revokes the whole grant, as RFC 6749
 * §4.1.2 and OAuth 2.1's refresh-token rotation advise.
 */
export class TokenStore {
  private readonly access = new Map<string, { principal: Principal; expiresAt: number }>();
  private readonly refresh = new Map<string, { person: SimulatedPerson; clientId: string; grantId: string; expiresAt: number }>();
  /** Refresh tokens already exchanged (rotated away), to catch their reuse. */
  private readonly rotated = new Map<string, { grantId: string; expiresAt: number }>();

  constructor(
    private readonly ttlSeconds: number,
    private readonly clock: () => number,
    private readonly refreshTtlSeconds = 30 * 86_400,
  ) {}

  /** A client-credentials token (no refresh token: that grant has none). */
  issue(): IssuedTokens {
    return this.#issueAccess(CLIENT);
  }

  /** Access and refresh token for a person, as a code redemption or a refresh gives them. */
  issueForPerson(person: SimulatedPerson, clientId: string, grantId: string): Required<IssuedTokens> {
    const issued = this.#issueAccess({ kind: 'person', person, clientId, grantId });
    const refreshToken = randomBytes(48).toString('base64url');
    this.refresh.set(refreshToken, { person, clientId, grantId, expiresAt: this.clock() + this.refreshTtlSeconds * 1000 });
    return { ...issued, refreshToken };
  }

  /**
   * Exchanges a refresh token for new tokens and retires it. A retired token used again means it
   * leaked: the grant is revoked and the answer is `reused`.
   */
  redeemRefreshToken(refreshToken: string, clientId: string): Required<IssuedTokens> | 'invalid' | 'reused' {
    const now = this.clock();
    const retired = this.rotated.get(refreshToken);
    if (retired && now < retired.expiresAt) {
      this.revokeGrant(retired.grantId);
      return 'reused';
    }
    const entry = this.refresh.get(refreshToken);
    if (!entry || now >= entry.expiresAt || entry.clientId !== clientId) return 'invalid';
    this.refresh.delete(refreshToken);
    this.rotated.set(refreshToken, { grantId: entry.grantId, expiresAt: entry.expiresAt });
    return this.issueForPerson(entry.person, clientId, entry.grantId);
  }

  /** Who `token` acts as, or undefined when it is unknown, expired or revoked. */
  principal(token: string): Principal | undefined {
    const entry = this.access.get(token);
    if (entry === undefined) return undefined;
    if (this.clock() < entry.expiresAt) return entry.principal;
    this.access.delete(token);
    return undefined;
  }

  isValid(token: string): boolean {
    return this.principal(token) !== undefined;
  }

  /** Ends a grant: every access and refresh token issued under it stops working. */
  revokeGrant(grantId: string): void {
    for (const [token, entry] of this.access)
      if (entry.principal.kind === 'person' && entry.principal.grantId === grantId) this.access.delete(token);
    for (const [token, entry] of this.refresh) if (entry.grantId === grantId) this.refresh.delete(token);
  }

  /** Invalidates every issued token (a revoked client secret or a "token expired mid-crawl" fault). */
  revokeAll(): void {
    this.access.clear();
    this.refresh.clear();
  }

  #issueAccess(principal: Principal): IssuedTokens {
    const token = randomBytes(48).toString('base64url');
    this.access.set(token, { principal, expiresAt: this.clock() + this.ttlSeconds * 1000 });
    return { token, expiresIn: this.ttlSeconds };
  }
}

import { createHash, randomBytes, randomUUID, timingSafeEqual } from 'node:crypto';
import type { SimulatedPerson } from './people.js';

/** RFC 6749 §4.1.2 recommends at most 10 minutes; a short life leaves a stolen code little time. */
export const CODE_TTL_MS = 120_000;

export interface CodeRequest {
  clientId: string;
  redirectUri: string;
  person: SimulatedPerson;
  /** PKCE (RFC 7636), S256 only. */
  codeChallenge?: string;
}

interface IssuedCode extends CodeRequest {
  expiresAt: number;
  grantId: string;
}

export type Redemption =
  | { ok: true; person: SimulatedPerson; grantId: string }
  | { ok: false; error: 'invalid_grant'; description: string; replayedGrant?: string };

/**
 * Authorization codes: single use, short-lived, bound to the client, the redirect URI and the
 * PKCE challenge they were issued with. A used code stays known until it would have expired, so
 * a replay is recognised (and its grant revoked by the caller).
 */
export class AuthorizationCodes {
  private readonly codes = new Map<string, IssuedCode>();
  private readonly used = new Map<string, { grantId: string; expiresAt: number }>();

  constructor(private readonly clock: () => number) {}

  issue(request: CodeRequest): string {
    this.#sweep();
    const code = randomBytes(32).toString('base64url');
    this.codes.set(code, { ...request, expiresAt: this.clock() + CODE_TTL_MS, grantId: randomUUID() });
    return code;
  }

  redeem(code: string, clientId: string, redirectUri: string | undefined, codeVerifier: string | undefined): Redemption {
    const replay = this.used.get(code);
    if (replay && this.clock() < replay.expiresAt) {
      return { ok: false, error: 'invalid_grant', description: 'authorization code already used', replayedGrant: replay.grantId };
    }
    const issued = this.codes.get(code);
    if (!issued) return { ok: false, error: 'invalid_grant', description: 'unknown authorization code' };
    // Whatever happens next, the code is spent: a failed attempt must not leave it open to guessing.
    this.codes.delete(code);
    this.used.set(code, { grantId: issued.grantId, expiresAt: issued.expiresAt });
    if (this.clock() >= issued.expiresAt) return { ok: false, error: 'invalid_grant', description: 'authorization code expired' };
    if (issued.clientId !== clientId) return { ok: false, error: 'invalid_grant', description: 'code was issued to another client' };
    if (issued.redirectUri !== redirectUri)
      return { ok: false, error: 'invalid_grant', description: 'redirect_uri does not match the authorize request' };
    if (issued.codeChallenge !== undefined) {
      if (codeVerifier === undefined) return { ok: false, error: 'invalid_grant', description: 'code_verifier required' };
      if (!VERIFIER.test(codeVerifier))
        return { ok: false, error: 'invalid_grant', description: 'code_verifier must be 43-128 unreserved characters' };
      if (!matchesChallenge(codeVerifier, issued.codeChallenge))
        return { ok: false, error: 'invalid_grant', description: 'code_verifier does not match the code_challenge' };
    }
    return { ok: true, person: issued.person, grantId: issued.grantId };
  }

  #sweep(): void {
    const now = this.clock();
    for (const [code, issued] of this.codes) if (now >= issued.expiresAt) this.codes.delete(code);
    for (const [code, used] of this.used) if (now >= used.expiresAt) this.used.delete(code);
  }
}

/** RFC 7636 §4.1: 43 to 128 characters of [A-Z] / [a-z] / [0-9] / "-" / "." / "_" / "~". */
const VERIFIER = /^[A-Za-z0-9\-._~]{43,128}$/;

/** RFC 7636 §4.6: BASE64URL(SHA256(verifier)) equals the challenge. */
export function matchesChallenge(verifier: string, challenge: string): boolean {
  const computed = Buffer.from(createHash('sha256').update(verifier, 'ascii').digest('base64url'));
  const expected = Buffer.from(challenge);
  return computed.length === expected.length && timingSafeEqual(computed, expected);
}

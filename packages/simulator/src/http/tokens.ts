import { randomBytes } from 'node:crypto';

/** Issued access tokens and their expiry, on the simulator's (injectable) clock. */
export class TokenStore {
  private readonly tokens = new Map<string, number>();

  constructor(
    private readonly ttlSeconds: number,
    private readonly clock: () => number,
  ) {}

  issue(): { token: string; expiresIn: number } {
    const token = randomBytes(48).toString('base64url');
    this.tokens.set(token, this.clock() + this.ttlSeconds * 1000);
    return { token, expiresIn: this.ttlSeconds };
  }

  isValid(token: string): boolean {
    const expiresAt = this.tokens.get(token);
    if (expiresAt === undefined) return false;
    if (this.clock() < expiresAt) return true;
    this.tokens.delete(token);
    return false;
  }

  /** Invalidates every issued token (a revoked client secret or a "token expired mid-crawl" fault). */
  revokeAll(): void {
    this.tokens.clear();
  }
}

import { CodeTokenResponseSchema, DivisionsPermittedListingSchema, OAuthErrorSchema, UserMeSchema } from '@flowgraph/core';
import type { GenesysEndpoints, Secret } from '@flowgraph/genesys';
import type { z } from 'zod';

/** A person's tokens as the server keeps them (sealed in the store, never sent to the browser). */
export interface TokenSet {
  accessToken: string;
  refreshToken: string;
  /** When Genesys says the access token expires. */
  expiresAt: number;
  /** When to refresh it: a minute before expiry (half its life if that is shorter). */
  refreshAt: number;
}

/** Who signed in, and what they may see. */
export interface PersonIdentity {
  id: string;
  name: string;
  email?: string;
  org?: { id: string; name?: string };
  /** The divisions where they may view flows (`architect:flow:view`). */
  divisions: Array<{ id: string; name: string }>;
  /** Their role covers every division. */
  allDivisions: boolean;
}

/** Why a sign-in or a refresh failed, in words a person can act on; never a token or code. */
export class SignInError extends Error {
  override readonly name = 'SignInError';
  constructor(
    readonly reason: 'refused' | 'stale' | 'tampered' | 'unreachable' | 'bad-answer' | 'no-access',
    message: string,
  ) {
    super(message);
  }
}

export interface GenesysLoginOptions {
  endpoints: GenesysEndpoints;
  clientId: string;
  clientSecret: Secret;
  /** `<public URL>/auth/callback`, registered on the OAuth client. */
  redirectUri: string;
  now?: () => number;
  fetch?: typeof globalThis.fetch;
  timeoutMs?: number;
}

/** The permission the crawl needs; the divisions it is granted in are what the person sees. */
export const FLOW_VIEW_PERMISSION = 'architect:flow:view';
const REFRESH_MARGIN_MS = 60_000;
/** Divisions are few (Genesys allows some hundreds); this bounds a misbehaving listing. */
const MAX_DIVISION_PAGES = 50;

/**
 * The server as a confidential OAuth client of Genesys Cloud's Code Authorization grant
 * (genesys-api.md §10): the authorize URL (with state and PKCE S256), the code exchange and the
 * refresh with Basic auth, who the person is, and sign-out. It talks only to the configured
 * region's login./api. hosts (or the loopback simulator), never to a URL a request names.
 */
export class GenesysLogin {
  readonly #options: GenesysLoginOptions;
  readonly #now: () => number;
  readonly #fetch: typeof globalThis.fetch;

  constructor(options: GenesysLoginOptions) {
    this.#options = options;
    this.#now = options.now ?? Date.now;
    this.#fetch = options.fetch ?? globalThis.fetch;
  }

  get redirectUri(): string {
    return this.#options.redirectUri;
  }

  authorizeUrl(state: string, codeChallenge: string): string {
    const url = new URL('/oauth/authorize', this.#options.endpoints.loginBaseUrl);
    url.search = new URLSearchParams({
      response_type: 'code',
      client_id: this.#options.clientId,
      redirect_uri: this.#options.redirectUri,
      state,
      code_challenge: codeChallenge,
      code_challenge_method: 'S256',
    }).toString();
    return url.toString();
  }

  exchangeCode(code: string, codeVerifier: string): Promise<TokenSet> {
    return this.#token({ grant_type: 'authorization_code', code, redirect_uri: this.#options.redirectUri, code_verifier: codeVerifier });
  }

  refresh(refreshToken: string): Promise<TokenSet> {
    return this.#token({ grant_type: 'refresh_token', refresh_token: refreshToken });
  }

  /** `users/me` and the divisions where the person may view flows. */
  async identify(accessToken: string): Promise<PersonIdentity> {
    const me = await this.#api(accessToken, '/api/v2/users/me?expand=organization', UserMeSchema);
    const divisions: PersonIdentity['divisions'] = [];
    let allDivisions = false;
    for (let page = 1; page <= MAX_DIVISION_PAGES; page++) {
      const query = new URLSearchParams({ permission: FLOW_VIEW_PERMISSION, pageSize: '100', pageNumber: String(page) });
      const listing = await this.#api(
        accessToken,
        `/api/v2/authorization/divisionspermitted/paged/me?${query}`,
        DivisionsPermittedListingSchema,
      );
      allDivisions ||= listing.allDivsPermitted === true;
      for (const division of listing.entities ?? []) divisions.push({ id: division.id, name: division.name ?? division.id });
      if ((listing.entities ?? []).length === 0 || page >= (listing.pageCount ?? 1)) break;
    }
    divisions.sort((a, b) => a.id.localeCompare(b.id));
    return {
      id: me.id,
      name: me.name ?? me.username ?? me.id,
      ...(me.email !== undefined ? { email: me.email } : {}),
      ...(me.organization ? { org: { id: me.organization.id, ...(me.organization.name ? { name: me.organization.name } : {}) } } : {}),
      divisions,
      allDivisions,
    };
  }

  /** Signs the token's grant out at Genesys (`DELETE /api/v2/tokens/me`); best effort: false when it could not. */
  async revoke(accessToken: string): Promise<boolean> {
    try {
      const response = await this.#request(`${this.#options.endpoints.apiBaseUrl}/api/v2/tokens/me`, {
        method: 'DELETE',
        headers: { authorization: `Bearer ${accessToken}` },
      });
      return response.ok;
    } catch {
      return false;
    }
  }

  async #token(form: Record<string, string>): Promise<TokenSet> {
    const { clientId, clientSecret, endpoints } = this.#options;
    const basic = Buffer.from(`${clientId}:${clientSecret.reveal()}`).toString('base64');
    let response: Response;
    try {
      response = await this.#request(`${endpoints.loginBaseUrl}/oauth/token`, {
        method: 'POST',
        headers: { authorization: `Basic ${basic}`, 'content-type': 'application/x-www-form-urlencoded' },
        body: new URLSearchParams(form).toString(),
      });
    } catch {
      throw new SignInError('unreachable', 'Genesys Cloud could not be reached to complete the sign-in; try again.');
    }
    const body = await response.json().catch(() => undefined);
    if (!response.ok) {
      const oauth = OAuthErrorSchema.safeParse(body);
      const code = oauth.success ? oauth.data.error : `HTTP ${response.status}`;
      // The OAuth error code only: a description may echo what was sent.
      throw new SignInError(
        response.status >= 500 ? 'unreachable' : 'refused',
        `Genesys Cloud refused the ${form.grant_type === 'refresh_token' ? 'token refresh' : 'sign-in'} (${code}).`,
      );
    }
    const parsed = CodeTokenResponseSchema.safeParse(body);
    if (!parsed.success) throw new SignInError('bad-answer', 'Genesys Cloud answered the token request in an unexpected shape.');
    const lifetimeMs = parsed.data.expires_in * 1000;
    const now = this.#now();
    return {
      accessToken: parsed.data.access_token,
      refreshToken: parsed.data.refresh_token,
      expiresAt: now + lifetimeMs,
      refreshAt: now + lifetimeMs - Math.min(REFRESH_MARGIN_MS, lifetimeMs / 2),
    };
  }

  async #api<S extends z.ZodType>(accessToken: string, path: string, schema: S): Promise<z.output<S>> {
    let response: Response;
    try {
      response = await this.#request(`${this.#options.endpoints.apiBaseUrl}${path}`, {
        headers: { authorization: `Bearer ${accessToken}` },
      });
    } catch {
      throw new SignInError('unreachable', 'Genesys Cloud could not be reached to find out who signed in; try again.');
    }
    const endpoint = path.split('?')[0];
    if (response.status === 401 || response.status === 403) {
      throw new SignInError(
        'no-access',
        `Genesys Cloud refused ${endpoint} (HTTP ${response.status}): the OAuth client or your role lacks a permission Flowgraph needs.`,
      );
    }
    const body = await response.json().catch(() => undefined);
    const parsed = schema.safeParse(body);
    if (!response.ok || !parsed.success)
      throw new SignInError('bad-answer', `Genesys Cloud answered ${endpoint} unexpectedly (HTTP ${response.status}).`);
    return parsed.data;
  }

  #request(url: string, init: RequestInit): Promise<Response> {
    return this.#fetch(url, { ...init, redirect: 'error', signal: AbortSignal.timeout(this.#options.timeoutMs ?? 15_000) });
  }

  toJSON(): { clientId: string; redirectUri: string } {
    return { clientId: this.#options.clientId, redirectUri: this.#options.redirectUri };
  }
}

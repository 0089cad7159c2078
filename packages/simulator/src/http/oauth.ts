import express, { type Request, type Response, type Router } from 'express';
import { z } from 'zod';
import type { AuthorizationCodes } from '../identity/authorization-codes.js';
import type { SimulatorStats } from '../stats.js';
import type { TokenStore } from './tokens.js';

/** An OAuth client of the simulated org: the client-credentials one, or the code-grant one people sign in through. */
export interface OAuthClient {
  clientId: string;
  clientSecret: string;
}

/** The code-grant client: a confidential client with its authorized redirect URIs (exact match). */
export interface CodeClient extends OAuthClient {
  redirectUris: Set<string>;
}

/** The token endpoint's error shape (Go SDK `AuthErrorResponse`), not ErrorBody. */
export function oauthError(res: Response, status: number, error: string, description: string): void {
  res.status(status).json({ error, description, error_description: description });
}

function basicCredentials(header: string | undefined): { id: string; secret: string } | undefined {
  const match = /^Basic\s+(\S+)$/i.exec(header ?? '');
  if (!match?.[1]) return undefined;
  const decoded = Buffer.from(match[1], 'base64').toString('utf8');
  const colon = decoded.indexOf(':');
  return colon < 0 ? undefined : { id: decoded.slice(0, colon), secret: decoded.slice(colon + 1) };
}

const TokenForm = z.looseObject({
  grant_type: z.string().optional(),
  code: z.string().min(1).optional(),
  redirect_uri: z.string().optional(),
  code_verifier: z.string().optional(),
  refresh_token: z.string().min(1).optional(),
});

export interface OAuthRouterOptions {
  /** The client-credentials client (`grant_type=client_credentials`). */
  credentials: OAuthClient;
  /** The Code Authorization client (`authorization_code`, `refresh_token`). */
  codeClient: CodeClient;
  tokens: TokenStore;
  codes: AuthorizationCodes;
  stats: SimulatorStats;
}

/**
 * `POST /oauth/token` (genesys-api.md §1 and §10): Basic auth header plus a form body.
 * `client_credentials` for the client-credentials client; `authorization_code` (with the PKCE
 * `code_verifier` when the authorize request had a challenge) and `refresh_token` for the
 * code-grant client. Each client may use only its own grants (`unauthorized_client`).
 */
export function oauthRouter({ credentials, codeClient, tokens, codes, stats }: OAuthRouterOptions): Router {
  const router = express.Router();
  router.post('/oauth/token', express.urlencoded({ extended: false, limit: '8kb' }), (req: Request, res: Response) => {
    const form = TokenForm.safeParse(req.body ?? {});
    const body = form.success ? form.data : {};
    const grantType = body.grant_type;
    if (grantType !== 'client_credentials' && grantType !== 'authorization_code' && grantType !== 'refresh_token') {
      oauthError(
        res,
        400,
        'unsupported_grant_type',
        'grant_type must be client_credentials, authorization_code or refresh_token, sent as a form body.',
      );
      return;
    }
    const given = basicCredentials(req.headers.authorization);
    const client = [credentials, codeClient].find((known) => given?.id === known.clientId && given.secret === known.clientSecret);
    if (!client) {
      oauthError(res, 401, 'invalid_client', 'client authentication failed');
      return;
    }
    const codeGrant = grantType !== 'client_credentials';
    if (codeGrant !== (client === codeClient)) {
      oauthError(res, 400, 'unauthorized_client', `this client is not authorized for grant_type=${grantType}`);
      return;
    }
    if (grantType === 'client_credentials') {
      const { token, expiresIn } = tokens.issue();
      stats.tokensIssued++;
      res.json({ access_token: token, token_type: 'bearer', expires_in: expiresIn });
      return;
    }
    if (grantType === 'authorization_code') {
      if (body.code === undefined) {
        oauthError(res, 400, 'invalid_request', 'code is required');
        return;
      }
      const redeemed = codes.redeem(body.code, client.clientId, body.redirect_uri, body.code_verifier);
      if (!redeemed.ok) {
        // A replayed code may have been stolen: what it bought is withdrawn (RFC 6749 §4.1.2).
        if (redeemed.replayedGrant !== undefined) tokens.revokeGrant(redeemed.replayedGrant);
        oauthError(res, 400, redeemed.error, redeemed.description);
        return;
      }
      sendPersonTokens(res, tokens.issueForPerson(redeemed.person, client.clientId, redeemed.grantId), stats);
      return;
    }
    if (body.refresh_token === undefined) {
      oauthError(res, 400, 'invalid_request', 'refresh_token is required');
      return;
    }
    const refreshed = tokens.redeemRefreshToken(body.refresh_token, client.clientId);
    if (refreshed === 'invalid' || refreshed === 'reused') {
      oauthError(
        res,
        400,
        'invalid_grant',
        refreshed === 'reused' ? 'refresh token already used; the grant is revoked' : 'refresh token is invalid or expired',
      );
      return;
    }
    sendPersonTokens(res, refreshed, stats);
  });
  return router;
}

function sendPersonTokens(res: Response, issued: { token: string; expiresIn: number; refreshToken: string }, stats: SimulatorStats): void {
  stats.tokensIssued++;
  res.setHeader('Cache-Control', 'no-store');
  res.json({ access_token: issued.token, token_type: 'bearer', expires_in: issued.expiresIn, refresh_token: issued.refreshToken });
}

import express, { type Request, type Response, type Router } from 'express';
import type { SimulatorStats } from '../stats.js';
import type { TokenStore } from './tokens.js';

/** The token endpoint's error shape (Go SDK `AuthErrorResponse`), not ErrorBody. */
function oauthError(res: Response, status: number, error: string, description: string): void {
  res.status(status).json({ error, description, error_description: description });
}

function basicCredentials(header: string | undefined): { id: string; secret: string } | undefined {
  const match = /^Basic\s+(\S+)$/i.exec(header ?? '');
  if (!match?.[1]) return undefined;
  const decoded = Buffer.from(match[1], 'base64').toString('utf8');
  const colon = decoded.indexOf(':');
  return colon < 0 ? undefined : { id: decoded.slice(0, colon), secret: decoded.slice(colon + 1) };
}

/**
 * `POST /oauth/token`, client-credentials grant: Basic auth header plus the form body
 * `grant_type=client_credentials`, as all official SDKs send it (genesys-api.md §1).
 */
export function oauthRouter(credentials: { clientId: string; clientSecret: string }, tokens: TokenStore, stats: SimulatorStats): Router {
  const router = express.Router();
  router.post('/oauth/token', express.urlencoded({ extended: false }), (req: Request, res: Response) => {
    const body: unknown = req.body;
    const grantType = typeof body === 'object' && body !== null && 'grant_type' in body ? body.grant_type : undefined;
    if (grantType !== 'client_credentials') {
      oauthError(res, 400, 'unsupported_grant_type', 'Only grant_type=client_credentials is supported, sent as a form body.');
      return;
    }
    const given = basicCredentials(req.headers.authorization);
    if (!given || given.id !== credentials.clientId || given.secret !== credentials.clientSecret) {
      oauthError(res, 401, 'invalid_client', 'client authentication failed');
      return;
    }
    const { token, expiresIn } = tokens.issue();
    stats.tokensIssued++;
    res.json({ access_token: token, token_type: 'bearer', expires_in: expiresIn });
  });
  return router;
}

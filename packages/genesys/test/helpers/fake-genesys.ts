import express, { type Express, type Request, type Response } from 'express';
import { startTestServer, type TestServer } from './test-server.js';

export const CLIENT_ID = 'test-client';
export const CLIENT_SECRET = 'super-secret-value-4711';

export interface FakeGenesys extends TestServer {
  /** Requests per `METHOD path` (without query). */
  counts: Map<string, number>;
  count(key: string): number;
  tokensIssued: string[];
}

export interface FakeOptions {
  /** Token lifetime in seconds (default 86400, Genesys' default). */
  expiresIn?: number;
  /** Adds the API routes; `validToken` tells whether a request carries a token issued here. */
  api(app: Express, helpers: { validToken(req: Request): boolean }): void;
}

/** A minimal Genesys: `/oauth/token` with Basic auth, plus whatever API routes the test adds. */
export async function startFakeGenesys(options: FakeOptions): Promise<FakeGenesys> {
  const counts = new Map<string, number>();
  const tokensIssued: string[] = [];
  const server = await startTestServer((app) => {
    app.use((req, _res, next) => {
      const key = `${req.method} ${req.path}`;
      counts.set(key, (counts.get(key) ?? 0) + 1);
      next();
    });
    app.post('/oauth/token', express.urlencoded({ extended: false }), (req: Request, res: Response) => {
      const expected = `Basic ${Buffer.from(`${CLIENT_ID}:${CLIENT_SECRET}`).toString('base64')}`;
      if (req.headers.authorization !== expected || req.body?.grant_type !== 'client_credentials') {
        res.status(401).json({ error: 'invalid_client', description: 'bad', error_description: 'client not found' });
        return;
      }
      const token = `token-${tokensIssued.length + 1}`;
      tokensIssued.push(token);
      res.json({ access_token: token, token_type: 'bearer', expires_in: options.expiresIn ?? 86_400 });
    });
    options.api(app, { validToken: (req) => tokensIssued.includes(req.headers.authorization?.replace('Bearer ', '') ?? '') });
  });
  return { ...server, counts, count: (key) => counts.get(key) ?? 0, tokensIssued };
}

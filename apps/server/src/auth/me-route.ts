import type { MeResponse } from '@flowgraph/core';
import { type Request, type Response, Router } from 'express';
import { sessionOf } from './team-auth.js';

/**
 * `GET /api/me`: who is signed in and what they may see (team mode), or `{ auth: "none" }` on a
 * server without sign-in. Never a token: the browser learns names, divisions and expiry times.
 */
export function meRouter(): Router {
  const router = Router();
  router.get('/me', (_req: Request, res: Response) => {
    const session = sessionOf(res);
    if (session === undefined) {
      res.json({ auth: 'none' } satisfies MeResponse);
      return;
    }
    const { person, org, divisions, allDivisions } = session.payload;
    const me: MeResponse = {
      auth: 'genesys',
      person,
      ...(org ? { org } : {}),
      divisions,
      allDivisions,
      session: {
        expiresAt: new Date(session.stored.expiresAt).toISOString(),
        idleExpiresAt: new Date(session.stored.idleExpiresAt).toISOString(),
      },
    };
    res.json(me);
  });
  return router;
}

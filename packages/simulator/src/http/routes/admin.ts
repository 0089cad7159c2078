import express, { type Request, type Response, type Router } from 'express';
import { z } from 'zod';
import { flowsToChange, publishNewVersions } from '../../org/publish.js';
import type { SimulatedOrg } from '../../org/types.js';
import { sendError } from '../errors.js';

/** Simulator-only: nothing under this path exists in Genesys Cloud, and the real client never calls it. */
export const ADMIN_BASE = '/__simulator';

const PublishBody = z
  .object({
    /** Flows to publish a new version of. */
    flowIds: z.array(z.string().min(1)).min(1).optional(),
    /** Or this many flows, spread over the org. */
    count: z.number().int().min(1).max(10_000).optional(),
  })
  .refine((body) => (body.flowIds === undefined) !== (body.count === undefined), { message: 'give flowIds or count, not both' });

/**
 * `POST /__simulator/publish` `{ flowIds } | { count }`: publishes a new version of each flow (as
 * an architect editing and publishing it), so a re-crawl sees changed flows in the real API's
 * shapes. Answers `{ published: [{ id, name, version, added, removed }] }`.
 */
export function adminRouter(org: SimulatedOrg, now: () => number): Router {
  const router = express.Router();
  router.post(`${ADMIN_BASE}/publish`, express.json({ limit: '1mb' }), (req: Request, res: Response) => {
    const body = PublishBody.safeParse(req.body);
    if (!body.success) {
      sendError(
        res,
        400,
        'bad.request',
        `Invalid body: ${body.error.issues.map((issue) => `${issue.path.join('.') || 'body'}: ${issue.message}`).join('; ')}`,
      );
      return;
    }
    const ids = body.data.flowIds ?? flowsToChange(org, body.data.count ?? 0);
    try {
      res.json({ published: publishNewVersions(org, ids, now()) });
    } catch (error) {
      sendError(res, 400, 'bad.request', error instanceof Error ? error.message : String(error));
    }
  });
  return router;
}

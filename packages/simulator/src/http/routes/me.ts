import express, { type Request, type Response, type Router } from 'express';
import { z } from 'zod';
import { ARCHITECT_PERMISSIONS, type SimulatedOrganization } from '../../identity/people.js';
import type { SimulatedOrg } from '../../org/types.js';
import { sendError } from '../errors.js';
import { listing } from '../paging.js';
import { multi, pagingParams, parseQuery, required } from '../query.js';
import type { Principal, TokenStore } from '../tokens.js';

const MeQuery = z.looseObject({ expand: multi });
const PermittedQuery = z.looseObject({ permission: required, name: z.string().optional(), ...pagingParams });

function principalOf(res: Response): Principal {
  return (res.locals.principal as Principal | undefined) ?? { kind: 'client' };
}

/** Client-credentials tokens have no person behind them (inferred wording; the status is 400 as for other bad requests). */
function sendNoUser(res: Response): void {
  sendError(
    res,
    400,
    'bad.request',
    'This request requires a user context. Client credentials cannot be used for requests to this resource.',
  );
}

/**
 * Who the token acts as: `GET /api/v2/users/me` (`UserMe`, `expand=organization` adds the org),
 * `GET /api/v2/authorization/divisionspermitted/paged/me?permission=…` (`DivsPermittedEntityListing`)
 * and `DELETE /api/v2/tokens/me` (signs the token's grant out).
 */
export function meRouter(org: SimulatedOrg, organization: SimulatedOrganization, tokens: TokenStore): Router {
  const router = express.Router();

  router.get('/api/v2/users/me', (req: Request, res: Response) => {
    const query = parseQuery(req, res, MeQuery);
    if (!query) return;
    const principal = principalOf(res);
    if (principal.kind !== 'person') return sendNoUser(res);
    const { person } = principal;
    const home = org.divisions[0];
    const expand = new Set(query.expand.flatMap((value) => value.split(',')));
    res.json({
      id: person.id,
      name: person.name,
      ...(home ? { division: { id: home.id, name: home.name, selfUri: home.selfUri } } : {}),
      email: person.email,
      username: person.username,
      state: 'active',
      version: 1,
      acdAutoAnswer: false,
      ...(expand.has('organization')
        ? {
            organization: {
              id: organization.id,
              name: organization.name,
              state: 'active',
              version: 1,
              selfUri: `/api/v2/organizations/${organization.id}`,
            },
          }
        : {}),
      selfUri: `/api/v2/users/${person.id}`,
    });
  });

  router.get('/api/v2/authorization/divisionspermitted/paged/me', (req: Request, res: Response) => {
    const query = parseQuery(req, res, PermittedQuery);
    if (!query) return;
    const principal = principalOf(res);
    if (principal.kind !== 'person') return sendNoUser(res);
    const { person } = principal;
    const granted = ARCHITECT_PERMISSIONS.has(query.permission);
    const divisions = (granted ? person.divisions : [])
      .filter((division) => query.name === undefined || division.name.toLowerCase().includes(query.name.toLowerCase()))
      .map((division) => ({
        id: division.id,
        name: division.name,
        homeDivision: division.id === org.divisions[0]?.id,
        selfUri: division.selfUri,
      }));
    res.json({ ...listing(req, divisions, query.pageNumber, query.pageSize), allDivsPermitted: granted && person.allDivisions });
  });

  router.delete('/api/v2/tokens/me', (_req: Request, res: Response) => {
    const principal = principalOf(res);
    if (principal.kind === 'person') tokens.revokeGrant(principal.grantId);
    res.status(204).end();
  });

  return router;
}

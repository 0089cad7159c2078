import { FLOW_TYPES, type GenesysFlowVersion } from '@flowgraph/core';
import express, { type Request, type Response, type Router } from 'express';
import { z } from 'zod';
import { requestVisibility } from '../../identity/visibility.js';
import type { ConfigurationCache } from '../../org/configuration/configuration-cache.js';
import type { SimulatedFlow, SimulatedOrg, SimulatedVersion } from '../../org/types.js';
import { sendError } from '../errors.js';
import { listing } from '../paging.js';
import { booleanParam, multi, pagingParams, parseQuery } from '../query.js';

const LOWERCASE_TYPES = new Set(FLOW_TYPES.filter((type) => type !== 'UNKNOWN').map((type) => type.toLowerCase()));

const ListQuery = z.looseObject({
  type: multi.refine((types) => types.every((type) => LOWERCASE_TYPES.has(type.toLowerCase())), {
    message: `must be one of ${[...LOWERCASE_TYPES].join(', ')}`,
  }),
  id: multi,
  divisionId: multi,
  name: z.string().optional(),
  description: z.string().optional(),
  nameOrDescription: z.string().optional(),
  deleted: booleanParam,
  sortBy: z.enum(['id', 'name', 'type', 'description']).default('id'),
  sortOrder: z.enum(['asc', 'desc', 'ascending', 'descending']).default('asc'),
  ...pagingParams,
});

const DeletedQuery = z.looseObject({ deleted: booleanParam });
const VersionsQuery = z.looseObject({ deleted: booleanParam, ...pagingParams });

function contains(value: string | undefined, fragment: string | undefined): boolean {
  return fragment === undefined || (value ?? '').toLowerCase().includes(fragment.toLowerCase());
}

function versionEntity(flow: SimulatedFlow, version: SimulatedVersion): GenesysFlowVersion {
  const base = `/api/v2/flows/${flow.entity.id}/versions/${version.id}`;
  const published = flow.entity.publishedVersion;
  const isPublished = published !== undefined && Number.parseFloat(version.id) <= Number.parseFloat(published.id);
  return {
    ...(flow.entity.savedVersion ?? { id: version.id }),
    id: version.id,
    commitVersion: version.id,
    configurationVersion: version.id,
    type: isPublished ? 'PUBLISH' : 'SAVE',
    dateCreated: version.dateCreated,
    configurationUri: `${base}/configuration`,
    selfUri: base,
  };
}

/** `GET /api/v2/flows` and everything under `/api/v2/flows/{flowId}`. */
export function flowsRouter(org: SimulatedOrg, configurations: ConfigurationCache): Router {
  const router = express.Router();

  router.get('/api/v2/flows', (req: Request, res: Response) => {
    const query = parseQuery(req, res, ListQuery);
    if (!query) return;
    const types = new Set(query.type.map((type) => type.toUpperCase()));
    const ids = new Set(query.id);
    const divisions = new Set(query.divisionId);
    // A person's token lists only the flows of the divisions their role covers.
    const visibility = requestVisibility(res);
    const visible = visibility.divisionIds === undefined ? org.flows : org.flows.filter((flow) => visibility.sees(flow));
    // A deprecated `id` filter overrides every other filter, as documented.
    const matches =
      ids.size > 0
        ? visible.filter((flow) => ids.has(flow.entity.id))
        : visible.filter(
            ({ entity }) =>
              (query.deleted || !entity.deleted) &&
              (types.size === 0 || types.has(entity.type)) &&
              (divisions.size === 0 || divisions.has(entity.division?.id ?? '')) &&
              contains(entity.name, query.name) &&
              contains(entity.description, query.description) &&
              (contains(entity.name, query.nameOrDescription) || contains(entity.description, query.nameOrDescription)),
          );
    const key = query.sortBy;
    const direction = query.sortOrder.startsWith('desc') ? -1 : 1;
    const sorted = matches
      .map((flow) => flow.entity)
      .sort((a, b) => direction * ((a[key] ?? '').localeCompare(b[key] ?? '') || a.id.localeCompare(b.id)));
    res.json(listing(req, sorted, query.pageNumber, query.pageSize));
  });

  /** Finds the flow or answers 404; deleted flows need `deleted=true`. */
  const findFlow = (req: Request, res: Response): SimulatedFlow | undefined => {
    const query = parseQuery(req, res, DeletedQuery);
    if (!query) return undefined;
    const flowId = String(req.params.flowId);
    const flow = org.flowsById.get(flowId);
    // A flow in a division the token cannot see is answered as missing: its existence is not told.
    if (!flow || (flow.entity.deleted && !query.deleted) || !requestVisibility(res).sees(flow)) {
      sendError(res, 404, 'not.found', `Unable to find a flow with the id '${flowId}'.`, {
        messageWithParams: 'Unable to find a flow with the id {id}.',
        messageParams: { id: flowId },
        details: [{ entityId: flowId }],
      });
      return undefined;
    }
    return flow;
  };
  const findVersion = (req: Request, res: Response, flow: SimulatedFlow): SimulatedVersion | undefined => {
    const versionId = String(req.params.versionId);
    const version = flow.versions.find((candidate) => candidate.id === versionId);
    if (!version) sendError(res, 404, 'not.found', `Unable to find version '${versionId}' of flow '${flow.entity.id}'.`);
    return version;
  };

  router.get('/api/v2/flows/:flowId', (req, res) => {
    const flow = findFlow(req, res);
    if (flow) res.json(flow.entity);
  });

  router.get('/api/v2/flows/:flowId/latestconfiguration', (req, res) => {
    const flow = findFlow(req, res);
    const latest = flow?.versions.at(-1);
    if (flow && latest) res.json(configurations.get(flow, latest));
  });

  router.get('/api/v2/flows/:flowId/versions', (req, res) => {
    const flow = findFlow(req, res);
    const query = flow && parseQuery(req, res, VersionsQuery);
    if (!flow || !query) return;
    const newestFirst = [...flow.versions].reverse().map((version) => versionEntity(flow, version));
    res.json(listing(req, newestFirst, query.pageNumber, query.pageSize));
  });

  router.get('/api/v2/flows/:flowId/versions/:versionId', (req, res) => {
    const flow = findFlow(req, res);
    const version = flow && findVersion(req, res, flow);
    if (flow && version) res.json(versionEntity(flow, version));
  });

  router.get('/api/v2/flows/:flowId/versions/:versionId/configuration', (req, res) => {
    const flow = findFlow(req, res);
    const version = flow && findVersion(req, res, flow);
    if (flow && version) res.json(configurations.get(flow, version));
  });

  return router;
}

import express, { type Request, type Response, type Router } from 'express';
import { z } from 'zod';
import { consumedResources, consumingResources, dependencyOf, flowDependency } from '../../org/dependencies.js';
import { requestVisibility, type Visibility, visibleDependencies } from '../../identity/visibility.js';
import type { SimulatedOrg } from '../../org/types.js';
import { sendBadParameter, sendError } from '../errors.js';
import { listing } from '../paging.js';
import { booleanParam, multi, pagingParams, parseQuery, required } from '../query.js';

const BASE = '/api/v2/architect/dependencytracking';

const ConsumedQuery = z.looseObject({ id: required, version: required, objectType: required, resourceType: multi, ...pagingParams });
const ConsumingQuery = z.looseObject({
  id: required,
  objectType: required,
  resourceType: multi,
  version: z.string().optional(),
  flowFilter: z.enum(['checkedIn', 'published']).optional(),
  ...pagingParams,
});
const DeletedConsumersQuery = z.looseObject({
  name: z.string().optional(),
  objectType: multi,
  flowFilter: z.enum(['checkedIn', 'published']).optional(),
  consumedResources: booleanParam,
  consumedResourceType: multi,
  ...pagingParams,
});
const ObjectQuery = z.looseObject({
  id: required,
  version: z.string().optional(),
  objectType: z.string().optional(),
  consumedResources: booleanParam,
  consumingResources: booleanParam,
  consumedResourceType: multi,
  consumingResourceType: multi,
});

function notFound(res: Response, id: string): void {
  sendError(res, 404, 'not.found', `No dependency tracking object with id '${id}' was found.`, { details: [{ entityId: id }] });
}

/** Keeps entities whose type is in `types` (case-insensitive); an empty filter keeps all. */
function ofTypes<T extends { type: string }>(items: T[], types: string[]): T[] {
  if (types.length === 0) return items;
  const wanted = new Set(types.map((type) => type.toUpperCase()));
  return items.filter((item) => wanted.has(item.type));
}

/** True when `id` is a flow in a division the token cannot see: answered as if it did not exist. */
function hidden(org: SimulatedOrg, id: string, visibility: Visibility): boolean {
  const flow = org.flowsById.get(id);
  return flow !== undefined && !visibility.sees(flow);
}

/**
 * The dependency-tracking endpoints a crawler uses (genesys-api.md §4), answering for what the
 * token may see: flows of other divisions are neither queryable nor listed as dependencies.
 */
export function dependencyTrackingRouter(org: SimulatedOrg, buildCompleted: Date): Router {
  const router = express.Router();

  router.get(`${BASE}/consumedresources`, (req: Request, res: Response) => {
    const query = parseQuery(req, res, ConsumedQuery);
    if (!query) return;
    const visibility = requestVisibility(res);
    const flow = org.flowsById.get(query.id);
    if (!flow || !visibility.sees(flow)) return notFound(res, query.id);
    const expected = dependencyOf(org, query.id)?.type;
    // "Only versioned types are allowed here": the object type must be the flow's.
    if (query.objectType.toUpperCase() !== expected) return sendBadParameter(res, 'objectType', `object ${query.id} is a ${expected}`);
    const version = flow.versions.find((candidate) => candidate.id === query.version);
    if (!version) return sendError(res, 404, 'not.found', `Version '${query.version}' of object '${query.id}' was not found.`);
    const consumed = visibleDependencies(org, consumedResources(org, version), visibility);
    res.json(listing(req, ofTypes(consumed, query.resourceType), query.pageNumber, query.pageSize));
  });

  router.get(`${BASE}/consumingresources`, (req: Request, res: Response) => {
    const query = parseQuery(req, res, ConsumingQuery);
    if (!query) return;
    const visibility = requestVisibility(res);
    const object = dependencyOf(org, query.id);
    if (!object || hidden(org, query.id, visibility)) return notFound(res, query.id);
    if (query.objectType.toUpperCase() !== object.type)
      return sendBadParameter(res, 'objectType', `object ${query.id} is a ${object.type}`);
    const consuming = visibleDependencies(org, consumingResources(org, query.id, query.flowFilter === 'published'), visibility);
    const consumers = ofTypes(consuming, query.resourceType);
    res.json(listing(req, consumers, query.pageNumber, query.pageSize));
  });

  router.get(`${BASE}/object`, (req: Request, res: Response) => {
    const query = parseQuery(req, res, ObjectQuery);
    if (!query) return;
    const visibility = requestVisibility(res);
    const object = dependencyOf(org, query.id);
    if (!object || hidden(org, query.id, visibility)) return notFound(res, query.id);
    const flow = org.flowsById.get(query.id);
    const version = flow?.versions.find((candidate) => candidate.id === (query.version ?? object.version));
    res.json({
      ...object,
      ...(query.consumedResources
        ? {
            consumedResources: ofTypes(
              version ? visibleDependencies(org, consumedResources(org, version), visibility) : [],
              query.consumedResourceType,
            ),
          }
        : {}),
      ...(query.consumingResources
        ? {
            consumingResources: ofTypes(
              visibleDependencies(org, consumingResources(org, query.id, false), visibility),
              query.consumingResourceType,
            ),
          }
        : {}),
    });
  });

  // Flow versions (published, and unless `flowFilter=published` the latest) that consume a deleted object.
  router.get(`${BASE}/deletedresourceconsumers`, (req: Request, res: Response) => {
    const query = parseQuery(req, res, DeletedConsumersQuery);
    if (!query) return;
    const types = new Set(query.objectType.map((type) => type.toUpperCase()));
    const visibility = requestVisibility(res);
    const consumers = org.flows.flatMap((flow) => {
      if (
        flow.entity.deleted ||
        !visibility.sees(flow) ||
        (query.name !== undefined && !flow.entity.name.toLowerCase().includes(query.name.toLowerCase()))
      )
        return [];
      const published = flow.entity.publishedVersion?.id;
      const versions = flow.versions.filter(
        (version, i) => version.id === published || (query.flowFilter !== 'published' && i === flow.versions.length - 1),
      );
      return versions.flatMap((version) => {
        const consumed = visibleDependencies(org, consumedResources(org, version), visibility);
        if (!consumed.some((dependency) => dependency.deleted)) return [];
        const object = flowDependency(flow, version.id);
        if (types.size > 0 && !types.has(object.type)) return [];
        return [{ ...object, ...(query.consumedResources ? { consumedResources: ofTypes(consumed, query.consumedResourceType) } : {}) }];
      });
    });
    res.json(listing(req, consumers, query.pageNumber, query.pageSize));
  });

  router.get(`${BASE}/build`, (_req: Request, res: Response) => {
    res.json({
      id: 'dependency-tracking-build',
      name: 'Dependency Tracking Build',
      buildId: `${org.seed}`,
      dateStarted: new Date(buildCompleted.getTime() - 90_000).toISOString(),
      dateCompleted: buildCompleted.toISOString(),
      status: 'OPERATIONAL',
      failedObjects: [],
      selfUri: `${BASE}/build`,
    });
  });

  return router;
}

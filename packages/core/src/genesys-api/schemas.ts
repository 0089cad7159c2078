import { z } from 'zod';

/**
 * Zod schemas of the real Genesys Cloud Platform API v2 shapes Flowgraph reads
 * (JS SDK 259 `index.d.ts`; ../shared/docs/genesys-api.md §2, §4). Shared by the client
 * (validates responses), the simulator (builds them) and the snapshot importer.
 * Objects are `loose`: Genesys adds fields over time and we must not reject them.
 */

export const DomainEntityRefSchema = z.looseObject({
  id: z.string(),
  name: z.string().optional(),
  selfUri: z.string().optional(),
});

export const FlowVersionSchema = z.looseObject({
  id: z.string(),
  name: z.string().optional(),
  commitVersion: z.string().optional(),
  configurationVersion: z.string().optional(),
  type: z.enum(['PUBLISH', 'CHECKIN', 'SAVE']).optional(),
  secure: z.boolean().optional(),
  debug: z.boolean().optional(),
  configurationUri: z.string().optional(),
  dateCreated: z.number().optional(),
  dateCheckedIn: z.number().optional(),
  dateSaved: z.number().optional(),
  datePublished: z.string().optional(),
  generationId: z.string().optional(),
  selfUri: z.string().optional(),
});
export type GenesysFlowVersion = z.infer<typeof FlowVersionSchema>;

export const FlowSchema = z.looseObject({
  id: z.string(),
  name: z.string(),
  division: DomainEntityRefSchema.optional(),
  description: z.string().optional(),
  type: z.string(),
  lockedUser: DomainEntityRefSchema.optional(),
  lockedClient: DomainEntityRefSchema.optional(),
  active: z.boolean().optional(),
  system: z.boolean().optional(),
  deleted: z.boolean().optional(),
  publishedVersion: FlowVersionSchema.optional(),
  savedVersion: FlowVersionSchema.optional(),
  checkedInVersion: FlowVersionSchema.optional(),
  debugVersion: FlowVersionSchema.optional(),
  compatibleFlowTypes: z.array(z.string()).optional(),
  selfUri: z.string().optional(),
});
export type GenesysFlow = z.infer<typeof FlowSchema>;

/** The paging envelope every listing uses (FlowEntityListing, ConsumedResourcesEntityListing, ...). */
export function entityListingSchema<T extends z.ZodType>(entity: T) {
  return z.looseObject({
    entities: z.array(entity).optional(),
    pageSize: z.number().int().optional(),
    pageNumber: z.number().int().optional(),
    total: z.number().int().optional(),
    pageCount: z.number().int().optional(),
    firstUri: z.string().optional(),
    selfUri: z.string().optional(),
    nextUri: z.string().optional(),
    previousUri: z.string().optional(),
    lastUri: z.string().optional(),
  });
}

export const FlowEntityListingSchema = entityListingSchema(FlowSchema);
export type FlowEntityListing = z.infer<typeof FlowEntityListingSchema>;

/** A consumed or consuming resource of dependency tracking. */
export const DependencySchema = z.looseObject({
  id: z.string(),
  name: z.string().optional(),
  version: z.string().optional(),
  type: z.string(),
  deleted: z.boolean().optional(),
  updated: z.boolean().optional(),
  stateUnknown: z.boolean().optional(),
  selfUri: z.string().optional(),
});
export type GenesysDependency = z.infer<typeof DependencySchema>;

export const ConsumedResourcesListingSchema = entityListingSchema(DependencySchema);

export const DependencyObjectSchema = z.looseObject({
  id: z.string(),
  name: z.string().optional(),
  version: z.string().optional(),
  type: z.string().optional(),
  deleted: z.boolean().optional(),
  updated: z.boolean().optional(),
  stateUnknown: z.boolean().optional(),
  consumedResources: z.array(DependencySchema).optional(),
  consumingResources: z.array(DependencySchema).optional(),
  selfUri: z.string().optional(),
});

export const DependencyObjectListingSchema = entityListingSchema(DependencyObjectSchema);

export const ErrorBodySchema = z.looseObject({
  message: z.string().optional(),
  code: z.string().optional(),
  status: z.number().optional(),
  contextId: z.string().optional(),
  messageWithParams: z.string().optional(),
  messageParams: z.record(z.string(), z.unknown()).optional(),
  details: z.array(z.unknown()).optional(),
  errors: z.array(z.unknown()).optional(),
});

export const TokenResponseSchema = z.looseObject({
  access_token: z.string().min(1),
  token_type: z.string(),
  expires_in: z.number().positive(),
});

export const OAuthErrorSchema = z.looseObject({
  error: z.string(),
  description: z.string().optional(),
  error_description: z.string().optional(),
});

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

/**
 * The Code Authorization grant's token answer (genesys-api.md §10): the client-credentials fields
 * plus the refresh token a signed-in person's session keeps server-side.
 */
export const CodeTokenResponseSchema = TokenResponseSchema.extend({
  refresh_token: z.string().min(1),
});

/** `AuthzDivision`: a division as the authorization API names it. */
export const AuthzDivisionSchema = z.looseObject({
  id: z.string(),
  name: z.string().optional(),
  description: z.string().optional(),
  homeDivision: z.boolean().optional(),
  selfUri: z.string().optional(),
});
export type GenesysDivision = z.infer<typeof AuthzDivisionSchema>;

/**
 * `GET /api/v2/authorization/divisionspermitted/paged/me?permission=…`: the divisions the token's
 * person holds a permission in (`DivsPermittedEntityListing`, with `allDivsPermitted`).
 */
export const DivisionsPermittedListingSchema = entityListingSchema(AuthzDivisionSchema).extend({
  allDivsPermitted: z.boolean().optional(),
});

/** `GET /api/v2/users/me` (`UserMe`; `expand=organization` adds the org). */
export const UserMeSchema = z.looseObject({
  id: z.string().min(1),
  name: z.string().optional(),
  email: z.string().optional(),
  username: z.string().optional(),
  state: z.string().optional(),
  division: DomainEntityRefSchema.optional(),
  organization: z.looseObject({ id: z.string().min(1), name: z.string().optional() }).optional(),
  selfUri: z.string().optional(),
});
export type GenesysUserMe = z.infer<typeof UserMeSchema>;

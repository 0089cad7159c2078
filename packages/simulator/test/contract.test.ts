import {
  ConsumedResourcesListingSchema,
  DependencyObjectSchema,
  entityListingSchema,
  ErrorBodySchema,
  FlowEntityListingSchema,
  FlowSchema,
  FlowVersionSchema,
  DependencySchema,
} from '@flowgraph/core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { z } from 'zod';
import { startTestSimulator, type TestSimulator } from './helpers/client.js';
import { reportSkip } from '../../../testing/shared-data.js';
import { officialValidator, specAvailable } from './helpers/official-schemas.js';

if (!specAvailable) reportSkip('simulator contract tests against the official OpenAPI spec', 'FLOWGRAPH_OPENAPI_SPEC');

const DT = '/api/v2/architect/dependencytracking';

describe.skipIf(!specAvailable)('[I] every simulator response matches the official spec and the core schemas', () => {
  let sim: TestSimulator;
  let flowId: string;
  let flowType: string;
  let version: string;

  beforeAll(async () => {
    sim = await startTestSimulator({ rateLimit: 1000 });
    const caller = sim.org.flowsById.get(sim.org.planted.unpublishedModule.callerId);
    flowId = caller?.entity.id ?? '';
    flowType = 'INBOUNDCALLFLOW';
    version = caller?.entity.publishedVersion?.id ?? '';
  });
  afterAll(() => sim.close());

  async function expectValid(path: string, status: number, definition: string, zodSchema: z.ZodType): Promise<unknown> {
    const { status: actual, body } = await sim.getJson(path);
    expect(actual, path).toBe(status);
    const validate = officialValidator(definition);
    expect(validate(body), `${path} vs ${definition}: ${JSON.stringify(validate.errors)}`).toBe(true);
    expect(zodSchema.safeParse(body).success, `${path} vs core zod`).toBe(true);
    return body;
  }

  it('the patched spec still rejects what the API never sends', () => {
    expect(officialValidator('Flow')({ name: 'x', type: 'NOTATYPE' })).toBe(false);
    expect(officialValidator('Dependency')({ id: 'x', type: 'PROMPT' })).toBe(false);
    expect(officialValidator('FlowEntityListing')({ entities: [{ id: 'no name' }] })).toBe(false);
  });

  it('flow listing, flow, versions, version', async () => {
    const listing = (await expectValid('/api/v2/flows?pageSize=50', 200, 'FlowEntityListing', FlowEntityListingSchema)) as {
      entities: unknown[];
    };
    expect(listing.entities.length).toBeGreaterThan(0);
    await expectValid(`/api/v2/flows/${flowId}`, 200, 'Flow', FlowSchema);
    await expectValid(`/api/v2/flows/${flowId}/versions`, 200, 'FlowVersionEntityListing', entityListingSchema(FlowVersionSchema));
    await expectValid(`/api/v2/flows/${flowId}/versions/${version}`, 200, 'FlowVersion', FlowVersionSchema);
    // Every generated flow, including locked, deleted and unpublished ones.
    const everyFlow = (await sim.getJson('/api/v2/flows?pageSize=500&deleted=true')).body;
    expect(officialValidator('FlowEntityListing')(everyFlow)).toBe(true);
  });

  it('dependency tracking: consumed, consuming, object, build', async () => {
    await expectValid(
      `${DT}/consumedresources?id=${flowId}&version=${version}&objectType=${flowType}`,
      200,
      'ConsumedResourcesEntityListing',
      ConsumedResourcesListingSchema,
    );
    const { dataActionId } = sim.org.planted.deletedDataAction;
    await expectValid(
      `${DT}/consumingresources?id=${dataActionId}&objectType=DATAACTION`,
      200,
      'ConsumingResourcesEntityListing',
      entityListingSchema(DependencySchema),
    );
    await expectValid(
      `${DT}/object?id=${flowId}&consumedResources=true&consumingResources=true`,
      200,
      'DependencyObject',
      DependencyObjectSchema,
    );
    // Core has no DependencyStatus schema (the client only reads `status`); this is its shape.
    const BuildSchema = z.looseObject({ status: z.string(), dateCompleted: z.iso.datetime() });
    const build = (await expectValid(`${DT}/build`, 200, 'DependencyStatus', BuildSchema)) as { status: string };
    expect(build.status).toBe('OPERATIONAL');
  });

  it('error bodies: 404, 400 missing parameter, 400 page size, 401', async () => {
    await expectValid('/api/v2/flows/no-such-flow', 404, 'ErrorBody', ErrorBodySchema);
    await expectValid(`${DT}/consumedresources?id=${flowId}&objectType=${flowType}`, 400, 'ErrorBody', ErrorBodySchema);
    await expectValid('/api/v2/flows?pageSize=501', 400, 'ErrorBody', ErrorBodySchema);
    await expectValid('/api/v2/no/such/route', 404, 'ErrorBody', ErrorBodySchema);
    const unauthorized = await sim.get('/api/v2/flows', 'not-a-token');
    expect(unauthorized.status).toBe(401);
    const body = await unauthorized.json();
    expect(officialValidator('ErrorBody')(body)).toBe(true);
    expect(ErrorBodySchema.safeParse(body).success).toBe(true);
  });

  it('the normalised 429 body', async () => {
    const limited = await startTestSimulator({ rateLimit: 1 });
    try {
      await limited.get('/api/v2/flows');
      const { status, body } = await limited.getJson('/api/v2/flows');
      expect(status).toBe(429);
      expect(officialValidator('ErrorBody')(body)).toBe(true);
      expect(ErrorBodySchema.safeParse(body).success).toBe(true);
    } finally {
      await limited.close();
    }
  });
});

import { ErrorBodySchema, FlowEntityListingSchema, type GenesysFlow } from '@flowgraph/core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestSimulator, type TestSimulator } from './helpers/client.js';

describe('[I] GET /api/v2/flows paging, filters and flow endpoints', () => {
  let sim: TestSimulator;
  beforeAll(async () => {
    sim = await startTestSimulator({ flows: 120, seed: 3, rateLimit: 10_000 });
  });
  afterAll(() => sim.close());

  async function list(query: string) {
    const { status, body } = await sim.getJson(`/api/v2/flows${query}`);
    expect(status, query).toBe(200);
    return FlowEntityListingSchema.parse(body);
  }

  it('pages through every live flow exactly once, with total, pageCount and real URIs', async () => {
    const live = sim.org.flows.filter((flow) => !flow.entity.deleted).map((flow) => flow.entity.id);
    const first = await list('');
    expect(first).toMatchObject({ pageNumber: 1, pageSize: 25, total: live.length, pageCount: Math.ceil(live.length / 25) });
    expect(first.selfUri).toBe('/api/v2/flows?pageNumber=1&pageSize=25');
    expect(first.nextUri).toBe('/api/v2/flows?pageNumber=2&pageSize=25');
    expect(first.previousUri).toBeUndefined();
    const seen: string[] = [];
    let page = first;
    for (let number = 1; ; number++) {
      page = number === 1 ? first : await list(`?pageNumber=${number}&pageSize=25`);
      seen.push(...(page.entities ?? []).map((flow) => flow.id));
      if (!page.nextUri) break;
    }
    expect(page.lastUri).toBe(page.selfUri);
    expect(page.previousUri).toBe(`/api/v2/flows?pageNumber=${(page.pageNumber ?? 0) - 1}&pageSize=25`);
    expect(seen.sort()).toEqual([...live].sort());
    expect((await list(`?pageNumber=${(page.pageNumber ?? 0) + 1}`)).entities).toEqual([]);
  });

  it('rejects pageSize over 500 with a 400 ErrorBody naming the parameter', async () => {
    expect((await list('?pageSize=500')).pageSize).toBe(500);
    const { status, body } = await sim.getJson('/api/v2/flows?pageSize=501');
    expect(status).toBe(400);
    const error = ErrorBodySchema.parse(body);
    expect(error.messageParams).toMatchObject({ paramName: 'pageSize' });
    expect(error.message).toContain('pageSize');
  });

  it('filters by repeated lowercase type keys, keeping them in the paging URIs', async () => {
    const page = await list('?type=inboundcall&type=commonmodule&pageSize=10');
    const expected = sim.org.flows.filter((f) => !f.entity.deleted && ['INBOUNDCALL', 'COMMONMODULE'].includes(f.entity.type));
    expect(page.total).toBe(expected.length);
    expect(new Set(page.entities?.map((flow) => flow.type))).toEqual(new Set(['INBOUNDCALL', 'COMMONMODULE']));
    expect(page.nextUri).toBe('/api/v2/flows?pageNumber=2&pageSize=10&type=inboundcall&type=commonmodule');
    expect((await sim.getJson('/api/v2/flows?type=nonsense')).status).toBe(400);
  });

  it('filters by name substring, case-insensitively, and sorts', async () => {
    const target = sim.org.flows.find((flow) => !flow.entity.deleted)?.entity as GenesysFlow;
    const fragment = target.name.slice(1, 6).toUpperCase();
    const page = await list(`?name=${encodeURIComponent(fragment)}&pageSize=500`);
    expect(page.entities?.map((flow) => flow.id)).toContain(target.id);
    expect(page.entities?.every((flow) => flow.name.toLowerCase().includes(fragment.toLowerCase()))).toBe(true);
    const sorted = await list('?sortBy=name&sortOrder=desc&pageSize=500');
    const names = sorted.entities?.map((flow) => flow.name) ?? [];
    expect(names).toEqual([...names].sort((a, b) => b.localeCompare(a)));
  });

  it('lists and serves deleted flows only with deleted=true', async () => {
    const [deletedId] = sim.org.planted.deletedFlowIds;
    expect(deletedId).toBeDefined();
    expect((await list('?pageSize=500')).entities?.some((flow) => flow.id === deletedId)).toBe(false);
    const withDeleted = await list('?pageSize=500&deleted=true');
    expect(withDeleted.total).toBe(sim.org.flows.length);
    expect((await sim.getJson(`/api/v2/flows/${deletedId}`)).status).toBe(404);
    const { status, body } = await sim.getJson(`/api/v2/flows/${deletedId}?deleted=true`);
    expect(status).toBe(200);
    expect(body).toMatchObject({ id: deletedId, deleted: true });
  });

  it('serves versions, one version and version configurations', async () => {
    const id = sim.org.planted.unpublishedChangesFlowId;
    const flow = sim.org.flowsById.get(id);
    const { body } = await sim.getJson(`/api/v2/flows/${id}/versions`);
    const versions = body as { entities: Array<{ id: string; type: string; configurationUri: string }>; total: number };
    expect(versions.total).toBe(flow?.versions.length);
    // Newest first: the saved, unpublished draft, then the published version.
    expect(versions.entities[0]).toMatchObject({ id: flow?.entity.savedVersion?.id, type: 'SAVE' });
    expect(versions.entities[1]).toMatchObject({ id: flow?.entity.publishedVersion?.id, type: 'PUBLISH' });
    const configuration = await sim.getJson(versions.entities[1]?.configurationUri ?? '');
    expect(configuration.body).toMatchObject({ name: flow?.entity.name, type: 'inboundcall' });
    expect((await sim.getJson(`/api/v2/flows/${id}/versions/99.0`)).status).toBe(404);
  });
});

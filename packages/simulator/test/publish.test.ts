import { ConsumedResourcesListingSchema, FlowSchema } from '@flowgraph/core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestSimulator, type TestSimulator } from './helpers/client.js';

describe('[I] publishing new versions in the simulator', () => {
  let sim: TestSimulator;
  beforeAll(async () => {
    sim = await startTestSimulator({ flows: 60, seed: 9, rateLimit: 10_000 });
  });
  afterAll(() => sim.close());

  const post = (body: unknown) =>
    fetch(`${sim.url}/__simulator/publish`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify(body),
    });

  it('publishes a new version that the flow, dependency tracking and consumers all answer for', async () => {
    const flow = sim.org.flows.find(
      (candidate) =>
        !candidate.entity.deleted && candidate.entity.publishedVersion && (candidate.versions.at(-1)?.references.length ?? 0) > 1,
    )!;
    const before = flow.entity.publishedVersion!.id;
    const response = await post({ flowIds: [flow.entity.id] });
    expect(response.status).toBe(200);
    const { published } = (await response.json()) as {
      published: Array<{ id: string; version: string; added: string[]; removed: string[] }>;
    };
    const [change] = published;
    expect(change?.id).toBe(flow.entity.id);
    expect(Number.parseFloat(change!.version)).toBeGreaterThan(Number.parseFloat(before));

    const entity = FlowSchema.parse((await sim.getJson(`/api/v2/flows/${flow.entity.id}`)).body);
    expect(entity.publishedVersion?.id).toBe(change!.version);
    expect(entity.savedVersion?.id).toBe(change!.version);

    const consumed = async (version: string) =>
      ConsumedResourcesListingSchema.parse(
        (
          await sim.getJson(
            `/api/v2/architect/dependencytracking/consumedresources?id=${flow.entity.id}&version=${version}&objectType=${depType(entity.type)}&pageSize=100`,
          )
        ).body,
      ).entities!.map((dependency) => dependency.id);
    const now = await consumed(change!.version);
    const old = await consumed(before);
    for (const id of change!.added) {
      expect(now).toContain(id);
      expect(old).not.toContain(id);
    }
    for (const id of change!.removed) expect(now).not.toContain(id);
    // The old version is still there, as in Genesys.
    expect(old.length).toBeGreaterThan(0);

    const [added] = change!.added;
    const consumers = (
      await sim.getJson(
        `/api/v2/architect/dependencytracking/consumingresources?id=${added}&objectType=${sim.org.resourcesById.get(added!)!.type}&pageSize=100`,
      )
    ).body as {
      entities: Array<{ id: string; version: string }>;
    };
    expect(consumers.entities).toContainEqual(expect.objectContaining({ id: flow.entity.id, version: change!.version }));
  });

  it('picks a number of flows spread over the org, and refuses a bad body', async () => {
    const response = await post({ count: 5 });
    expect(response.status).toBe(200);
    expect(((await response.json()) as { published: unknown[] }).published).toHaveLength(5);
    expect((await post({})).status).toBe(400);
    expect((await post({ flowIds: ['nope'] })).status).toBe(400);
    // Not part of the Genesys API: the API guard never sees it, and /api/v2 has no such route.
    expect((await sim.get('/api/v2/__simulator/publish')).status).toBe(404);
  });
});

function depType(type: string): string {
  return type === 'WORKFLOW' ? 'WORKFLOW' : `${type}FLOW`;
}

import type { Snapshot } from '@flowgraph/core';

/** A small snapshot: `flows` inbound flows at `version`, each using one data action. */
export function sampleSnapshot(flows: number, version: string, padding = 0): Snapshot {
  const entities = Array.from({ length: flows }, (_, i) => ({
    id: `flow-${i}`,
    name: `Flow ${i}`,
    type: 'INBOUNDCALL',
    publishedVersion: { id: version },
    ...(padding > 0 ? { description: 'x'.repeat(padding) } : {}),
  }));
  return {
    format: 'flowgraph-snapshot',
    version: 1,
    source: { kind: 'demo', baseUrl: 'http://127.0.0.1:9' },
    fetchedAt: '2026-05-01T09:00:00.000Z',
    flows: entities,
    consumedResources: Object.fromEntries(
      entities.map((flow, i) => [
        flow.id,
        { version, objectType: 'INBOUNDCALLFLOW', resources: [{ id: `action-${i}`, name: `Action ${i}`, type: 'DATAACTION' }] },
      ]),
    ),
    errors: [],
    stats: { listed: flows, fetched: flows, failed: 0 },
  };
}

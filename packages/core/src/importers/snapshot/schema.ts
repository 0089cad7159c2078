import { z } from 'zod';
import { DependencySchema, FlowSchema } from '../../genesys-api/schemas.js';

/**
 * Flowgraph's own snapshot of an org: what the Genesys client's crawl writes and the snapshot
 * importer reads. Documented in docs/snapshot-format.md. Versioned: a reader rejects a newer
 * major version with a clear message instead of guessing.
 */
export const SNAPSHOT_FORMAT = 'flowgraph-snapshot';
export const SNAPSHOT_VERSION = 1;

export const SnapshotFetchErrorSchema = z.object({
  /** The flow the failure is about, when it is about one. */
  flowId: z.string().optional(),
  flowName: z.string().optional(),
  /** Method and path of the request that failed, e.g. `GET /api/v2/architect/dependencytracking/consumedresources`. */
  request: z.string(),
  status: z.number().int().optional(),
  message: z.string(),
  attempts: z.number().int().optional(),
});
export type SnapshotFetchError = z.infer<typeof SnapshotFetchErrorSchema>;

export const SnapshotConsumedSchema = z.object({
  /** The flow version whose consumed resources these are (published, else the latest saved). */
  version: z.string(),
  /** The dependency-tracking object type queried, e.g. INBOUNDCALLFLOW. */
  objectType: z.string(),
  resources: z.array(DependencySchema),
});

export const SnapshotSchema = z.object({
  format: z.literal(SNAPSHOT_FORMAT),
  version: z.literal(SNAPSHOT_VERSION),
  source: z.object({
    kind: z.enum(['live', 'demo', 'file']),
    region: z.string().optional(),
    baseUrl: z.string().optional(),
  }),
  fetchedAt: z.string(),
  /** The entities of `GET /api/v2/flows`, as the API returned them. */
  flows: z.array(FlowSchema),
  /** Per flow id: its consumed resources from dependency tracking. */
  consumedResources: z.record(z.string(), SnapshotConsumedSchema),
  /** Per flow id: `GET /api/v2/flows/{id}/latestconfiguration` (Architect's internal JSON), when fetched. */
  configurations: z.record(z.string(), z.unknown()).optional(),
  errors: z.array(SnapshotFetchErrorSchema),
  stats: z
    .object({
      listed: z.number().int(),
      fetched: z.number().int(),
      failed: z.number().int(),
      /** Of `fetched`: flows whose consumed resources an incremental crawl reused from an earlier one. */
      reused: z.number().int().optional(),
      /** HTTP requests the crawl made (retries included). */
      requests: z.number().int().optional(),
    })
    .optional(),
});
export type Snapshot = z.infer<typeof SnapshotSchema>;

import { z } from 'zod';
import { count } from './count.js';
import { exportGraphSchema, layoutSchema } from './graph.js';

/**
 * `GET /api/history` and `GET /api/diff` (docs/http-api.md): the org's stored crawls and what
 * changed between two of them. Loose objects: the store's records and the diff may grow fields.
 */

/** What a crawl did beside what it found (the store's `CrawlStats`). */
export const crawlStatsSchema = z.looseObject({
  requests: count,
  flowsListed: count,
  flowsFetched: count,
  flowsReused: count,
  failed: count,
  durationMs: count.optional(),
  mode: z.enum(['incremental', 'full']).optional(),
});

/** One stored crawl, without its snapshot (the store's `SnapshotRecord`). */
export const snapshotRecordSchema = z.looseObject({
  id: z.number().int().positive(),
  org: z.string(),
  source: z.looseObject({ kind: z.enum(['live', 'demo', 'file']), label: z.string() }),
  /** When the crawl finished. */
  fetchedAt: z.string(),
  /** When it was stored. */
  savedAt: z.string(),
  stats: z.looseObject({ flows: count, fetched: count, failed: count }),
  crawl: crawlStatsSchema.optional(),
  bytes: count,
  storedBytes: count,
});
export type SnapshotRecordInfo = z.infer<typeof snapshotRecordSchema>;

/** `GET /api/history`: newest first. */
export const historyResponseSchema = z.looseObject({ org: z.string(), snapshots: z.array(snapshotRecordSchema) });
export type HistoryResponse = z.infer<typeof historyResponseSchema>;

const changeSchema = z.union([
  z.looseObject({ kind: z.literal('property'), property: z.string(), before: z.string().optional(), after: z.string().optional() }),
  z.looseObject({ kind: z.literal('uses'), added: z.array(z.string()), removed: z.array(z.string()) }),
  z.looseObject({ kind: z.literal('steps'), added: z.array(z.string()), removed: z.array(z.string()), changed: z.array(z.string()) }),
]);
export type NodeChangeInfo = z.infer<typeof changeSchema>;

const nodeSetSchema = z.looseObject({
  added: z.array(z.string()),
  removed: z.array(z.string()),
  changed: z.array(z.looseObject({ id: z.string(), name: z.string(), changes: z.array(changeSchema) })),
});
const edgeListSchema = z.array(z.looseObject({ source: z.string(), target: z.string() }));

/** The drawn roles of the Changes view's nodes. */
export const CHANGE_ROLES = ['added', 'removed', 'changed', 'context'] as const;
export type ChangeRole = (typeof CHANGE_ROLES)[number];

/** `GET /api/diff`: core's `GraphDiff` of two stored crawls, and the view of the change to draw. */
export const diffResponseSchema = z.looseObject({
  from: snapshotRecordSchema,
  to: snapshotRecordSchema,
  diff: z.looseObject({
    flows: nodeSetSchema,
    resources: nodeSetSchema,
    edges: z.looseObject({ added: edgeListSchema, removed: edgeListSchema }),
    cycles: z.looseObject({
      introduced: z.array(z.looseObject({ scope: z.string(), members: z.array(z.string()), path: z.array(z.string()) })),
      resolved: z.array(z.looseObject({ scope: z.string(), members: z.array(z.string()) })),
    }),
    findings: z.looseObject({
      introduced: z.array(z.looseObject({ code: z.string(), severity: z.string(), subject: z.string(), message: z.string() })),
      resolved: z.array(z.looseObject({ code: z.string(), subject: z.string(), message: z.string() })),
    }),
    impact: z.looseObject({
      nodes: z.array(z.string()),
      entryFlows: z.array(z.looseObject({ id: z.string(), path: z.array(z.string()) })),
    }),
    publishOrder: z.array(z.array(z.string())),
    publishGroups: z.array(z.array(z.string())),
    nodes: z.record(z.string(), z.looseObject({ name: z.string(), kind: z.string(), type: z.string() })),
    summary: z.looseObject({
      flowsAdded: count,
      flowsRemoved: count,
      flowsChanged: count,
      resourcesAdded: count,
      resourcesRemoved: count,
      resourcesChanged: count,
      edgesAdded: count,
      edgesRemoved: count,
      cyclesIntroduced: count,
      cyclesResolved: count,
      findingsIntroduced: count,
      findingsResolved: count,
      introducesErrors: z.boolean(),
    }),
  }),
  /**
   * What the Changes view draws: every changed object, the ends of every added or removed
   * dependency, the members of new cycles and the callers through which entry flows reach the
   * change, from both sides, laid out like the org view.
   */
  view: z.looseObject({
    graph: exportGraphSchema,
    layout: layoutSchema,
    roles: z.record(z.string(), z.enum(CHANGE_ROLES)),
  }),
});
export type DiffResponse = z.infer<typeof diffResponseSchema>;

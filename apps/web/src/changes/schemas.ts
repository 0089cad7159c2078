import { z } from 'zod';
import { exportGraphSchema, layoutSchema } from '@flowgraph/core';

/** `/api/history` and `/api/diff` (docs/http-api.md), only the parts the Changes view reads. */

const recordSchema = z.looseObject({
  id: z.number(),
  fetchedAt: z.string(),
  stats: z.looseObject({ flows: z.number(), failed: z.number() }),
  crawl: z.looseObject({ requests: z.number(), flowsReused: z.number() }).optional(),
});

export const historySchema = z.looseObject({ org: z.string(), snapshots: z.array(recordSchema) });

const changeSchema = z.union([
  z.looseObject({ kind: z.literal('property'), property: z.string(), before: z.string().optional(), after: z.string().optional() }),
  z.looseObject({ kind: z.literal('uses'), added: z.array(z.string()), removed: z.array(z.string()) }),
  z.looseObject({ kind: z.literal('steps'), added: z.array(z.string()), removed: z.array(z.string()), changed: z.array(z.string()) }),
]);
const nodeSetSchema = z.looseObject({
  added: z.array(z.string()),
  removed: z.array(z.string()),
  changed: z.array(z.looseObject({ id: z.string(), name: z.string(), changes: z.array(changeSchema) })),
});
const edgeListSchema = z.array(z.looseObject({ source: z.string(), target: z.string() }));

export const diffResponseSchema = z.looseObject({
  from: recordSchema,
  to: recordSchema,
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
  }),
  view: z.looseObject({
    graph: exportGraphSchema,
    layout: layoutSchema,
    roles: z.record(z.string(), z.enum(['added', 'removed', 'changed', 'context'])),
  }),
});

export type History = z.infer<typeof historySchema>;
export type DiffResponse = z.infer<typeof diffResponseSchema>;
export type Change = z.infer<typeof changeSchema>;

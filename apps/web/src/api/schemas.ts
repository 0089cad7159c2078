import { z } from 'zod';

/**
 * Shapes of the server's answers (docs/http-api.md), checked at the boundary so a server that
 * drifts from the contract fails with a message naming the field, not with a blank graph.
 * `looseObject`: a field the server adds later must not break an older page.
 */
const publishState = z.enum(['published', 'unpublished', 'deleted', 'missing', 'unknown']);

const exportNodeSchema = z.looseObject({
  id: z.string(),
  kind: z.enum(['flow', 'resource', 'step']),
  type: z.string(),
  name: z.string(),
  state: publishState,
  flowId: z.string().optional(),
  file: z.string().optional(),
});

const exportEdgeSchema = z.looseObject({
  source: z.string(),
  target: z.string(),
  kind: z.enum(['transition', 'uses', 'contains']),
  via: z.string().optional(),
  label: z.string().optional(),
  ambiguous: z.boolean().optional(),
});

const pointSchema = z.object({ x: z.number(), y: z.number() });

const layoutSchema = z.looseObject({
  positions: z.record(z.string(), pointSchema),
  width: z.number(),
  height: z.number(),
  // Bends of long edges; optional so a server without routes still draws (straight edges).
  routes: z.array(z.object({ source: z.string(), target: z.string(), points: z.array(pointSchema) })).optional(),
});

const cycleSchema = z.looseObject({
  scope: z.enum(['flow', 'org']),
  members: z.array(z.string()),
  path: z.array(z.string()),
  cut: z.object({ source: z.string(), target: z.string() }),
  flowId: z.string().optional(),
});

const findingSchema = z.looseObject({
  code: z.string(),
  severity: z.enum(['error', 'warning', 'info']),
  subject: z.string(),
  message: z.string(),
  related: z.array(z.string()).optional(),
});

const graphSchema = z.object({ nodes: z.array(exportNodeSchema), edges: z.array(exportEdgeSchema) });

const staleFlowSchema = z.looseObject({ id: z.string(), name: z.string(), since: z.string(), reason: z.string() });

export const graphResponseSchema = z.looseObject({
  source: z.looseObject({
    kind: z.enum(['demo', 'live']),
    region: z.string().optional(),
    fetchedAt: z.string(),
    // Flows whose last refresh failed: their dependencies are an earlier crawl's.
    staleFlows: z.array(staleFlowSchema).optional(),
    // The org's last stored crawl, served on start while a new crawl runs.
    restored: z.boolean().optional(),
    snapshotId: z.number().optional(),
  }),
  graph: graphSchema,
  analysis: z.looseObject({
    summary: z.looseObject({ flows: z.number(), resources: z.number(), nodes: z.number(), edges: z.number() }),
    cycles: z.array(cycleSchema),
    deployment: z.looseObject({
      waves: z.array(z.array(z.string())),
      groups: z.array(z.array(z.string())),
      blocked: z.boolean(),
    }),
    findings: z.array(findingSchema),
  }),
  // Optional: without it the page lays the graph out itself, in a worker.
  layout: layoutSchema.optional(),
});

const impactEntrySchema = z.object({ id: z.string(), depth: z.number(), path: z.array(z.string()) });

export const impactSchema = z.looseObject({
  node: z.string(),
  downstream: z.array(impactEntrySchema),
  upstream: z.array(impactEntrySchema),
  entryFlows: z.array(z.string()),
});

export const flowStepsSchema = z.looseObject({
  flow: exportNodeSchema,
  graph: graphSchema,
  cycles: z.array(cycleSchema),
  layout: layoutSchema.optional(),
});

export const metricsSchema = z.looseObject({
  requests: z.number(),
  retries: z.number(),
  rateLimitWaits: z.number(),
  rateLimitWaitMs: z.number(),
  endpoints: z.array(
    z.looseObject({ endpoint: z.string(), count: z.number(), p50: z.number(), p95: z.number(), max: z.number(), errors: z.number() }),
  ),
});

export const crawlProgressSchema = z.looseObject({
  phase: z.enum(['idle', 'token', 'listing', 'dependencies', 'analyzing', 'done', 'failed']),
  flowsDone: z.number(),
  flowsTotal: z.number(),
  pages: z.number(),
  requests: z.number(),
  rateLimitWaitMs: z.number(),
  message: z.string().optional(),
  failedFlows: z.number().optional(),
  errors: z
    .array(
      z.looseObject({
        flowId: z.string().optional(),
        flowName: z.string().optional(),
        request: z.string(),
        status: z.number().optional(),
        message: z.string(),
      }),
    )
    .optional(),
  staleFlows: z.number().optional(),
  partial: z.boolean().optional(),
  graphFetchedAt: z.string().optional(),
});

export const apiErrorSchema = z.object({ error: z.object({ code: z.string(), message: z.string() }) });

export type ExportNode = z.infer<typeof exportNodeSchema>;
export type GraphData = z.infer<typeof graphSchema>;
export type GraphResponse = z.infer<typeof graphResponseSchema>;
export type Cycle = z.infer<typeof cycleSchema>;
export type Finding = z.infer<typeof findingSchema>;
export type Impact = z.infer<typeof impactSchema>;
export type FlowSteps = z.infer<typeof flowStepsSchema>;
export type CrawlProgress = z.infer<typeof crawlProgressSchema>;
export type GraphLayout = z.infer<typeof layoutSchema>;
export type StaleFlow = z.infer<typeof staleFlowSchema>;

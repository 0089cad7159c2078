import { z } from 'zod';
import { analysisResultSchema, cycleSchema, importIssueSchema } from './analysis.js';
import { exportGraphSchema, exportNodeSchema, layoutSchema } from './graph.js';
import { crawlProgressSchema } from './progress.js';

/** The answers of the server's JSON API (docs/http-api.md) that are not core results as they are. */

/** `files`: `flowgraph serve` over files and folders, or files opened in the page. */
export const SOURCE_KINDS = ['demo', 'live', 'files'] as const;
export const sourceInfoSchema = z.object({ kind: z.enum(SOURCE_KINDS), region: z.string().optional() });
export type SourceInfo = z.infer<typeof sourceInfoSchema>;

/**
 * A flow whose dependencies the last crawl could not fetch: the graph shows the ones of an
 * earlier crawl instead of dropping its edges, and says so.
 */
export const staleFlowSchema = z.object({
  id: z.string(),
  name: z.string(),
  /** When the dependencies shown were fetched. */
  since: z.string(),
  /** Why this crawl could not fetch them. */
  reason: z.string(),
});
export type StaleFlow = z.infer<typeof staleFlowSchema>;

/** `GET /api/graph`. */
export const graphResponseSchema = z.object({
  source: sourceInfoSchema.extend({
    fetchedAt: z.string(),
    /** Flows showing the dependencies of an earlier crawl. */
    staleFlows: z.array(staleFlowSchema).optional(),
    /** Only with `?partial=true`: this crawl was refused as too partial to replace the graph. */
    partial: z.object({ reason: z.string() }).optional(),
    /** Its id in the snapshot store, when stored (see `/api/history`). */
    snapshotId: z.number().int().positive().optional(),
    /** Served from the store on start while a new crawl runs: `fetchedAt` says how old it is. */
    restored: z.boolean().optional(),
  }),
  /** Org level: flows and resources. */
  graph: exportGraphSchema,
  /** Computed on the full graph. */
  analysis: analysisResultSchema,
  /** Core `layeredLayout` of `graph`. */
  layout: layoutSchema,
});
export type GraphResponse = z.infer<typeof graphResponseSchema>;

/** `GET /api/flows/:id/steps`. */
export const stepsResponseSchema = z.object({
  flow: exportNodeSchema,
  graph: exportGraphSchema,
  cycles: z.array(cycleSchema),
  layout: layoutSchema,
  /** Problems reading the flow's configuration. */
  issues: z.array(importIssueSchema),
});
export type StepsResponse = z.infer<typeof stepsResponseSchema>;

/** `GET /api/health`. */
export const healthSchema = z.object({
  /** `degraded` (still 200): the last crawl failed or was refused, or some flows are stale. */
  status: z.enum(['ok', 'degraded']),
  mode: z.enum(SOURCE_KINDS),
  region: z.string().optional(),
  crawl: crawlProgressSchema,
});
export type Health = z.infer<typeof healthSchema>;

/** `POST /api/refresh` (202). */
export const refreshResponseSchema = z.object({ started: z.literal(true) });

/** Every error answer. */
export const apiErrorSchema = z.object({ error: z.object({ code: z.string(), message: z.string() }) });
export type ApiError = z.infer<typeof apiErrorSchema>;

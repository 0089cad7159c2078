import { z } from 'zod';
import { EDGE_KINDS, NODE_KINDS, PUBLISH_STATES } from '../model/graph.js';
import { analysisResultSchema } from './analysis.js';

/**
 * The graph as plain data: what the JSON export writes, what the HTTP API serves and what the
 * SPA draws. The model's `FlowGraph` (a Map, richer nodes) is the inside; this is its wire form.
 */
export const exportNodeSchema = z.object({
  id: z.string(),
  kind: z.enum(NODE_KINDS),
  type: z.string(),
  name: z.string(),
  state: z.enum(PUBLISH_STATES),
  /** Steps only: the flow the step belongs to. */
  flowId: z.string().optional(),
  /** The file the node was imported from (absent for external nodes). */
  file: z.string().optional(),
  /** Every file defining the flow, when several do (a YAML file and its export). */
  files: z.array(z.string()).optional(),
});
export type ExportNode = z.infer<typeof exportNodeSchema>;

export const exportEdgeSchema = z.object({
  source: z.string(),
  target: z.string(),
  kind: z.enum(EDGE_KINDS),
  /** For `uses`: the action that makes the reference (callCommonModule, transferToFlow, callData, ...). */
  via: z.string().optional(),
  /** For `transition`: the condition / output path (yes, no, success, digit_1, ...). */
  label: z.string().optional(),
  /** A reference by name that matched more than one object: every candidate has an edge, flagged. */
  ambiguous: z.boolean().optional(),
});
export type ExportEdge = z.infer<typeof exportEdgeSchema>;

export const exportGraphSchema = z.object({ nodes: z.array(exportNodeSchema), edges: z.array(exportEdgeSchema) });
export type ExportGraph = z.infer<typeof exportGraphSchema>;

/** The JSON exporter's document (`flowgraph export --format json`, `/api/export?format=json`). */
export const jsonExportSchema = exportGraphSchema.extend({ analysis: analysisResultSchema.optional() });
export type JsonExport = z.infer<typeof jsonExportSchema>;

export const pointSchema = z.object({ x: z.number(), y: z.number() });
export type Point = z.infer<typeof pointSchema>;

/** Where a long edge bends, source to target: it passes through a free slot of each layer it crosses. */
export const edgeRouteSchema = z.object({ source: z.string(), target: z.string(), points: z.array(pointSchema) });
export type EdgeRoute = z.infer<typeof edgeRouteSchema>;

/** Node centres plus the size of the box holding them all (origin at 0,0), and the bends of long edges. */
export const layoutSchema = z.object({
  positions: z.record(z.string(), pointSchema),
  width: z.number(),
  height: z.number(),
  /** Only edges that bend; any other edge is a straight line between its ends. */
  routes: z.array(edgeRouteSchema),
});
export type Layout = z.infer<typeof layoutSchema>;

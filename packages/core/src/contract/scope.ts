import { z } from 'zod';
import { EDGE_KINDS, NODE_KINDS } from '../model/graph.js';
import { cycleSchema } from './analysis.js';
import { count } from './count.js';
import { exportEdgeSchema, exportNodeSchema } from './graph.js';

/**
 * The scoped diagrams the server answers (`/api/focus`, `/api/cycles/:member/focus`, `/api/path`)
 * and the SPA draws: core's `Focus`, `CycleFocus` and `Paths` (scoping/) as they travel.
 */

export const scopeNodeSchema = exportNodeSchema.extend({
  /** `self`: what the scope is about; `up`/`down`: upstream/downstream of it; `both`; `path`: inside a path. */
  side: z.enum(['self', 'up', 'down', 'both', 'path']),
  /** Hops from the focus (a path: from its start). */
  depth: count,
  /** A node standing for several: how many, and which. */
  group: z.object({ count, members: z.array(z.string()) }).optional(),
});
export type ScopeNodeAnswer = z.infer<typeof scopeNodeSchema>;

export const scopeEdgeSchema = exportEdgeSchema.extend({
  inCycle: z.boolean().optional(),
  /** Position on the scope's cycle path (0 = first hop). */
  cycleHop: count.optional(),
  /** The suggested cut of the cycle. */
  cut: z.boolean().optional(),
  /** An edge standing for several (into a group node). */
  count: count.optional(),
});
export type ScopeEdgeAnswer = z.infer<typeof scopeEdgeSchema>;

const scopeGroupingSchema = z.object({
  offered: z.boolean(),
  applied: z.boolean(),
  nodeLimit: count,
  groupedNodeCount: count,
});

/** What every scope has: enough to draw it, export it and name its file. */
const scopeDiagramShape = {
  level: z.enum(['org', 'steps']),
  flowId: z.string().optional(),
  title: z.string(),
  fileStem: z.string(),
  nodes: z.array(scopeNodeSchema),
  edges: z.array(scopeEdgeSchema),
};

const kindTypeCountSchema = z.object({ kind: z.enum(NODE_KINDS), type: z.string(), count });

/** `GET /api/focus`. */
export const focusSchema = z.object({
  ...scopeDiagramShape,
  kind: z.literal('focus'),
  node: z.string(),
  depth: z.union([z.number().int().min(1), z.literal('all')]),
  direction: z.enum(['up', 'down', 'both']),
  reached: z.object({ up: count, down: count }),
  hidden: z.array(kindTypeCountSchema),
  collapsed: z.array(kindTypeCountSchema),
  grouping: scopeGroupingSchema,
});
export type FocusAnswer = z.infer<typeof focusSchema>;

/** `GET /api/cycles/:member/focus`. */
export const cycleFocusSchema = z.object({
  ...scopeDiagramShape,
  kind: z.literal('cycle'),
  cycle: cycleSchema,
  cut: z.object({ source: z.string(), target: z.string(), via: z.string().optional(), reason: z.string() }),
  callers: count,
  callees: count,
  grouping: scopeGroupingSchema,
});
export type CycleFocusAnswer = z.infer<typeof cycleFocusSchema>;

const pathHopSchema = z.object({
  source: z.string(),
  target: z.string(),
  kind: z.enum(EDGE_KINDS),
  via: z.string().optional(),
  label: z.string().optional(),
});

/** `GET /api/path`. */
export const pathsSchema = z.object({
  ...scopeDiagramShape,
  kind: z.literal('path'),
  from: z.string(),
  to: z.string(),
  mode: z.enum(['shortest', 'simple']),
  shortest: count.nullable(),
  /** A float: 2^60 paths are counted, not listed. */
  shortestCount: z.number().min(0),
  paths: z.array(z.object({ nodes: z.array(z.string()).min(1), hops: z.array(pathHopSchema) })),
  truncated: z.boolean(),
});
export type PathsAnswer = z.infer<typeof pathsSchema>;

/** Any of the three, as the SPA draws and exports it. */
export type ScopeAnswer = FocusAnswer | CycleFocusAnswer | PathsAnswer;

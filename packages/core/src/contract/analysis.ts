import { z } from 'zod';
import { count } from './count.js';

/**
 * A problem with one input: a file that cannot be read, a flow or a field that is invalid.
 * Collected, never thrown, so one broken flow never hides the others.
 */
export const importIssueSchema = z.object({
  /** The input file (or `live:` / `demo:` source) the problem is in. */
  file: z.string(),
  /** The flow's name or id when the problem is inside one flow. */
  flow: z.string().optional(),
  /** The field, as a path: `flows[3].definition.transitions[2].to`, `/inboundCall/tasks/0/task/actions/2`. */
  field: z.string().optional(),
  /** 1-based line and column in `file`, when the reader knows them (a YAML or JSON syntax error). */
  line: z.number().int().positive().optional(),
  column: z.number().int().positive().optional(),
  message: z.string(),
  severity: z.enum(['error', 'warning']),
});
export type ImportIssue = z.infer<typeof importIssueSchema>;

/** An input or a flow that could not be used (`check` fails on any). */
export const importErrorSchema = importIssueSchema.extend({ severity: z.literal('error') });
export type ImportError = z.infer<typeof importErrorSchema>;
/** Something used with a default or a gap (a placeholder without a value, a skipped field). */
export const importWarningSchema = importIssueSchema.extend({ severity: z.literal('warning') });
export type ImportWarning = z.infer<typeof importWarningSchema>;

export const summarySchema = z.object({
  flows: count,
  steps: count,
  resources: count,
  nodes: count,
  edges: count,
});
export type Summary = z.infer<typeof summarySchema>;

export const edgeRefSchema = z.object({ source: z.string(), target: z.string() });
export type EdgeRef = z.infer<typeof edgeRefSchema>;

export const cycleSchema = z.object({
  /** `flow`: steps inside one flow (menu repeats, retry loops); `org`: across flows and resources. */
  scope: z.enum(['flow', 'org']),
  /** Sorted node ids of the strongly connected component. */
  members: z.array(z.string()).min(1),
  /**
   * A concrete cycle inside the component: first id repeated at the end, every hop a real edge.
   * It is a shortest cycle of the whole component (ties: the one through the smallest id, which it
   * starts at) when the component has at most 2,000 members and the exact search fits its work
   * budget; otherwise it is the shortest cycle through the component's smallest id. See docs/analysis.md.
   */
  path: z.array(z.string()).min(2),
  /** A suggested edge to cut, one hop of `path` (rule in docs/analysis.md). */
  cut: edgeRefSchema,
  /** For `flow` scope: the flow the steps belong to. */
  flowId: z.string().optional(),
});
export type Cycle = z.infer<typeof cycleSchema>;

export const deploymentSchema = z.object({
  /** Waves of flow and resource ids, dependencies first; a group deployed together is listed whole in one wave. */
  waves: z.array(z.array(z.string())),
  /** The waves flattened. */
  order: z.array(z.string()),
  /** Groups of ids that must be deployed together because they form a cycle. */
  groups: z.array(z.array(z.string())),
  /** True when a cycle makes a strict order impossible (org cycles; any cycle under `strict`). */
  blocked: z.boolean(),
  /**
   * Targets named only by a run-time expression (`Task.Queue`, `Flow.x`): not objects anyone
   * deploys, so never in a wave; listed apart. Sorted ids.
   */
  dynamic: z.array(z.string()),
});
export type Deployment = z.infer<typeof deploymentSchema>;

export const severitySchema = z.enum(['error', 'warning', 'info']);
export type Severity = z.infer<typeof severitySchema>;

/** Every finding code the checks emit (docs/analysis.md describes each); stable, for CI scripts to match. */
export const FINDING_CODES = [
  'published-uses-unpublished',
  'published-uses-deleted',
  'published-uses-missing',
  'unresolved-reference',
  'ambiguous-reference',
  'dynamic-reference',
  'templated-reference',
  'duplicate-flow',
  'never-published',
  'unpublished-changes',
  'locked',
  'org-cycle',
  'flow-loop',
  'version-policy',
  'status-policy',
] as const;
export const findingCodeSchema = z.enum(FINDING_CODES);
export type FindingCode = z.infer<typeof findingCodeSchema>;

export const findingSchema = z.object({
  code: findingCodeSchema,
  severity: severitySchema,
  /** The node id the finding is about. */
  subject: z.string(),
  message: z.string(),
  /** Other node ids involved (the referenced object, the cycle members). */
  related: z.array(z.string()).optional(),
});
export type Finding = z.infer<typeof findingSchema>;

/** The one result model the CLI, the server, the SPA and every exporter read. */
export const analysisResultSchema = z.object({
  summary: summarySchema,
  cycles: z.array(cycleSchema),
  deployment: deploymentSchema,
  findings: z.array(findingSchema),
  /** Import errors: a file or a flow that could not be used (`check` fails on any). */
  errors: z.array(importErrorSchema),
  /** Import warnings: something was used with a default or a gap. */
  warnings: z.array(importWarningSchema),
});
export type AnalysisResult = z.infer<typeof analysisResultSchema>;

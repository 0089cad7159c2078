import { z } from 'zod';

/**
 * The CLI's JSON output as a contract: tests parse every JSON answer with these, so a field
 * that disappears or changes type fails here before it breaks someone's CI script.
 */
const issueSchema = <S extends 'error' | 'warning'>(severity: S) =>
  z.object({
    file: z.string(),
    flow: z.string().optional(),
    field: z.string().optional(),
    message: z.string(),
    severity: z.literal(severity),
  });

const CycleSchema = z.object({
  scope: z.enum(['flow', 'org']),
  members: z.array(z.string()).min(1),
  path: z.array(z.string()).min(2),
  cut: z.object({ source: z.string(), target: z.string() }),
  flowId: z.string().optional(),
});

const FindingSchema = z.object({
  code: z.string().min(1),
  severity: z.enum(['error', 'warning', 'info']),
  subject: z.string(),
  message: z.string(),
  related: z.array(z.string()).optional(),
});

export const AnalyzeJsonSchema = z.object({
  summary: z.object({
    flows: z.number().int(),
    steps: z.number().int(),
    resources: z.number().int(),
    nodes: z.number().int(),
    edges: z.number().int(),
  }),
  cycles: z.array(CycleSchema),
  deployment: z.object({
    waves: z.array(z.array(z.string())),
    order: z.array(z.string()),
    groups: z.array(z.array(z.string())),
    blocked: z.boolean(),
    dynamic: z.array(z.string()),
  }),
  findings: z.array(FindingSchema),
  errors: z.array(issueSchema('error')),
  warnings: z.array(issueSchema('warning')),
  imports: z.looseObject({
    files: z.object({ total: z.number().int(), byFormat: z.record(z.string(), z.number().int()), failed: z.number().int() }),
    flowsByType: z.record(z.string(), z.number().int()),
    unresolved: z.number().int(),
    ambiguous: z.number().int(),
    templated: z.number().int(),
    errors: z.number().int(),
    warnings: z.number().int(),
  }),
});

const ImpactEntrySchema = z.object({ id: z.string(), depth: z.number().int().min(0), path: z.array(z.string()).min(1) });

export const ImpactJsonSchema = z.object({
  node: z.string(),
  downstream: z.array(ImpactEntrySchema),
  upstream: z.array(ImpactEntrySchema),
  entryFlows: z.array(z.string()),
});

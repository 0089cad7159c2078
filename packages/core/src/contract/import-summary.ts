import { z } from 'zod';
import { count } from './count.js';
import { analysisResultSchema } from './analysis.js';

const counts = z.record(z.string(), count);

/** What a load read and made of it: the CLI prints it, the server logs it, tests assert it. */
export const importSummarySchema = z.object({
  files: z.object({
    total: count,
    /** Files per importer format (`snapshot`, `tutorial-json`, ...); unrecognised files count as `unknown`. */
    byFormat: counts,
    /** Files that yielded nothing but errors. */
    failed: count,
  }),
  /** Flows defined by the files (external "missing" flows not counted), per flow type. */
  flowsByType: counts,
  steps: count,
  /** References the importers found, per action (callCommonModule, callData, transition, ...). */
  referencesByVia: counts,
  /** Flows something references that no input defines: one `unresolved-reference` finding each. */
  unresolved: count,
  /** References by a name that matched several objects: one `ambiguous-reference` finding each. */
  ambiguous: count,
  /** Nodes whose name still holds a template placeholder. */
  templated: count,
  /** Import and link issues: errors (an input or a flow could not be used) and warnings. */
  issues: count,
  errors: count,
  warnings: count,
});
export type ImportSummary = z.infer<typeof importSummarySchema>;

/** `flowgraph analyze|check --format json`: the result model plus what was imported. */
export const analysisReportSchema = analysisResultSchema.extend({ imports: importSummarySchema });
export type AnalysisReport = z.infer<typeof analysisReportSchema>;

import { VisitBudget } from '../visit-budget.js';
import { UnitBuilder } from '../unit-builder.js';
import type { ImportUnit } from '../importer.js';
import { importFlowInternals } from './flow-steps.js';
import { ArchitectFlowSchema } from './schema.js';

export const ARCHITECT_CONFIGURATION_FORMAT = 'architect-configuration';

/** Far above the largest corpus flow (about 2,000 visits). */
const CONFIGURATION_VISIT_LIMIT = 5_000_000;

/**
 * `GET /api/v2/flows/{id}/latestconfiguration` returns the same internal JSON as an export. The
 * snapshot importer already made the flow's node from the flows list, so this adds only what is
 * inside the flow: steps, transitions, the `contains` edge from `flowId` and the references.
 */
export function importArchitectConfiguration(config: unknown, options: { file: string; flowId: string }): ImportUnit {
  // The configuration is already parsed, so there is no text length to size the cap on.
  const budget = new VisitBudget(CONFIGURATION_VISIT_LIMIT);
  const builder = new UnitBuilder(options.file, ARCHITECT_CONFIGURATION_FORMAT, budget);
  builder.flowName = options.flowId;
  const parsed = ArchitectFlowSchema.safeParse(config);
  if (!parsed.success) {
    for (const issue of parsed.error.issues) {
      builder.issue(
        'error',
        `configurations.${options.flowId}${issue.path.length > 0 ? `.${issue.path.join('.')}` : ''}`,
        `not an Architect flow configuration: ${issue.message}`,
      );
    }
    return builder.unit;
  }
  if (parsed.data.name) builder.flowName = parsed.data.name;
  importFlowInternals(parsed.data, options.flowId, builder);
  return builder.unit;
}

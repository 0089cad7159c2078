import type { UnitBuilder } from '../unit-builder.js';
import { asList } from '../plain-values.js';
import { manifestReferences, PLUMBING } from './manifest.js';
import { type ArchitectFlow, ManifestEntrySchema } from './schema.js';
import { importSequences } from './sequences.js';

/**
 * Everything inside one Architect flow JSON that hangs off its flow node: steps, transitions,
 * the `contains` edge to the initial sequence, and the manifest's references. Shared by the
 * export importer and `importArchitectConfiguration` (the same JSON from the API).
 */
export function importFlowInternals(flow: ArchitectFlow, flowId: string, builder: UnitBuilder): void {
  const usingActionIds = new Set<string>();
  for (const [key, entries] of Object.entries(flow.manifest ?? {})) {
    if (PLUMBING.has(key)) continue;
    for (const raw of asList(entries) ?? []) {
      const entry = ManifestEntrySchema.safeParse(raw);
      for (const context of entry.success ? (entry.data.context ?? []) : []) if (context.id) usingActionIds.add(context.id);
    }
  }
  const steps = importSequences(flow, flowId, builder, usingActionIds);
  const entry = flow.initialSequence === undefined ? undefined : steps.get(flow.initialSequence);
  if (entry) builder.addEdge({ source: flowId, target: entry.step, kind: 'contains' });
  else if (flow.initialSequence !== undefined)
    builder.issue('warning', 'initialSequence', `initial sequence ${flow.initialSequence} is not in flowSequenceItemList`);
  if (flow.manifest) manifestReferences(flow.manifest, flowId, steps, builder);
  else builder.issue('warning', 'manifest', "no manifest: the flow's references are unknown");
}

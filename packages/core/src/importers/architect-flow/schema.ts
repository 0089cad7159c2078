import { z } from 'zod';

/**
 * Architect's internal flow JSON (export files and `GET /api/v2/flows/{id}/latestconfiguration`).
 * Loose objects: the format grows. Sequences and actions are checked one by one while importing,
 * so a bad item is an issue and the rest of the flow still imports.
 */
export const ArchitectFlowSchema = z.looseObject({
  id: z.string().optional(),
  name: z.string().optional(),
  type: z.string().optional(),
  description: z.string().optional(),
  initialSequence: z.string().optional(),
  manifest: z.record(z.string(), z.unknown()).optional(),
  flowSequenceItemList: z.array(z.unknown()),
});
export type ArchitectFlow = z.infer<typeof ArchitectFlowSchema>;

const PathSchema = z.looseObject({
  label: z.string().optional(),
  outputId: z.string().optional(),
  nextActionId: z.string().optional(),
});

export const ActionSchema = z.looseObject({
  id: z.string(),
  name: z.string().optional(),
  __type: z.string(),
  nextAction: z.string().optional(),
  paths: z.array(PathSchema).nullish(),
  path: PathSchema.nullish(),
  taskReference: z.string().optional(),
  menuReference: z.string().optional(),
  stateReference: z.string().optional(),
  flowId: z.string().optional(),
});
export type ArchitectAction = z.infer<typeof ActionSchema>;

export const MenuChoiceSchema = z.looseObject({
  name: z.string().optional(),
  digit: z.union([z.number(), z.string()]).nullish(),
  action: z.unknown(),
});

export const SequenceSchema = z.looseObject({
  id: z.string(),
  name: z.string().optional(),
  __type: z.string(),
  startAction: z.string().optional(),
  actionList: z.array(z.unknown()).nullish(),
  menuChoiceList: z.array(z.unknown()).nullish(),
});

export const ManifestEntrySchema = z.looseObject({
  id: z.string().optional(),
  name: z.string().optional(),
  version: z.string().optional(),
  context: z.array(z.looseObject({ id: z.string().optional(), actionName: z.string().optional() })).optional(),
});

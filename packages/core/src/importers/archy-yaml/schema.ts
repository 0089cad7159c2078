import { z } from 'zod';

const Text = z.union([z.string(), z.number()]).transform(String);

/**
 * The body under the flow-type key, checked one level deep: containers must be lists (Archy
 * writes `tasks: - task: …`). Their items are checked one by one while walking, so one bad
 * action is an issue and not a lost flow. A body that fails here is not Archy (e.g. `states:` as
 * a mapping) and yields errors, not a flow.
 */
export const ArchyFlowBodySchema = z.looseObject({
  name: Text.refine((name) => name.trim() !== '', 'must not be empty'),
  description: Text.optional(),
  division: Text.optional(),
  startUpRef: z.string().optional(),
  menus: z.array(z.unknown()).nullish(),
  tasks: z.array(z.unknown()).nullish(),
  states: z.array(z.unknown()).nullish(),
  bots: z.array(z.unknown()).nullish(),
  startUpTaskActions: z.array(z.unknown()).nullish(),
});
export type ArchyFlowBody = z.infer<typeof ArchyFlowBodySchema>;

/** A container item's body: `- task: {name, refId, actions}`, `- menu: {…, choices}`. */
export const ArchyContainerSchema = z.looseObject({
  name: Text.optional(),
  refId: Text.optional(),
  actions: z.array(z.unknown()).nullish(),
  choices: z.array(z.unknown()).nullish(),
});

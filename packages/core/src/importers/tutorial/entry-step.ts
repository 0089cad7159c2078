// Words tutorial files use for the node a flow starts at.
const ENTRY_TYPE = /^(start|entry|begin|initial|init)|start$|entry$/i;

/**
 * The step a flow starts at: a node typed like a start/entry node, else the first node no
 * transition of the flow enters, else the first node (a flow that is one loop).
 */
export function findEntryStep(
  stepIds: readonly string[],
  types: readonly string[],
  entered: ReadonlySet<string>,
): string | undefined {
  for (let index = 0; index < stepIds.length; index++) {
    if (ENTRY_TYPE.test(types[index] ?? '')) return stepIds[index];
  }
  for (const stepId of stepIds) if (!entered.has(stepId)) return stepId;
  return stepIds[0];
}

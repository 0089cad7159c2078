// Words tutorial files use for the node a flow starts at.
const ENTRY_TYPE = /^(start|entry|begin|initial|init)|start$|entry$/i;

/**
 * The index of the step a flow starts at (steps in file order; `entered[i]` is non-zero when a
 * transition of the flow enters step i): a node typed like a start/entry node, else the first node no
 * transition of the flow enters, else the first node (a flow that is one loop).
 */
export function findEntryStep(types: readonly string[], entered: ArrayLike<number>): number | undefined {
  for (let index = 0; index < types.length; index++) if (ENTRY_TYPE.test(types[index]!)) return index;
  for (let index = 0; index < types.length; index++) if (entered[index] === 0) return index;
  return types.length > 0 ? 0 : undefined;
}

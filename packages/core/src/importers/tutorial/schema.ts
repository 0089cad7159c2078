import { z } from 'zod';

/**
 * The flow shape a widely copied (and wrong) tutorial invents for `GET /api/v2/flows?expand=definition`.
 * Users have files in it, so we read it. Only the envelope of each flow is checked with zod: nodes and
 * transitions are checked by hand in `steps.ts`, because a benchmark file holds 500k of them.
 */
export function isPlainObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

const FlowIdSchema = z.union([z.string().trim().min(1, 'flow id must not be empty'), z.number()]).transform(String);

export const TutorialFlowSchema = z.looseObject({
  id: FlowIdSchema,
  name: z.string().optional(),
  type: z.string().optional(),
  version: z.union([z.string(), z.number()]).transform(String).optional(),
  metadata: z.looseObject({ status: z.string().optional() }).optional(),
  definition: z.looseObject({
    nodes: z.custom<Record<string, unknown> | unknown[]>(
      (value) => isPlainObject(value) || Array.isArray(value),
      'expected an object of nodes keyed by node id (or an array of nodes with ids)',
    ),
    transitions: z.custom<unknown[]>((value) => Array.isArray(value), 'expected an array of transitions').optional(),
  }),
});
export type TutorialFlow = z.infer<typeof TutorialFlowSchema>;

export interface TutorialFlowList {
  /**
   * The file's flows in order; read from a file as they are reached (`readJsonArray`,
   * `streamJsonArray`), and then throws a SyntaxError at one that does not parse.
   */
  readonly flows: Iterable<unknown>;
  /** How the list's items are named in field paths: `` (a bare array), `flows` or `entities`. */
  readonly prefix: string;
  /**
   * Read after iterating `flows`: false when the file, read a chunk at a time, turned out not to
   * be a JSON array of items (so not JSON: see `streamJsonArray`). True for any other list.
   */
  readonly complete: boolean;
}

/** The list of flows in a parsed file, or undefined when the top level is not the tutorial shape. */
export function tutorialFlowList(value: unknown): TutorialFlowList | undefined {
  if (Array.isArray(value)) return listOf(value, '');
  if (!isPlainObject(value)) return undefined;
  if (Array.isArray(value.flows)) return listOf(value.flows, 'flows');
  if (Array.isArray(value.entities)) return listOf(value.entities, 'entities');
  return undefined;
}

function listOf(flows: unknown[], prefix: string): TutorialFlowList {
  return { flows, prefix, complete: true };
}

/** True when the list looks like tutorial flows: empty, or some item carries a `definition`. */
export function looksLikeTutorialFlows(list: TutorialFlowList): boolean {
  let count = 0;
  for (const item of list.flows) {
    if (isPlainObject(item) && 'definition' in item) return true;
    count++;
  }
  return count === 0 && list.complete;
}

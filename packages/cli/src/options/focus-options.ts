import type { FocusDirection, FocusOptions, NodeKind } from '@flowgraph/core';
import { z } from 'zod';
import { commaList as list } from './comma-list.js';
import type { ParseArgsOptionsConfig } from './parse.js';

/** The options that cut a focus out of the graph: shared by `export`, `report` (and mirrored by `/api/focus`). */
export const focusOptionsConfig = {
  focus: { type: 'string' },
  depth: { type: 'string' },
  direction: { type: 'string' },
  kinds: { type: 'string' },
  types: { type: 'string' },
  'flows-only': { type: 'boolean' },
  collapse: { type: 'string' },
  group: { type: 'boolean' },
} satisfies ParseArgsOptionsConfig;

export const focusOptionsShape = {
  focus: z.string().min(1, 'expected a node id or name').optional(),
  depth: z
    .string()
    .regex(/^(all|[1-9]\d*)$/, 'expected a whole number from 1, or "all"')
    .transform((text) => (text === 'all' ? Number.POSITIVE_INFINITY : Number(text)))
    .default(2),
  direction: z.enum(['down', 'up', 'both']).default('both'),
  kinds: list('flow,resource')
    .pipe(z.array(z.enum(['flow', 'resource', 'step'], { message: 'expected flow, resource or step' })))
    .optional(),
  types: list('QUEUE,DATAACTION')
    .transform((types) => types.map((type) => type.toUpperCase()))
    .optional(),
  'flows-only': z.boolean().default(false),
  collapse: list('QUEUE,USERPROMPT')
    .transform((types) => types.map((type) => type.toUpperCase()))
    .optional(),
  group: z.boolean().default(false),
};

export const FOCUS_HELP = `Focus (a node's neighbourhood instead of the whole graph):
  --focus ID|NAME           the node: an id, or an exact name (case-insensitive)
  --depth N|all             hops each side (default 2); counted on the org graph, a step's uses
                            lifted to its flow; for a step, inside its flow
  --direction down|up|both  down = what it uses, up = what uses it (default both)
  --kinds flow,resource     node kinds shown (the focused node always is)
  --types QUEUE,...         resource types shown
  --flows-only              flows only
  --collapse QUEUE,...      draw each of these resource types as one counted node
  --group                   over 150 nodes, fold the largest groups of one type at one depth
`;

export interface ParsedFocusOptions {
  depth: number;
  direction: FocusDirection;
  kinds?: NodeKind[] | undefined;
  types?: string[] | undefined;
  'flows-only': boolean;
  collapse?: string[] | undefined;
  group: boolean;
}

export function toFocusOptions(options: ParsedFocusOptions): FocusOptions {
  return {
    depth: options.depth,
    direction: options.direction,
    flowsOnly: options['flows-only'],
    group: options.group,
    ...(options.kinds ? { kinds: options.kinds } : {}),
    ...(options.types ? { resourceTypes: options.types } : {}),
    ...(options.collapse ? { collapse: options.collapse } : {}),
  };
}

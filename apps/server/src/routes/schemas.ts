import { EXPORT_FORMATS } from '@flowgraph/core';
import { z } from 'zod';

/** Query parameters of every route, validated at the boundary (docs/http-api.md). */

// A client that always sends every parameter (`?strict=&targetVersion=`) means "not set" by an empty one.
const unsetWhenEmpty = (value: unknown) => (value === '' ? undefined : value);

const booleanFlag = z
  .enum(['true', 'false', '1', '0'], { message: 'expected true or false' })
  .transform((value) => value === 'true' || value === '1');

export const GraphQuerySchema = z.strictObject({
  strict: z.preprocess(unsetWhenEmpty, booleanFlag.optional()),
  // The last crawl refused as too partial to replace the graph, instead of the graph served.
  partial: z.preprocess(unsetWhenEmpty, booleanFlag.optional()),
  targetVersion: z.preprocess(unsetWhenEmpty, z.string().trim().min(1).max(100, 'at most 100 characters').optional()),
  // `a,b`; an empty list would be a policy allowing nothing, so `allowedStatus=` means unset too.
  allowedStatus: z
    .string()
    .max(500)
    .transform((value) => {
      const statuses = value
        .split(',')
        .map((status) => status.trim())
        .filter((status) => status !== '');
      return statuses.length > 0 ? statuses : undefined;
    })
    .optional(),
});

export const ImpactQuerySchema = z.strictObject({
  node: z.string({ message: 'required: the id of a node in /api/graph' }).min(1, 'must not be empty').max(1000),
  direction: z.enum(['down', 'up', 'both']).default('both'),
});

/** The one list of formats is core's (exporters/formats.ts). */
const formats = EXPORT_FORMATS;

/** `a,b,c` -> ['a', 'b', 'c']; an empty value means unset. */
const commaList = <T extends z.ZodType<string>>(item: T) =>
  z.preprocess(
    (value) =>
      typeof value === 'string' && value.trim() !== ''
        ? value
            .split(',')
            .map((part) => part.trim())
            .filter((part) => part !== '')
        : undefined,
    z.array(item).max(100).optional(),
  );

const typeName = z
  .string()
  .max(60)
  .transform((type) => type.toUpperCase());

const nodeId = (what: string) =>
  z
    .string({ message: `required: ${what}` })
    .min(1, 'must not be empty')
    .max(1000);

/** A flow id, for a step node the org graph does not hold (the server fetches steps per flow). */
const flowId = z.preprocess(unsetWhenEmpty, z.string().min(1).max(200, 'a flow id is at most 200 characters').optional());

/** The parameters that cut a focus out of the graph (the CLI's --depth, --direction, ... flags). */
const focusShape = {
  depth: z.preprocess(
    unsetWhenEmpty,
    z
      .union([z.literal('all'), z.coerce.number({ message: 'expected a whole number from 1, or "all"' }).int().min(1).max(1000)])
      .default(2)
      .transform((depth) => (depth === 'all' ? undefined : depth)),
  ),
  direction: z.preprocess(unsetWhenEmpty, z.enum(['down', 'up', 'both']).default('both')),
  kinds: commaList(z.enum(['flow', 'resource', 'step'], { message: 'expected flow, resource or step' })),
  types: commaList(typeName),
  flowsOnly: z.preprocess(unsetWhenEmpty, booleanFlag.default(false)),
  collapse: commaList(typeName),
  group: z.preprocess(unsetWhenEmpty, booleanFlag.default(false)),
  flow: flowId,
};

export const FocusQuerySchema = z.strictObject({ node: nodeId('the id of a node in /api/graph'), ...focusShape });

const pathShape = {
  all: z.preprocess(unsetWhenEmpty, booleanFlag.default(false)),
  limit: z.preprocess(unsetWhenEmpty, z.coerce.number({ message: 'expected a whole number' }).int().min(1).max(1000).default(20)),
};

export const PathQuerySchema = z.strictObject({
  from: nodeId('the id of the start node'),
  to: nodeId('the id of the end node'),
  ...pathShape,
});

export const CycleParamsSchema = z.object({ member: z.string().min(1).max(1000, 'a node id is at most 1000 characters') });

export const CycleFocusQuerySchema = z.strictObject({ group: focusShape.group, flow: flowId });

/**
 * The whole graph (`scope`), or exactly one scope: `focus` (with the focus parameters), `cycle`
 * (a member's id) or `from` + `to` (paths, with `all`, `limit`).
 */
export const ExportQuerySchema = z
  .strictObject({
    format: z.enum(formats).default('dot'),
    scope: z.enum(['org', 'full']).default('org'),
    focus: z.preprocess(unsetWhenEmpty, nodeId('a node id').optional()),
    cycle: z.preprocess(unsetWhenEmpty, nodeId('a node id').optional()),
    from: z.preprocess(unsetWhenEmpty, nodeId('a node id').optional()),
    to: z.preprocess(unsetWhenEmpty, nodeId('a node id').optional()),
    ...focusShape,
    ...pathShape,
  })
  .superRefine((query, context) => {
    const chosen = [query.focus !== undefined, query.cycle !== undefined, query.from !== undefined || query.to !== undefined].filter(
      Boolean,
    );
    if (chosen.length > 1) context.addIssue({ code: 'custom', path: ['focus'], message: 'give one of focus, cycle or from + to' });
    if ((query.from === undefined) !== (query.to === undefined)) {
      context.addIssue({ code: 'custom', path: [query.from === undefined ? 'from' : 'to'], message: 'paths need both from and to' });
    }
  });

export type FocusQuery = z.infer<typeof FocusQuerySchema>;
export type PathQuery = z.infer<typeof PathQuerySchema>;
export type ExportQuery = z.infer<typeof ExportQuerySchema>;

export const FlowParamsSchema = z.object({ id: z.string().min(1).max(200, 'a flow id is at most 200 characters') });

export const NoQuerySchema = z.strictObject({});

const snapshotId = z.preprocess(
  unsetWhenEmpty,
  z.coerce.number({ message: 'expected a snapshot id from /api/history' }).int().positive().optional(),
);

/** `/api/diff`: two stored crawls of the org; default the previous and the latest. */
export const DiffQuerySchema = z.strictObject({ from: snapshotId, to: snapshotId });

import { EXPORT_FORMATS, type ExportFormat } from '@flowgraph/core';
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

/** The one list of formats is core's exporter registry. */
const formats = EXPORT_FORMATS as [ExportFormat, ...ExportFormat[]];

export const ExportQuerySchema = z.strictObject({
  format: z.enum(formats).default('dot'),
  scope: z.enum(['org', 'full']).default('org'),
});

export const FlowParamsSchema = z.object({ id: z.string().min(1).max(200, 'a flow id is at most 200 characters') });

export const NoQuerySchema = z.strictObject({});

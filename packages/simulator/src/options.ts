import { z } from 'zod';
import { FAULT_PROFILE_NAMES, FaultProfileSchema } from './faults/profiles.js';
import { DEMO_PEOPLE } from './identity/people.js';
import { GenerateOrgOptionsSchema } from './org/generate-org.js';
import type { SimulatedOrg } from './org/types.js';

/** The demo OAuth client the simulator accepts by default (not a secret: it only opens the simulator). */
export const DEMO_CREDENTIALS = Object.freeze({ clientId: 'flowgraph-demo-client', clientSecret: 'flowgraph-demo-secret' });

/**
 * The demo Code Authorization client people sign in through (not a secret either). Its redirect
 * URIs are given at start or registered once the app that uses it listens.
 */
export const DEMO_CODE_CLIENT = Object.freeze({ clientId: 'flowgraph-demo-team', clientSecret: 'flowgraph-demo-team-secret' });

const PersonSchema = z.object({
  username: z.string().trim().min(1),
  name: z.string().trim().min(1),
  password: z.string().min(1),
  divisions: z.union([z.literal('all'), z.array(z.string().min(1)).min(1)]),
});

/** Genesys' default client-credentials limit (genesys-api.md §5). */
export const DEFAULT_RATE_LIMIT = 300;

/**
 * Options of `createSimulator` / `startSimulator`, validated at the boundary (the CLI passes user
 * input straight through). `org` wins over `flows`/`seed`.
 */
export const SimulatorOptionsSchema = z.object({
  /** Listen port for `startSimulator`; 0 picks a free one. */
  port: z.number().int().min(0).max(65_535).default(0),
  /** Flows of the generated org (ignored when `org` is given). */
  flows: GenerateOrgOptionsSchema.shape.flows,
  /** Seeds the generated org and the fault sequence. */
  seed: GenerateOrgOptionsSchema.shape.seed,
  org: z.custom<SimulatedOrg>((value) => typeof value === 'object' && value !== null && 'flowsById' in value).optional(),
  credentials: z.object({ clientId: z.string().min(1), clientSecret: z.string().min(1) }).default(DEMO_CREDENTIALS),
  /** The Code Authorization client people sign in through, with its authorized redirect URIs (exact match). */
  codeClient: z
    .object({ clientId: z.string().min(1), clientSecret: z.string().min(1), redirectUris: z.array(z.url()).default([]) })
    .default({ ...DEMO_CODE_CLIENT, redirectUris: [] }),
  /** The org's people (sign-in page, code grant); default one with every division and one with Sales only. */
  people: z
    .array(PersonSchema)
    .min(1)
    .default(() =>
      DEMO_PEOPLE.map((person) => ({ ...person, divisions: person.divisions === 'all' ? ('all' as const) : [...person.divisions] })),
    ),
  /** `expires_in` of issued tokens; Genesys' default is 24 h. */
  tokenTtlSeconds: z.number().int().positive().default(86_400),
  /** How long a person's refresh token lasts. */
  refreshTokenTtlSeconds: z
    .number()
    .int()
    .positive()
    .default(30 * 86_400),
  /** Requests per minute per token: a number, or `{ requestsPerMinute }`. */
  rateLimit: z
    .union([z.number().int().positive(), z.object({ requestsPerMinute: z.number().int().positive() })])
    .default(DEFAULT_RATE_LIMIT)
    .transform((value) => (typeof value === 'number' ? value : value.requestsPerMinute)),
  faults: z.union([z.enum(FAULT_PROFILE_NAMES), FaultProfileSchema]).default('none'),
  /** Fixed latency added to every response, on top of the fault profile's. */
  latencyMs: z.number().min(0).default(0),
  /** Milliseconds since the epoch; inject to test expiry and rate windows without waiting. */
  clock: z.custom<() => number>((value) => typeof value === 'function').default(() => () => Date.now()),
});
export type SimulatorOptions = z.input<typeof SimulatorOptionsSchema>;
export type NormalizedSimulatorOptions = z.output<typeof SimulatorOptionsSchema>;

export function normalizeSimulatorOptions(options: SimulatorOptions): NormalizedSimulatorOptions {
  const parsed = SimulatorOptionsSchema.safeParse(options);
  if (!parsed.success) {
    const issues = parsed.error.issues.map((issue) => `${issue.path.join('.') || 'options'}: ${issue.message}`);
    throw new RangeError(`simulator: invalid options: ${issues.join('; ')}`);
  }
  return parsed.data;
}

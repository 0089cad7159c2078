import { z } from 'zod';

/**
 * `GET /api/me` (docs/http-api.md): who is signed in and what they may see (team mode,
 * `FLOWGRAPH_AUTH=genesys`), or that the server has no sign-in. Names, divisions and expiry
 * times only: tokens stay on the server.
 */
export const meResponseSchema = z.discriminatedUnion('auth', [
  z.object({ auth: z.literal('none') }),
  z.object({
    auth: z.literal('genesys'),
    person: z.object({ id: z.string(), name: z.string(), email: z.string().optional() }),
    org: z.object({ id: z.string(), name: z.string().optional() }).optional(),
    /** The divisions where the person may view flows; `allDivisions` when their role covers every one. */
    divisions: z.array(z.object({ id: z.string(), name: z.string() })),
    allDivisions: z.boolean(),
    /** When the session ends: at the latest (`expiresAt`), or unless used before (`idleExpiresAt`). */
    session: z.object({ expiresAt: z.string(), idleExpiresAt: z.string() }),
  }),
]);
export type MeResponse = z.infer<typeof meResponseSchema>;

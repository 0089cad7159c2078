import { queryOptions } from '@tanstack/react-query';
import { z } from 'zod';
import { getJson } from './client.js';

/** `GET /api/me`: who is signed in (team mode) or that this server has no sign-in. */
export const meSchema = z.discriminatedUnion('auth', [
  z.object({ auth: z.literal('none') }),
  z.object({
    auth: z.literal('genesys'),
    person: z.object({ id: z.string(), name: z.string(), email: z.string().optional() }),
    org: z.object({ id: z.string(), name: z.string().optional() }).optional(),
    divisions: z.array(z.object({ id: z.string(), name: z.string() })),
    allDivisions: z.boolean(),
    session: z.object({ expiresAt: z.string(), idleExpiresAt: z.string() }),
  }),
]);
export type Me = z.infer<typeof meSchema>;

export const meQuery = () =>
  queryOptions({
    queryKey: ['me'],
    queryFn: () => getJson('me', meSchema),
    staleTime: Number.POSITIVE_INFINITY,
    retry: false,
  });

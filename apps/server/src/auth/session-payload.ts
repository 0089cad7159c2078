import { z } from 'zod';

/**
 * What a session holds, sealed (encrypted) in the store: who, what they may see, which crawl
 * workspace is theirs, and their Genesys tokens. Our own format, so `z.object` (strict keys).
 */
export const SessionPayloadSchema = z.object({
  /** Stable across id rotations: keys the refresh in flight, the request limit and audit references. */
  key: z.string().min(1),
  person: z.object({ id: z.string().min(1), name: z.string(), email: z.string().optional() }),
  org: z.object({ id: z.string().min(1), name: z.string().optional() }).optional(),
  divisions: z.array(z.object({ id: z.string(), name: z.string() })),
  allDivisions: z.boolean(),
  /** The person's crawl workspace (same person, same divisions: same workspace). */
  workspace: z.string().min(1),
  tokens: z.object({
    accessToken: z.string().min(1),
    refreshToken: z.string().min(1),
    expiresAt: z.number(),
    refreshAt: z.number(),
  }),
  /** When the session's id was last replaced (or created). */
  rotatedAt: z.number(),
});
export type SessionPayload = z.infer<typeof SessionPayloadSchema>;

/** What a login under way keeps until the callback (sealed, 10 minutes, single use). */
export const PendingLoginSchema = z.object({
  state: z.string().min(1),
  codeVerifier: z.string().min(43),
  returnTo: z.string().startsWith('/'),
});
export type PendingLogin = z.infer<typeof PendingLoginSchema>;

import { z } from 'zod';
import { ServerConfigError } from '../config.js';
import { isLoopback } from '../http/loopback.js';

/** How people sign in: not at all (one local user, as before), or with Genesys Cloud. */
export type AuthMode = 'none' | 'genesys';

export interface AuthSettings {
  mode: AuthMode;
  /**
   * The URL people open (scheme, host, port; no path), e.g. `https://flowgraph.example.com`.
   * The redirect URI is `<publicUrl>/auth/callback`. Undefined: derived from the listen address
   * (demo and loopback only).
   */
  publicUrl: URL | undefined;
  /** Express' `trust proxy` (hops, `loopback`, addresses): set behind a TLS reverse proxy. */
  trustProxy: string | number | undefined;
  /** Listen on a non-loopback address without sign-in anyway (FLOWGRAPH_ALLOW_UNAUTHENTICATED=1). */
  allowUnauthenticated: boolean;
  session: {
    idleMs: number;
    absoluteMs: number;
    /** A session's id is replaced this often while it is in use. */
    rotateMs: number;
    /** Requests per minute one session may make to /api. */
    requestsPerMinute: number;
  };
}

const flag = z.enum(['1', 'true', '0', 'false']).transform((value) => value === '1' || value === 'true');

const EnvSchema = z.object({
  FLOWGRAPH_AUTH: z.enum(['none', 'genesys']).default('none'),
  FLOWGRAPH_PUBLIC_URL: z.string().trim().min(1).optional(),
  FLOWGRAPH_TRUST_PROXY: z.string().trim().min(1).optional(),
  FLOWGRAPH_ALLOW_UNAUTHENTICATED: flag.default(false),
  FLOWGRAPH_SESSION_IDLE_MINUTES: z.coerce
    .number()
    .int()
    .min(1)
    .max(7 * 24 * 60)
    .default(60),
  FLOWGRAPH_SESSION_MAX_HOURS: z.coerce
    .number()
    .int()
    .min(1)
    .max(30 * 24)
    .default(12),
  FLOWGRAPH_SESSION_REQUESTS_PER_MINUTE: z.coerce.number().int().min(10).max(100_000).default(600),
});

const MINUTE = 60_000;

/**
 * Reads the sign-in settings (docs: apps/server/README.md, "Team server"). Errors name the
 * variable and what is wrong; none of these is a secret.
 */
export function loadAuthSettings(env: Record<string, string | undefined>): AuthSettings {
  const parsed = EnvSchema.safeParse(Object.fromEntries(Object.entries(env).filter(([, value]) => value !== '' && value !== undefined)));
  if (!parsed.success) {
    const problems = parsed.error.issues.map((issue) => `${issue.path.join('.')}: ${issue.message}`).join('; ');
    throw new ServerConfigError(`Invalid sign-in settings: ${problems}.`);
  }
  const settings = parsed.data;
  const publicUrl = settings.FLOWGRAPH_PUBLIC_URL === undefined ? undefined : parsePublicUrl(settings.FLOWGRAPH_PUBLIC_URL);
  const idleMs = settings.FLOWGRAPH_SESSION_IDLE_MINUTES * MINUTE;
  return {
    mode: settings.FLOWGRAPH_AUTH,
    publicUrl,
    trustProxy: parseTrustProxy(settings.FLOWGRAPH_TRUST_PROXY),
    allowUnauthenticated: settings.FLOWGRAPH_ALLOW_UNAUTHENTICATED,
    session: {
      idleMs,
      absoluteMs: settings.FLOWGRAPH_SESSION_MAX_HOURS * 60 * MINUTE,
      rotateMs: Math.min(15 * MINUTE, idleMs),
      requestsPerMinute: settings.FLOWGRAPH_SESSION_REQUESTS_PER_MINUTE,
    },
  };
}

/**
 * The public URL must be an origin: the SPA and the API live at its root. Plain http is allowed
 * only on loopback: elsewhere the session cookie would cross the network in clear text.
 */
function parsePublicUrl(text: string): URL {
  let url: URL;
  try {
    url = new URL(text);
  } catch {
    throw new ServerConfigError('FLOWGRAPH_PUBLIC_URL is not a URL; give the address people open, e.g. https://flowgraph.example.com.');
  }
  if (url.protocol !== 'https:' && url.protocol !== 'http:') throw new ServerConfigError('FLOWGRAPH_PUBLIC_URL must be an https:// URL.');
  if (url.pathname !== '/' || url.search !== '' || url.hash !== '' || url.username !== '' || url.password !== '') {
    throw new ServerConfigError('FLOWGRAPH_PUBLIC_URL must be an origin without a path (Flowgraph is served at the root of its host).');
  }
  if (url.protocol === 'http:' && !isLoopback(url.hostname)) {
    throw new ServerConfigError(
      'FLOWGRAPH_PUBLIC_URL must use https:// unless it is a loopback address: the session cookie must not cross a network in clear text. Put Flowgraph behind a TLS reverse proxy.',
    );
  }
  return url;
}

function parseTrustProxy(value: string | undefined): string | number | undefined {
  if (value === undefined) return undefined;
  if (/^\d+$/.test(value)) return Number(value);
  if (value === 'true' || value === 'false') {
    // `true` trusts every X-Forwarded-For hop, which lets any client choose its own address.
    throw new ServerConfigError(
      'FLOWGRAPH_TRUST_PROXY: give the number of proxies (e.g. 1), "loopback" or their addresses, not true/false.',
    );
  }
  return value;
}

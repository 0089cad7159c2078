import { DEFAULT_MAX_FAILED_SHARE } from '@flowgraph/genesys';
import { DEMO_ORG_FLOWS, MIN_ORG_FLOWS } from '@flowgraph/simulator';
import { z } from 'zod';

/** The server's own settings; Genesys credentials are read by @flowgraph/genesys' loadConfig. */
export interface ServerConfig {
  mode: 'demo' | 'live';
  port: number;
  host: string;
  /** Flows in the built-in demo org. */
  demoFlows: number;
  refreshIntervalMs: number;
  /** A refresh with a larger share of failed flows (or a failed listing page) does not replace the graph. */
  maxFailedShare: number;
  /** The snapshot store's folder (relative to the repository root), or `off` for no history. */
  dataDir: string | 'off' | undefined;
  /** Stored crawls kept per org. */
  historyKeep: number;
  /** Demo only: flows that publish a new version before each refresh, so the demo org changes. */
  demoChangesPerRefresh: number;
}

const EnvSchema = z.object({
  PORT: z.coerce.number().int().min(0).max(65_535).default(8080),
  HOST: z.string().trim().min(1).default('127.0.0.1'),
  FLOWGRAPH_MODE: z.enum(['demo', 'live', 'auto']).default('auto'),
  FLOWGRAPH_DEMO_FLOWS: z.coerce.number().int().min(MIN_ORG_FLOWS).max(20_000).default(DEMO_ORG_FLOWS),
  FLOWGRAPH_REFRESH_INTERVAL_S: z.coerce.number().int().min(1).max(86_400).default(30),
  FLOWGRAPH_REFRESH_MAX_FAILED_PERCENT: z.coerce
    .number()
    .min(0)
    .max(100)
    .default(DEFAULT_MAX_FAILED_SHARE * 100),
  FLOWGRAPH_DATA_DIR: z.string().trim().min(1).optional(),
  FLOWGRAPH_HISTORY_KEEP: z.coerce.number().int().min(2).max(10_000).default(30),
  FLOWGRAPH_DEMO_CHANGES: z.coerce.number().int().min(0).max(1_000).default(0),
});

const CREDENTIALS = ['GENESYSCLOUD_OAUTHCLIENT_ID', 'GENESYSCLOUD_OAUTHCLIENT_SECRET', 'GENESYSCLOUD_REGION'] as const;

export class ServerConfigError extends Error {
  override readonly name = 'ServerConfigError';
}

/**
 * Live mode when the three Genesys variables are set (or FLOWGRAPH_MODE=live), demo otherwise
 * or when FLOWGRAPH_MODE=demo. Some but not all set is an error naming the missing ones: quietly
 * showing the demo org to someone who meant their own would mislead. Errors never echo values.
 */
export function loadServerConfig(env: Record<string, string | undefined>): ServerConfig {
  const present = (name: string) => env[name] !== undefined && env[name] !== '';
  const parsed = EnvSchema.safeParse(Object.fromEntries(Object.entries(env).filter(([, value]) => value !== '')));
  if (!parsed.success) {
    const problems = parsed.error.issues.map((issue) => `${issue.path.join('.')}: ${issue.message}`).join('; ');
    throw new ServerConfigError(`Invalid server settings: ${problems}.`);
  }
  const settings = parsed.data;
  const set = CREDENTIALS.filter(present);
  // A loopback base URL (tests, a local simulator) stands in for the region.
  const missing = CREDENTIALS.filter((name) => !present(name) && !(name === 'GENESYSCLOUD_REGION' && present('GENESYSCLOUD_BASE_URL')));
  let mode: 'demo' | 'live';
  if (settings.FLOWGRAPH_MODE === 'demo') mode = 'demo';
  else if (settings.FLOWGRAPH_MODE === 'live' || set.length > 0) {
    if (missing.length > 0) {
      throw new ServerConfigError(
        `Live mode needs ${missing.join(', ')} (set in the environment or .env). ` +
          `Unset the Genesys variables or set FLOWGRAPH_MODE=demo for the demo org.`,
      );
    }
    mode = 'live';
  } else mode = 'demo';
  return {
    mode,
    port: settings.PORT,
    host: settings.HOST,
    demoFlows: settings.FLOWGRAPH_DEMO_FLOWS,
    refreshIntervalMs: settings.FLOWGRAPH_REFRESH_INTERVAL_S * 1000,
    maxFailedShare: settings.FLOWGRAPH_REFRESH_MAX_FAILED_PERCENT / 100,
    dataDir: settings.FLOWGRAPH_DATA_DIR,
    historyKeep: settings.FLOWGRAPH_HISTORY_KEEP,
    demoChangesPerRefresh: settings.FLOWGRAPH_DEMO_CHANGES,
  };
}

import { z } from 'zod';
import { ConfigurationError } from './errors/configuration-error.js';
import { type GenesysEndpoints, resolveBaseUrl, resolveRegion } from './regions.js';
import { Secret } from './utils/secret.js';

/** What the client needs to reach one org. The secret is wrapped so it never prints. */
export interface GenesysConfig {
  endpoints: GenesysEndpoints;
  clientId: string;
  clientSecret: Secret;
}

export interface ConfigInput {
  /** Region name (`eu-west-1`, `eu_west_1`) or domain (`mypurecloud.ie`). */
  region?: string;
  /** Loopback only (the simulator). Takes precedence over `region`. */
  baseUrl?: string;
  clientId?: string;
  clientSecret?: string | Secret;
}

const EnvSchema = z.object({
  GENESYSCLOUD_REGION: z.string().trim().min(1).optional(),
  GENESYSCLOUD_BASE_URL: z.string().trim().min(1).optional(),
  GENESYSCLOUD_OAUTHCLIENT_ID: z.string().trim().min(1).optional(),
  GENESYSCLOUD_OAUTHCLIENT_SECRET: z.string().min(1).optional(),
});

/**
 * Reads `GENESYSCLOUD_REGION`, `GENESYSCLOUD_BASE_URL` (loopback only),
 * `GENESYSCLOUD_OAUTHCLIENT_ID` and `GENESYSCLOUD_OAUTHCLIENT_SECRET`; explicit options win.
 * Errors name the variable, never its value.
 */
export function loadConfig(env: Record<string, string | undefined> = process.env, overrides: ConfigInput = {}): GenesysConfig {
  const parsed = EnvSchema.safeParse(pickEnv(env));
  if (!parsed.success) {
    const names = parsed.error.issues.map((issue) => issue.path.join('.')).join(', ');
    throw new ConfigurationError(`Invalid Genesys settings: ${names} must not be empty.`);
  }
  return resolveConfig({
    region: overrides.region ?? parsed.data.GENESYSCLOUD_REGION,
    baseUrl: overrides.baseUrl ?? parsed.data.GENESYSCLOUD_BASE_URL,
    clientId: overrides.clientId ?? parsed.data.GENESYSCLOUD_OAUTHCLIENT_ID,
    clientSecret: overrides.clientSecret ?? parsed.data.GENESYSCLOUD_OAUTHCLIENT_SECRET,
  });
}

/** Validates explicit options without reading the environment. */
function resolveConfig(input: ConfigInput): GenesysConfig {
  const missing: string[] = [];
  if (!input.clientId) missing.push('GENESYSCLOUD_OAUTHCLIENT_ID (clientId)');
  if (!input.clientSecret || (input.clientSecret instanceof Secret && !input.clientSecret.reveal())) {
    missing.push('GENESYSCLOUD_OAUTHCLIENT_SECRET (clientSecret)');
  }
  if (!input.region && !input.baseUrl) missing.push('GENESYSCLOUD_REGION (region)');
  if (missing.length > 0) {
    throw new ConfigurationError(`Missing Genesys settings: ${missing.join(', ')}.`);
  }
  const endpoints = input.baseUrl ? resolveBaseUrl(input.baseUrl) : resolveRegion(input.region ?? '');
  const secret = input.clientSecret instanceof Secret ? input.clientSecret : new Secret(input.clientSecret ?? '');
  return { endpoints, clientId: input.clientId ?? '', clientSecret: secret };
}

function pickEnv(env: Record<string, string | undefined>): Record<string, string | undefined> {
  // Empty strings (`VAR=` in a .env file) mean "unset", not "invalid".
  const keys = Object.keys(EnvSchema.shape) as Array<keyof typeof EnvSchema.shape>;
  return Object.fromEntries(keys.map((key) => [key, env[key] === '' ? undefined : env[key]]));
}

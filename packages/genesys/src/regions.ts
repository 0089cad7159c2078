import { isIPv4 } from 'node:net';
import { getEnvironments } from 'genesys-cloud-service-discovery-web';
import { ConfigurationError } from './errors/configuration-error.js';

/** Where one org's API and login live. */
export interface GenesysEndpoints {
  /** e.g. `eu-west-1`; undefined for a loopback base URL (simulator). */
  region?: string;
  /** e.g. `mypurecloud.ie`. */
  domain?: string;
  apiBaseUrl: string;
  loginBaseUrl: string;
}

export interface KnownRegion {
  region: string;
  domain: string;
  aliases: string[];
}

/**
 * Genesys' own deployment list (genesys-cloud-service-discovery-web), not a hand-kept table:
 * it is updated when Genesys opens a region.
 */
export function knownRegions(): KnownRegion[] {
  return getEnvironments().map((environment) => ({
    region: environment.region,
    domain: environment.publicDomainName,
    aliases: [environment.name, ...environment.publicDomainAliases],
  }));
}

/**
 * Resolves `eu-west-1`, the SDK form `eu_west_1`, a domain `mypurecloud.ie` or a host
 * `api.mypurecloud.ie` to the API and login hosts.
 */
export function resolveRegion(input: string): GenesysEndpoints {
  const wanted = normaliseRegionInput(input);
  const regions = knownRegions();
  const match = regions.find((known) => known.region === wanted || known.domain === wanted || known.aliases.includes(wanted));
  if (!match) {
    const names = regions.map((known) => `${known.region} (${known.domain})`).join(', ');
    throw new ConfigurationError(`Unknown Genesys Cloud region "${input}". Known regions: ${names}.`);
  }
  return {
    region: match.region,
    domain: match.domain,
    apiBaseUrl: `https://api.${match.domain}`,
    loginBaseUrl: `https://login.${match.domain}`,
  };
}

function normaliseRegionInput(input: string): string {
  let value = input.trim().toLowerCase();
  if (value.includes('://')) {
    try {
      value = new URL(value).hostname;
    } catch {
      return value;
    }
  }
  value = value.replace(/^(api|login)\./, '');
  // The SDKs spell regions with underscores (`eu_west_1`); the service list uses dashes.
  return /^[a-z0-9_]+$/.test(value) ? value.replaceAll('_', '-') : value;
}

/** True for http(s) URLs on 127.0.0.0/8, localhost or [::1]. */
export function isLoopbackUrl(url: string): boolean {
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch {
    return false;
  }
  if (parsed.protocol !== 'http:' && parsed.protocol !== 'https:') return false;
  const host = parsed.hostname;
  if (host === 'localhost' || host === '[::1]') return true;
  return isIPv4(host) && host.startsWith('127.');
}

/**
 * A custom base URL (the simulator, which serves `/oauth/token` and `/api/v2` on one origin).
 * Only loopback is accepted: the proxy must never send credentials to a host a request names.
 */
export function resolveBaseUrl(baseUrl: string): GenesysEndpoints {
  if (!isLoopbackUrl(baseUrl)) {
    throw new ConfigurationError(
      `Custom base URL "${safeOrigin(baseUrl)}" refused: only loopback addresses (127.0.0.0/8, localhost, [::1]) are allowed. ` +
        'For a real org set GENESYSCLOUD_REGION instead.',
    );
  }
  const { origin } = new URL(baseUrl);
  return { apiBaseUrl: origin, loginBaseUrl: origin };
}

// A URL may carry user:password; echo only what identifies the host.
function safeOrigin(url: string): string {
  try {
    return new URL(url).origin;
  } catch {
    return 'an invalid URL';
  }
}

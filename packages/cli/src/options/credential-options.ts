import { z } from 'zod';
import type { ParseArgsOptionsConfig } from './parse.js';

/** The OAuth client of a crawl, on the command line; the GENESYSCLOUD_* variables stay the default. */
export const credentialOptionsConfig = {
  'client-id': { type: 'string' },
  'client-secret': { type: 'string' },
  'client-secret-stdin': { type: 'boolean' },
} satisfies ParseArgsOptionsConfig;

export const credentialOptionsShape = {
  'client-id': z.string().trim().min(1, 'must not be empty').optional(),
  // The message never echoes the value: it may be the secret.
  'client-secret': z.string().min(1, 'must not be empty').optional(),
  'client-secret-stdin': z.boolean().default(false),
};

export interface CredentialFlags {
  'client-id'?: string | undefined;
  'client-secret'?: string | undefined;
  'client-secret-stdin': boolean;
}

export interface Credentials {
  clientId?: string;
  clientSecret?: string;
}

export function hasCredentialFlags(flags: CredentialFlags): boolean {
  return flags['client-id'] !== undefined || flags['client-secret'] !== undefined || flags['client-secret-stdin'];
}

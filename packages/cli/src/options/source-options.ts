import { z } from 'zod';
import { type CredentialFlags, credentialOptionsConfig, credentialOptionsShape, hasCredentialFlags } from './credential-options.js';
import type { ParseArgsOptionsConfig } from './parse.js';

/** Where the graph comes from: input paths, a live org (`--live`) or the built-in simulator (`--demo`). */
export const sourceOptionsConfig = {
  live: { type: 'boolean' },
  demo: { type: 'boolean' },
  set: { type: 'string', multiple: true },
  substitutions: { type: 'string', multiple: true },
  ...credentialOptionsConfig,
} satisfies ParseArgsOptionsConfig;

const assignment = z.string().regex(/^[^=\s]+=/, 'expected name=value, e.g. --set queue_name=Support');

export const sourceOptionsShape = {
  live: z.boolean().default(false),
  demo: z.boolean().default(false),
  set: z.array(assignment).default([]),
  substitutions: z.array(z.string().min(1)).default([]),
  ...credentialOptionsShape,
};

export type GraphSource = { kind: 'files'; paths: string[] } | { kind: 'live'; credentials: CredentialFlags } | { kind: 'demo' };

/** Exactly one source: paths, or --live, or --demo; the credential flags only with --live. */
export function selectSource(
  command: string,
  positionals: string[],
  flags: { live: boolean; demo: boolean } & CredentialFlags,
): GraphSource | string {
  const chosen = [positionals.length > 0, flags.live, flags.demo].filter(Boolean).length;
  if (chosen === 0) return `${command}: give input files or folders, --live or --demo`;
  if (chosen > 1) return `${command}: use input paths, --live or --demo, not several of them`;
  if (!flags.live && hasCredentialFlags(flags)) return `${command}: --client-id and --client-secret(-stdin) go with --live`;
  if (flags.live) {
    const { 'client-id': clientId, 'client-secret': clientSecret, 'client-secret-stdin': fromStdin } = flags;
    return { kind: 'live', credentials: { 'client-id': clientId, 'client-secret': clientSecret, 'client-secret-stdin': fromStdin } };
  }
  if (flags.demo) return { kind: 'demo' };
  return { kind: 'files', paths: positionals };
}

/** `--set a=b --set c=d` -> { a: 'b', c: 'd' }; the value may itself contain `=`. */
export function parseAssignments(assignments: string[]): Record<string, string> {
  const values: Record<string, string> = {};
  for (const assignment of assignments) {
    const index = assignment.indexOf('=');
    values[assignment.slice(0, index)] = assignment.slice(index + 1);
  }
  return values;
}

import type { ParseArgsOptionsConfig } from './parse.js';
import { z } from 'zod';

/** Where the graph comes from: input paths, a live org (`--live`) or the built-in simulator (`--demo`). */
export const sourceOptionsConfig = {
  live: { type: 'boolean' },
  demo: { type: 'boolean' },
  set: { type: 'string', multiple: true },
  substitutions: { type: 'string', multiple: true },
} satisfies ParseArgsOptionsConfig;

const assignment = z.string().regex(/^[^=\s]+=/, 'expected name=value, e.g. --set queue_name=Support');

export const sourceOptionsShape = {
  live: z.boolean().default(false),
  demo: z.boolean().default(false),
  set: z.array(assignment).default([]),
  substitutions: z.array(z.string().min(1)).default([]),
};

export type GraphSource = { kind: 'files'; paths: string[] } | { kind: 'live' } | { kind: 'demo' };

/** Exactly one source: paths, or --live, or --demo. */
export function selectSource(command: string, positionals: string[], flags: { live: boolean; demo: boolean }): GraphSource | string {
  const chosen = [positionals.length > 0, flags.live, flags.demo].filter(Boolean).length;
  if (chosen === 0) return `${command}: give input files or folders, --live or --demo`;
  if (chosen > 1) return `${command}: use input paths, --live or --demo, not several of them`;
  if (flags.live) return { kind: 'live' };
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

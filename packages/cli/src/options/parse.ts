import { type ParseArgsConfig, parseArgs } from 'node:util';
import type { z } from 'zod';
import { UsageError } from '../errors.js';

export type ParseArgsOptionsConfig = NonNullable<ParseArgsConfig['options']>;

export interface Parsed<T> {
  options: T;
  positionals: string[];
}

/**
 * node:util parseArgs for the syntax, then zod for the values. Option keys stay in their
 * command-line spelling (`target-version`), so every message names the flag the user typed.
 */
export function parseOptions<S extends z.ZodType>(
  command: string,
  argv: string[],
  config: ParseArgsOptionsConfig,
  schema: S,
): Parsed<z.infer<S>> {
  let raw: { values: Record<string, unknown>; positionals: string[] };
  try {
    raw = parseArgs({ args: argv, options: config, allowPositionals: true, strict: true, allowNegative: true });
  } catch (error) {
    // parseArgs messages are already about the flag ("Unknown option '--x'"); drop its hint about `--`.
    const message = error instanceof Error ? error.message.replace(/\. To specify a positional.*$/s, '') : String(error);
    throw new UsageError(`${command}: ${message}. Run "flowgraph ${command} --help".`);
  }
  const result = schema.safeParse(raw.values);
  if (!result.success) {
    const issue = result.error.issues[0];
    const flag = issue?.path.length ? `--${String(issue.path[0])}` : 'options';
    throw new UsageError(`${command}: invalid ${flag}: ${issue?.message ?? 'invalid value'}`);
  }
  return { options: result.data, positionals: raw.positionals };
}

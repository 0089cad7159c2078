import { parseArgs } from 'node:util';
import { COMMAND_LINE_SECRET_WARNING, readSecretLine } from '@flowgraph/genesys';
import { z } from 'zod';
import { ServerConfigError } from './config.js';

/** What the server's command line adds to the environment, and what it has to say about it. */
export interface ServerArgs {
  /** GENESYSCLOUD_OAUTHCLIENT_ID / _SECRET from the flags; they win over the environment and .env. */
  env: Record<string, string>;
  warnings: string[];
  /** Files and folders to serve (`npm start -- ./flows`): files mode instead of demo or live. */
  inputs?: string[];
  /** The settings of files mode, and `--port` / `--host` / `--open` for any mode. */
  serve?: ServeFlags;
}

/** What `npm start -- <inputs>` and `flowgraph serve` take besides the inputs. */
export interface ServeFlags {
  port?: number;
  host?: string;
  /** Open the page in the browser once listening (when there is a desktop). */
  open: boolean;
  /** Re-read files as they change (default on). */
  watch: boolean;
  /** `--set name=value` template values (win over everything). */
  set: Record<string, string>;
  /** `--substitutions` paths: Terraform files or folders, JSON or name=value files. */
  substitutions: string[];
}

export const SERVER_USAGE = `Usage: npm start -- [inputs...] [--port N] [--host ADDRESS] [--open] [--no-watch] [--set name=value] [--substitutions PATH]
       npm start -- [--client-id ID] [--client-secret-stdin | --client-secret SECRET]

  inputs                    files and folders of flows (Archy YAML, Architect exports, snapshots):
                            serve them instead of an org, re-read as they change
  --port N, --host ADDRESS  where to listen (default 8080 on 127.0.0.1, or PORT / HOST)
  --open                    open the page in the browser when a desktop is present
  --no-watch                read the inputs once, do not follow changes
  --set name=value          a template value for every file (wins over the others)
  --substitutions PATH      Terraform files or folders (genesyscloud_flow substitutions), JSON values
  --client-id ID            the OAuth client id (instead of GENESYSCLOUD_OAUTHCLIENT_ID)
  --client-secret-stdin     read the client secret from the first line of standard input
  --client-secret SECRET    the secret itself (warned: a command line is visible to other users)
Everything else comes from the environment or .env (see apps/server/README.md).`;

/**
 * The tutorial's credential flags for the server: `--client-id`, `--client-secret-stdin` and,
 * with a warning, `--client-secret VALUE`. The environment stays the default; an unknown flag
 * is an error naming it, never echoing a value.
 */
export async function readServerArgs(
  argv: string[],
  stdin: AsyncIterable<string | Uint8Array>,
  onPrompt?: () => void,
): Promise<ServerArgs> {
  let parsed: ReturnType<typeof parse>;
  try {
    parsed = parse(argv);
  } catch (error) {
    const message = error instanceof Error ? error.message.replace(/\. To specify a positional.*$/s, '') : String(error);
    throw new ServerConfigError(`${message}.\n${SERVER_USAGE}`);
  }
  const { values, positionals } = parsed;
  const env: Record<string, string> = {};
  const warnings: string[] = [];
  const serve = serveFlags(values);
  const hasCredentialFlags = values['client-id'] !== undefined || values['client-secret'] !== undefined || values['client-secret-stdin'];
  if (positionals.length > 0 && hasCredentialFlags) {
    throw new ServerConfigError('Serve files or an org, not both: drop the input paths or the --client-* flags.');
  }
  if (values['client-id'] !== undefined) env.GENESYSCLOUD_OAUTHCLIENT_ID = values['client-id'];
  if (values['client-secret'] !== undefined && values['client-secret-stdin']) {
    throw new ServerConfigError('Use --client-secret-stdin or --client-secret, not both.');
  }
  if (values['client-secret'] !== undefined) {
    env.GENESYSCLOUD_OAUTHCLIENT_SECRET = values['client-secret'];
    warnings.push(COMMAND_LINE_SECRET_WARNING);
  } else if (values['client-secret-stdin']) {
    onPrompt?.();
    const secret = await readSecretLine(stdin);
    if (secret === undefined) throw new ServerConfigError('--client-secret-stdin found no secret on standard input.');
    env.GENESYSCLOUD_OAUTHCLIENT_SECRET = secret;
  }
  return { env, warnings, ...(positionals.length > 0 ? { inputs: positionals } : {}), serve };
}

function parse(argv: string[]) {
  return parseArgs({
    args: argv,
    options: {
      'client-id': { type: 'string' },
      'client-secret': { type: 'string' },
      'client-secret-stdin': { type: 'boolean' },
      port: { type: 'string' },
      host: { type: 'string' },
      open: { type: 'boolean' },
      watch: { type: 'boolean' },
      'no-watch': { type: 'boolean' },
      set: { type: 'string', multiple: true },
      substitutions: { type: 'string', multiple: true },
    },
    strict: true,
    allowPositionals: true,
  });
}

const ServeFlagsSchema = z.object({
  port: z.coerce.number().int().min(0).max(65_535).optional(),
  host: z.string().trim().min(1).optional(),
  open: z.boolean().default(false),
  'no-watch': z.boolean().default(false),
  set: z.array(z.string().regex(/^[^=\s]+=/, 'expected name=value, e.g. --set queue_name=Support')).default([]),
  substitutions: z.array(z.string().min(1)).default([]),
});

/** `--port`, `--host`, `--open`, `--no-watch`, `--set`, `--substitutions`, validated; errors name the flag. */
export function serveFlags(values: Record<string, unknown>): ServeFlags {
  const parsed = ServeFlagsSchema.safeParse(values);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    throw new ServerConfigError(`--${String(issue?.path[0] ?? '')}: ${issue?.message ?? 'invalid'}.\n${SERVER_USAGE}`);
  }
  const flags = parsed.data;
  const set: Record<string, string> = {};
  for (const assignment of flags.set) {
    const index = assignment.indexOf('=');
    set[assignment.slice(0, index)] = assignment.slice(index + 1);
  }
  return {
    ...(flags.port !== undefined ? { port: flags.port } : {}),
    ...(flags.host !== undefined ? { host: flags.host } : {}),
    open: flags.open,
    watch: !flags['no-watch'],
    set,
    substitutions: flags.substitutions,
  };
}

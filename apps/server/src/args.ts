import { parseArgs } from 'node:util';
import { COMMAND_LINE_SECRET_WARNING, readSecretLine } from '@flowgraph/genesys';
import { ServerConfigError } from './config.js';

/** What the server's command line adds to the environment, and what it has to say about it. */
export interface ServerArgs {
  /** GENESYSCLOUD_OAUTHCLIENT_ID / _SECRET from the flags; they win over the environment and .env. */
  env: Record<string, string>;
  warnings: string[];
}

export const SERVER_USAGE = `Usage: npm start -- [--client-id ID] [--client-secret-stdin | --client-secret SECRET]

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
  let values: { 'client-id'?: string | undefined; 'client-secret'?: string | undefined; 'client-secret-stdin'?: boolean | undefined };
  try {
    ({ values } = parseArgs({
      args: argv,
      options: { 'client-id': { type: 'string' }, 'client-secret': { type: 'string' }, 'client-secret-stdin': { type: 'boolean' } },
      strict: true,
      allowPositionals: false,
    }));
  } catch (error) {
    const message = error instanceof Error ? error.message.replace(/\. To specify a positional.*$/s, '') : String(error);
    throw new ServerConfigError(`${message}.\n${SERVER_USAGE}`);
  }
  const env: Record<string, string> = {};
  const warnings: string[] = [];
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
  return { env, warnings };
}

import { COMMAND_LINE_SECRET_WARNING, readSecretLine } from '@flowgraph/genesys';
import { UsageError } from '../errors.js';
import type { CliIo } from '../io.js';
import type { CredentialFlags, Credentials } from './credential-options.js';

/**
 * Credentials from the flags, for `createGenesysClient` (explicit options win over the
 * environment): `--client-secret-stdin` reads one line of standard input; `--client-secret VALUE`
 * works but warns that a command line is visible to other users.
 */
export async function resolveCredentials(flags: CredentialFlags, io: Pick<CliIo, 'stderr' | 'stdin' | 'stdinIsTTY'>): Promise<Credentials> {
  const credentials: Credentials = {};
  if (flags['client-id'] !== undefined) credentials.clientId = flags['client-id'];
  if (flags['client-secret'] !== undefined && flags['client-secret-stdin']) {
    throw new UsageError('use --client-secret-stdin or --client-secret, not both');
  }
  if (flags['client-secret'] !== undefined) {
    io.stderr.write(`flowgraph: ${COMMAND_LINE_SECRET_WARNING}\n`);
    credentials.clientSecret = flags['client-secret'];
  } else if (flags['client-secret-stdin']) {
    // A terminal shows what is typed; a pipe (`printf '%s\n' "$SECRET" |`) or a file does not.
    if (io.stdinIsTTY) io.stderr.write('Client secret (one line, shown as you type; pipe it in to hide it): ');
    const secret = io.stdin === undefined ? undefined : await readSecretLine(io.stdin);
    if (secret === undefined) {
      throw new UsageError(`--client-secret-stdin found no secret on standard input (pipe it in: printf '%s\\n' "$SECRET" | flowgraph …)`);
    }
    credentials.clientSecret = secret;
  }
  return credentials;
}

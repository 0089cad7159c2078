/**
 * Said whenever a client secret arrives as a command-line argument (`--client-secret VALUE`):
 * the tutorial's users type it that way, and they should know what it costs.
 */
export const COMMAND_LINE_SECRET_WARNING =
  'warning: --client-secret puts the secret on the command line, where other users of this machine ' +
  'can read it (ps, /proc/<pid>/cmdline) and your shell history keeps it. Prefer --client-secret-stdin ' +
  'or GENESYSCLOUD_OAUTHCLIENT_SECRET.';

/**
 * The first line of `input` (standard input for `--client-secret-stdin`), without its line end
 * and surrounding spaces; undefined when it is empty. Stops reading at the first line break.
 */
export async function readSecretLine(input: AsyncIterable<string | Uint8Array>): Promise<string | undefined> {
  const decoder = new TextDecoder();
  let text = '';
  for await (const chunk of input) {
    text += typeof chunk === 'string' ? chunk : decoder.decode(chunk, { stream: true });
    if (/[\r\n]/.test(text)) break;
  }
  const line = (text.split(/\r?\n|\r/, 1)[0] ?? '').trim();
  return line === '' ? undefined : line;
}

/** One line per event. Injected, so tests capture what would be printed. */
export type Log = (line: string) => void;

/**
 * Wraps a log so that no configured secret can reach it, whatever an error message carries.
 * Secrets shorter than 4 characters are ignored: replacing them would shred ordinary text.
 */
export function redactingLog(log: Log, secrets: readonly string[]): Log {
  const redact = createRedactor(secrets);
  return (line) => log(redact(line));
}

export function createRedactor(secrets: readonly string[]): (text: string) => string {
  const usable = secrets.filter((secret) => secret.length >= 4);
  return (text) => usable.reduce((result, secret) => result.split(secret).join('[redacted]'), text);
}

export const consoleLog: Log = (line) => {
  process.stdout.write(`${line}\n`);
};

/**
 * Errors the CLI turns into a one-line message and exit code 2: bad options, unreadable input.
 * Anything else that reaches the top is a bug or an environment failure (network), reported
 * without a stack trace as well.
 */
export class UsageError extends Error {
  override name = 'UsageError';
}

// One class for an unusable input path, whichever package found it (@flowgraph/inputs reads files).
export { InputError } from '@flowgraph/inputs';

export const EXIT_OK = 0;
/** `check` found an error-level finding or a blocking cycle. */
export const EXIT_FINDINGS = 1;
/** Usage error or unreadable input. */
export const EXIT_USAGE = 2;

import type { CliIo } from '../io.js';

/** One CLI command: parse its options (zod), call core or the client, write output. Returns the exit code. */
export interface Command {
  name: string;
  /** One line for the command list. */
  summary: string;
  /** Full usage text, printed by `flowgraph <command> --help`. */
  usage: string;
  run(argv: string[], io: CliIo): Promise<number>;
}

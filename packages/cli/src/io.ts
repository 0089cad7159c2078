/** What a command may touch of the outside world: injected, so tests run commands in-process. */
export interface OutputStream {
  write(chunk: string): unknown;
}

export interface CliIo {
  stdout: OutputStream;
  stderr: OutputStream;
  env: Readonly<Record<string, string | undefined>>;
  /** Relative input and output paths resolve against this, not process.cwd(). */
  cwd: string;
  /** stdout is a terminal: colour the report. */
  isTTY: boolean;
  /** stderr is a terminal: draw the progress bar (defaults to `isTTY`). */
  stderrIsTTY?: boolean;
  /** Aborted on Ctrl-C; long-running commands (`simulate`, crawls) stop when it fires. */
  signal?: AbortSignal;
  /** Standard input: read only for `--client-secret-stdin`. */
  stdin?: AsyncIterable<string | Uint8Array>;
  /** stdin is a terminal: ask for the secret instead of waiting silently. */
  stdinIsTTY?: boolean;
}

import { analyzeCommand } from './commands/analyze.js';
import { baselineCommand } from './commands/baseline.js';
import { checkCommand } from './commands/check.js';
import { diffCommand } from './commands/diff.js';
import type { Command } from './commands/command.js';
import { exportCommand } from './commands/export.js';
import { fetchCommand } from './commands/fetch.js';
import { historyCommand } from './commands/history.js';
import { impactCommand } from './commands/impact.js';
import { pathCommand } from './commands/path.js';
import { reportCommand } from './commands/report.js';
import { serveCommand } from './commands/serve.js';
import { simulateCommand } from './commands/simulate.js';
import { EXIT_OK, EXIT_USAGE, UsageError } from './errors.js';
import type { CliIo } from './io.js';
import packageJson from '../package.json' with { type: 'json' };

export const commands: readonly Command[] = [
  analyzeCommand,
  checkCommand,
  baselineCommand,
  diffCommand,
  impactCommand,
  pathCommand,
  exportCommand,
  reportCommand,
  serveCommand,
  fetchCommand,
  historyCommand,
  simulateCommand,
];

/**
 * Runs one CLI invocation and returns its exit code: 0 ok, 1 `check` found problems,
 * 2 the work could not be done (usage, unreadable input, credentials, network).
 * The one place errors are caught: a message for people, never a stack trace
 * (set FLOWGRAPH_DEBUG=1 to get one).
 */
export async function executeCli(argv: string[], io: CliIo): Promise<number> {
  try {
    const [name, ...rest] = argv;
    if (name === undefined) {
      io.stderr.write(mainUsage());
      return EXIT_USAGE;
    }
    if (name === '--version' || name === '-V') {
      io.stdout.write(`${packageJson.version}\n`);
      return EXIT_OK;
    }
    if (name === '--help' || name === '-h' || name === 'help') {
      io.stdout.write(mainUsage());
      return EXIT_OK;
    }
    const command = commands.find((candidate) => candidate.name === name);
    if (!command) throw new UsageError(`unknown command "${name}". Commands: ${commands.map((c) => c.name).join(', ')}.`);
    // Help is answered here for every command, before its options are parsed or checked.
    if (rest.includes('--help') || rest.includes('-h')) {
      io.stdout.write(command.usage);
      return EXIT_OK;
    }
    return await command.run(rest, io);
  } catch (error) {
    const message = error instanceof Error ? error.message : String(error);
    io.stderr.write(`flowgraph: ${message}\n`);
    if (io.env.FLOWGRAPH_DEBUG && error instanceof Error && error.stack) io.stderr.write(`${error.stack}\n`);
    return EXIT_USAGE;
  }
}

function mainUsage(): string {
  const width = Math.max(...commands.map((command) => command.name.length));
  const list = commands.map((command) => `  ${command.name.padEnd(width)}  ${command.summary}`).join('\n');
  return `Usage: flowgraph <command> [options]

Dependency analysis for Genesys Cloud Architect flows.

Commands:
${list}

Run "flowgraph <command> --help" for a command's options. Full reference: docs/cli.md
Exit codes: 0 ok · 1 check found an error or a blocking cycle · 2 usage error, unreadable input or failed fetch
`;
}

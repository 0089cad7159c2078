import type { Command } from './commands/command.js';
import { EXIT_OK, EXIT_USAGE, UsageError } from './errors.js';
import type { CliIo } from './io.js';
import packageJson from '../package.json' with { type: 'json' };

/**
 * Each command's module is imported when that command runs: `analyze` loads neither the server,
 * the Genesys client nor SQLite (in the bundle each is its own chunk; loading every command cost
 * 0.2–0.35 s of CPU before the first file was read). The order is the command list's.
 */
const commandModules: Record<string, () => Promise<Command>> = {
  analyze: async () => (await import('./commands/analyze.js')).analyzeCommand,
  check: async () => (await import('./commands/check.js')).checkCommand,
  baseline: async () => (await import('./commands/baseline.js')).baselineCommand,
  diff: async () => (await import('./commands/diff.js')).diffCommand,
  impact: async () => (await import('./commands/impact.js')).impactCommand,
  path: async () => (await import('./commands/path.js')).pathCommand,
  export: async () => (await import('./commands/export.js')).exportCommand,
  report: async () => (await import('./commands/report.js')).reportCommand,
  serve: async () => (await import('./commands/serve.js')).serveCommand,
  fetch: async () => (await import('./commands/fetch.js')).fetchCommand,
  history: async () => (await import('./commands/history.js')).historyCommand,
  simulate: async () => (await import('./commands/simulate.js')).simulateCommand,
};
const commandNames = Object.keys(commandModules);

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
      io.stderr.write(await mainUsage());
      return EXIT_USAGE;
    }
    if (name === '--version' || name === '-V') {
      io.stdout.write(`${packageJson.version}\n`);
      return EXIT_OK;
    }
    if (name === '--help' || name === '-h' || name === 'help') {
      io.stdout.write(await mainUsage());
      return EXIT_OK;
    }
    const load = Object.hasOwn(commandModules, name) ? commandModules[name] : undefined;
    if (!load) throw new UsageError(`unknown command "${name}". Commands: ${commandNames.join(', ')}.`);
    const command = await load();
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

async function mainUsage(): Promise<string> {
  // The one place that needs every command: their summaries.
  const commands = await Promise.all(Object.values(commandModules).map((load) => load()));
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

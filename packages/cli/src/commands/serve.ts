import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { z } from 'zod';
import { EXIT_OK, UsageError } from '../errors.js';
import { parseOptions } from '../options/parse.js';
import { parseAssignments, sourceOptionsShape } from '../options/source-options.js';
import { colorsFor } from '../render/colors.js';
import type { Command } from './command.js';
import { untilAborted } from './until-aborted.js';

const usage = `Usage: flowgraph serve <files or folders...> [--port N] [--host ADDRESS] [--open] [--no-watch]
                       [--set name=value] [--substitutions PATH]

Serves the web app over your own flow files: the org graph, cycles, impact, deployment order,
each flow's steps and the exports, as for a live org, read from Archy YAML, Architect exports,
Flowgraph snapshots or tutorial JSON. Files are watched: a saved change is re-read (that file
only) and the page updates in place. A file that breaks keeps its last good flows on screen,
marked stale, with its error in the Files panel. Nothing outside the inputs is read: a symbolic
link leading out of them is refused. Runs until Ctrl-C.

Options:
  --port N                  port to listen on (default 8080; 0 = any free port)
  --host ADDRESS            address to listen on (default 127.0.0.1: this machine only)
  --open                    open the page in the browser (when a desktop is present)
  --no-watch                read the files once; do not follow changes
  --set name=value          a template value for {{name}} / \${name} placeholders (repeatable)
  --substitutions PATH      Terraform files or folders whose genesyscloud_flow resources fill the
                            flow files they name; JSON or name=value files of values (repeatable)
  -h, --help                this help
`;

const config = {
  port: { type: 'string' },
  host: { type: 'string' },
  open: { type: 'boolean' },
  watch: { type: 'boolean' },
  set: { type: 'string', multiple: true },
  substitutions: { type: 'string', multiple: true },
} as const;

const schema = z.object({
  port: z.coerce.number().int().min(0).max(65_535).default(8080),
  host: z.string().trim().min(1).default('127.0.0.1'),
  open: z.boolean().default(false),
  watch: z.boolean().default(true),
  set: sourceOptionsShape.set,
  substitutions: sourceOptionsShape.substitutions,
});

export const serveCommand: Command = {
  name: 'serve',
  summary: 'serve the web app over flow files, updated live as they change',
  usage,
  async run(argv, io) {
    const { options, positionals } = parseOptions('serve', argv, config, schema);
    if (positionals.length === 0) throw new UsageError('serve: give the flow files or folders to serve, e.g. flowgraph serve ./flows');
    // The server (Express and the SPA) is loaded only for this command.
    const { allowsUnauthenticated, openInBrowser, serveFiles } = await import('@flowgraph/server');
    const log = (line: string) => io.stderr.write(`${line}\n`);
    const served = await serveFiles({
      ...bundledWebApp(),
      inputs: positionals,
      cwd: io.cwd,
      substitutions: options.substitutions,
      set: parseAssignments(options.set),
      watch: options.watch,
      port: options.port,
      host: options.host,
      log,
      // Beyond loopback only when the operator says a proxy in front authenticates people.
      allowUnauthenticated: allowsUnauthenticated(io.env),
    });
    const colors = colorsFor(io);
    const { files } = served.source.files();
    const flows = files.reduce((count, file) => count + file.flows.length, 0);
    const errors = files.filter((file) => file.errors > 0).length;
    io.stdout.write(
      `${colors.bold('Flowgraph')} serving ${colors.cyan(served.url)}\n` +
        `  ${files.length} file(s), ${flows} flow(s)${errors > 0 ? `, ${errors} file(s) with errors (see the Files panel)` : ''}` +
        `${options.watch ? ' · watching for changes' : ''}\nPress Ctrl-C to stop.\n`,
    );
    if (options.open) openInBrowser(served.url, log);
    await untilAborted(io.signal);
    await served.close();
    return EXIT_OK;
  },
};

/** The installed CLI carries the web app beside its bundle (`dist/web`); from the sources, the server finds apps/web/dist. */
function bundledWebApp(): { webDist?: string } {
  const beside = fileURLToPath(new URL('./web', import.meta.url));
  return existsSync(`${beside}/index.html`) ? { webDist: beside } : {};
}

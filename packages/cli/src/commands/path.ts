import { AnalysisContext, DEFAULT_PATH_LIMIT, EXPORT_FILE_TYPES, findPaths, type Paths, scopeExporters } from '@flowgraph/core';
import { z } from 'zod';
import { EXIT_OK, UsageError } from '../errors.js';
import { findNode } from '../inputs/find-node.js';
import { parseOptions } from '../options/parse.js';
import { selectSource, sourceOptionsConfig, sourceOptionsShape } from '../options/source-options.js';
import { writeScopeOutput } from '../outputs/scope-output.js';
import { colorsFor } from '../render/colors.js';
import { writeImportErrors } from '../render/issue-summary.js';
import { type NameOf, nameLookup } from '../render/names.js';
import { createProgress } from '../render/progress-bar.js';
import type { Colors } from '../render/colors.js';
import { loadSource } from '../sources/load-source.js';
import type { Command } from './command.js';
import { SOURCE_HELP } from './help-text.js';

const PATH_LIMIT_MAX = 1000;

const usage = `Usage: flowgraph path <files or folders...> --from ID|NAME --to ID|NAME [options]
       flowgraph path --live | --demo --from ID|NAME --to ID|NAME [options]

Why does A depend on B: every shortest path from A to B (or, with --all, up to --limit simple
paths by length), each hop with what makes it (callCommonModule, transferToFlow, callData, ...).
Hops count on the org graph (a step's uses lifted to its flow); between two steps of one flow,
inside that flow.

${SOURCE_HELP}
Path:
  --from ID|NAME            where the paths start (an id, or an exact name, case-insensitive)
  --to ID|NAME              where they end
  --all                     simple paths by length, not only the shortest ones
  --limit K                 most paths listed (default ${DEFAULT_PATH_LIMIT}, at most ${PATH_LIMIT_MAX})
  --format text|json|dot|mermaid
                            json = { from, to, paths: [[id, ...]], vias: [[via, ...]], shortest, truncated };
                            dot / mermaid = the paths as a diagram
  --out FILE|DIR            write to FILE, or into DIR under a name saying what it shows
  -h, --help                this help
`;

const config = {
  ...sourceOptionsConfig,
  from: { type: 'string' },
  to: { type: 'string' },
  all: { type: 'boolean' },
  limit: { type: 'string' },
  format: { type: 'string' },
  out: { type: 'string' },
} as const;

const schema = z.object({
  ...sourceOptionsShape,
  from: z.string().min(1, 'expected a node id or name').optional(),
  to: z.string().min(1, 'expected a node id or name').optional(),
  all: z.boolean().default(false),
  limit: z
    .string()
    .regex(/^[1-9]\d*$/, 'expected a whole number from 1')
    .transform(Number)
    .refine((limit) => limit <= PATH_LIMIT_MAX, `at most ${PATH_LIMIT_MAX}`)
    .default(DEFAULT_PATH_LIMIT),
  format: z.enum(['text', 'json', 'dot', 'mermaid']).default('text'),
  out: z.string().min(1).optional(),
});

export const pathCommand: Command = {
  name: 'path',
  summary: 'why A depends on B: the shortest (or k simple) paths, each hop with its action',
  usage,
  async run(argv, io) {
    const { options, positionals } = parseOptions('path', argv, config, schema);
    if (!options.from || !options.to) throw new UsageError('path: --from and --to are required (node ids or exact names)');
    const source = selectSource('path', positionals, options);
    if (typeof source === 'string') throw new UsageError(source);
    const progress = createProgress(io);
    const loaded = await loadSource(source, options, io, progress).finally(() => progress.stop());
    writeImportErrors([...loaded.settingIssues, ...loaded.issues], io.stderr);
    const from = findNode(loaded.graph, options.from, '--from');
    const to = findNode(loaded.graph, options.to, '--to');
    const paths = findPaths(new AnalysisContext(loaded.graph), from.id, to.id, { all: options.all, limit: options.limit });
    if (options.format === 'dot' || options.format === 'mermaid') {
      const text = scopeExporters[options.format](paths);
      await writeScopeOutput(io, text, {
        out: options.out,
        fileStem: paths.fileStem,
        extension: EXPORT_FILE_TYPES[options.format].extension,
      });
      return EXIT_OK;
    }
    const text =
      options.format === 'json'
        ? `${JSON.stringify(pathsJson(paths), null, 2)}\n`
        : renderPathsText(paths, nameLookup(loaded.graph), colorsFor(io));
    await writeScopeOutput(io, text, { out: options.out, fileStem: paths.fileStem, extension: options.format === 'json' ? 'json' : 'txt' });
    return EXIT_OK;
  },
};

/** The documented JSON: `{ from, to, paths: [[id, ...]] }`, with each hop's action beside it. */
function pathsJson(paths: Paths) {
  return {
    from: paths.from,
    to: paths.to,
    paths: paths.paths.map((path) => path.nodes),
    vias: paths.paths.map((path) => path.hops.map((hop) => hop.via ?? hop.label ?? null)),
    mode: paths.mode,
    shortest: paths.shortest,
    shortestCount: paths.shortestCount,
    truncated: paths.truncated,
  };
}

function renderPathsText(paths: Paths, nameOf: NameOf, colors: Colors): string {
  const heading = `${colors.bold('Paths from')} ${nameOf(paths.from)} ${colors.bold('to')} ${nameOf(paths.to)}`;
  if (paths.shortest === null) return `${heading}\n\n  none: ${nameOf(paths.to)} cannot be reached from ${nameOf(paths.from)}\n`;
  const kind =
    paths.mode === 'shortest'
      ? `${paths.shortestCount.toLocaleString('en-US')} shortest (${paths.shortest} hop${paths.shortest === 1 ? '' : 's'})`
      : 'simple paths by length';
  const lines = [`${heading}  ${colors.dim(kind)}`, ''];
  paths.paths.forEach((path, i) => {
    const hops = path.hops.map((hop) => `${colors.dim(`─${hop.via ?? hop.label ?? hop.kind}→`)} ${nameOf(hop.target)}`);
    lines.push(`  ${String(i + 1).padStart(2)}. ${nameOf(path.nodes[0] ?? '')} ${hops.join(' ')}`);
  });
  if (paths.truncated) lines.push('', colors.dim('  … more paths exist; raise --limit to list them'));
  return `${lines.join('\n')}\n`;
}

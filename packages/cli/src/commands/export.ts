import { analyze, EXPORT_FORMATS, type ExportFormat, exporters, projectToOrg } from '@flowgraph/core';
import { z } from 'zod';
import { EXIT_OK, UsageError } from '../errors.js';
import { parseOptions } from '../options/parse.js';
import { writeOutFile } from '../outputs/out-file.js';
import { selectSource, sourceOptionsConfig, sourceOptionsShape } from '../options/source-options.js';
import { writeImportErrors } from '../render/issue-summary.js';
import { createProgress } from '../render/progress-bar.js';
import { loadSource } from '../sources/load-source.js';
import type { Command } from './command.js';
import { SOURCE_HELP } from './help-text.js';

// The registry is the one list of formats: help, validation and the server's menu all read it.
const formats = EXPORT_FORMATS;

const usage = `Usage: flowgraph export <files or folders...> --format ${formats.join('|')} [options]
       flowgraph export --live | --demo --format ${formats.join('|')} [options]

Writes the graph, with cycles marked, as Graphviz DOT, Mermaid or JSON.
Render DOT with e.g. "dot -Tsvg flows.dot -o flows.svg".

${SOURCE_HELP}
Export:
  --format ${formats.join('|').padEnd(16)} required
  --scope org|full          org = flows and resources only (a step's uses count for its flow);
                            full = every step too (default)
  --out FILE                write to FILE instead of stdout
  -h, --help                this help
`;

const config = {
  ...sourceOptionsConfig,
  format: { type: 'string' },
  scope: { type: 'string' },
  out: { type: 'string' },
} as const;

const schema = z.object({
  ...sourceOptionsShape,
  format: z.enum(formats as [ExportFormat, ...ExportFormat[]]).optional(),
  scope: z.enum(['org', 'full']).default('full'),
  out: z.string().min(1).optional(),
});

export const exportCommand: Command = {
  name: 'export',
  summary: `write the graph as ${formats.join(', ')}`,
  usage,
  async run(argv, io) {
    const { options, positionals } = parseOptions('export', argv, config, schema);
    if (!options.format) throw new UsageError(`export: --format is required (${formats.join(', ')})`);
    const source = selectSource('export', positionals, options);
    if (typeof source === 'string') throw new UsageError(source);
    const progress = createProgress(io);
    const text = await loadSource(source, options, io, progress)
      .then((loaded) => {
        progress.phase('analysing');
        const result = analyze(loaded.graph, {}, [...loaded.settingIssues, ...loaded.issues]);
        writeImportErrors(result.errors, io.stderr);
        const graph = options.scope === 'org' ? projectToOrg(loaded.graph) : loaded.graph;
        return exporters[options.format!](graph, result);
      })
      .finally(() => progress.stop());
    if (!options.out) {
      io.stdout.write(text);
      return EXIT_OK;
    }
    await writeOutFile(io, options.out, text);
    io.stderr.write(`flowgraph: wrote ${options.out} (${text.length.toLocaleString('en-US')} characters)\n`);
    return EXIT_OK;
  },
};

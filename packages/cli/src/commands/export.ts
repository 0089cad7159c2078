import {
  AnalysisContext,
  analyze,
  cycleFocus,
  cycleOf,
  EXPORT_FILE_TYPES,
  EXPORT_FORMATS,
  type ExportFormat,
  exporters,
  focus,
  mermaidSize,
  scopeExporters,
  WHOLE_GRAPH_FILE_STEM,
} from '@flowgraph/core';
import { z } from 'zod';
import { EXIT_OK, UsageError } from '../errors.js';
import { findNode } from '../inputs/find-node.js';
import { FOCUS_HELP, focusOptionsConfig, focusOptionsShape, toFocusOptions } from '../options/focus-options.js';
import { parseOptions } from '../options/parse.js';
import { selectSource, sourceOptionsConfig, sourceOptionsShape } from '../options/source-options.js';
import { writeScopeOutput } from '../outputs/scope-output.js';
import { writeImportErrors } from '../render/issue-summary.js';
import { createProgress } from '../render/progress-bar.js';
import { loadSource } from '../sources/load-source.js';
import type { Command } from './command.js';
import { SOURCE_HELP } from './help-text.js';

// The registry is the one list of formats: help, validation and the server's menu all read it.
const formats = EXPORT_FORMATS;

const usage = `Usage: flowgraph export <files or folders...> --format ${formats.join('|')} [options]
       flowgraph export --live | --demo --format ${formats.join('|')} [options]

Writes the graph, with cycles marked, as Graphviz DOT, Mermaid or JSON; or, with --focus or
--cycle, exactly one readable piece of it for a review. Render DOT with e.g.
"dot -Tsvg main-ivr.down-2.dot -o main-ivr.down-2.svg".

${SOURCE_HELP}
Export:
  --format ${formats.join('|').padEnd(16)} required
  --scope org|full          without --focus: org = flows and resources only (a step's uses count
                            for its flow); full = every step too (default)
  --cycle ID|NAME           the cycle this node is in: its members, their callers and callees,
                            the cycle path and the suggested cut
  --out FILE|DIR            write to FILE, or into DIR under a name saying what it shows
                            (main-ivr.down-2.dot); default stdout
  -h, --help                this help

${FOCUS_HELP}
Mermaid renderers stop drawing at about 500 edges or 50,000 characters: a bigger Mermaid export
is still written, with a warning on stderr saying how to narrow or group it.
`;

const config = {
  ...sourceOptionsConfig,
  ...focusOptionsConfig,
  format: { type: 'string' },
  scope: { type: 'string' },
  cycle: { type: 'string' },
  out: { type: 'string' },
} as const;

const schema = z.object({
  ...sourceOptionsShape,
  ...focusOptionsShape,
  format: z.enum(formats as [ExportFormat, ...ExportFormat[]]).optional(),
  scope: z.enum(['org', 'full']).default('full'),
  cycle: z.string().min(1, 'expected a node id or name').optional(),
  out: z.string().min(1).optional(),
});

export const exportCommand: Command = {
  name: 'export',
  summary: `write the graph, a focus or a cycle as ${formats.join(', ')}`,
  usage,
  async run(argv, io) {
    const { options, positionals } = parseOptions('export', argv, config, schema);
    const format = options.format;
    if (!format) throw new UsageError(`export: --format is required (${formats.join(', ')})`);
    if (options.focus !== undefined && options.cycle !== undefined) throw new UsageError('export: use --focus or --cycle, not both');
    const source = selectSource('export', positionals, options);
    if (typeof source === 'string') throw new UsageError(source);
    const progress = createProgress(io);
    const { text, fileStem } = await loadSource(source, options, io, progress)
      .then((loaded) => {
        progress.phase('analysing');
        const context = new AnalysisContext(loaded.graph);
        const result = analyze(context, {}, [...loaded.settingIssues, ...loaded.issues]);
        writeImportErrors(result.errors, io.stderr);
        if (options.focus !== undefined) {
          const node = findNode(loaded.graph, options.focus, '--focus');
          const scope = focus(context, node.id, toFocusOptions(options));
          if (scope.grouping.offered && !scope.grouping.applied) {
            io.stderr.write(
              `flowgraph: ${scope.nodes.length} nodes are more than a diagram keeps readable (${scope.grouping.nodeLimit}); --group draws ${scope.grouping.groupedNodeCount}\n`,
            );
          }
          return { text: scopeExporters[format](scope), fileStem: scope.fileStem };
        }
        if (options.cycle !== undefined) {
          const node = findNode(loaded.graph, options.cycle, '--cycle');
          const cycle = cycleOf(result.cycles, node.id);
          if (cycle === undefined) throw new UsageError(`--cycle "${options.cycle}": ${node.name || node.id} is in no cycle`);
          const scope = cycleFocus(context, cycle, { group: options.group });
          return { text: scopeExporters[format](scope), fileStem: scope.fileStem };
        }
        const graph = options.scope === 'org' ? context.org.graph : loaded.graph;
        return { text: exporters[format](graph, result), fileStem: WHOLE_GRAPH_FILE_STEM };
      })
      .finally(() => progress.stop());
    if (format === 'mermaid') {
      const size = mermaidSize(text);
      if (!size.fits) io.stderr.write(`flowgraph: warning: ${size.advice}\n`);
    }
    await writeScopeOutput(io, text, { out: options.out, fileStem, extension: EXPORT_FILE_TYPES[format].extension });
    return EXIT_OK;
  },
};

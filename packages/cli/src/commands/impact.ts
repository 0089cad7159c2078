import { AnalysisContext, impact } from '@flowgraph/core';
import { z } from 'zod';
import { EXIT_OK, UsageError } from '../errors.js';
import { findNode } from '../inputs/find-node.js';
import { parseOptions } from '../options/parse.js';
import { selectSource, sourceOptionsConfig, sourceOptionsShape } from '../options/source-options.js';
import { colorsFor } from '../render/colors.js';
import { renderImpactText } from '../render/impact-text.js';
import { nameLookup } from '../render/names.js';
import { writeImportErrors } from '../render/issue-summary.js';
import { createProgress } from '../render/progress-bar.js';
import { loadSource } from '../sources/load-source.js';
import type { Command } from './command.js';
import { SOURCE_HELP } from './help-text.js';

const usage = `Usage: flowgraph impact <files or folders...> --node ID|NAME [options]
       flowgraph impact --live | --demo --node ID|NAME [options]

What a node reaches (downstream) and what reaches it (upstream: what breaks if it changes),
each with a shortest path, and the entry flows that reach it. Flows and resources are
traced on the org graph (a step's uses count for its flow); a step is traced inside its flow.

${SOURCE_HELP}
Impact:
  --node ID|NAME            a node id, or an exact name (case-insensitive)
  --direction down|up|both  which side to trace (default both)
  --format text|json        json = { node, downstream, upstream, entryFlows }
  -h, --help                this help
`;

const config = {
  ...sourceOptionsConfig,
  node: { type: 'string' },
  direction: { type: 'string' },
  format: { type: 'string' },
} as const;

const schema = z.object({
  ...sourceOptionsShape,
  node: z.string().min(1, 'expected a node id or name').optional(),
  direction: z.enum(['down', 'up', 'both']).default('both'),
  format: z.enum(['text', 'json']).default('text'),
});

export const impactCommand: Command = {
  name: 'impact',
  summary: 'what a node reaches and what depends on it, with paths',
  usage,
  async run(argv, io) {
    const { options, positionals } = parseOptions('impact', argv, config, schema);
    if (!options.node) throw new UsageError('impact: --node is required (a node id or an exact name)');
    const source = selectSource('impact', positionals, options);
    if (typeof source === 'string') throw new UsageError(source);
    const progress = createProgress(io);
    const loaded = await loadSource(source, options, io, progress).finally(() => progress.stop());
    writeImportErrors([...loaded.settingIssues, ...loaded.issues], io.stderr);
    const node = findNode(loaded.graph, options.node);
    // Steps only make sense inside their flow; everything else is traced on the org graph.
    const context = new AnalysisContext(loaded.graph);
    const result = impact(node.kind === 'step' ? context : context.org, node.id, { direction: options.direction });
    if (options.format === 'json') io.stdout.write(`${JSON.stringify(result, null, 2)}\n`);
    else io.stdout.write(renderImpactText(result, nameLookup(loaded.graph), colorsFor(io)));
    return EXIT_OK;
  },
};

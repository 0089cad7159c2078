import {
  AnalysisContext,
  analyze,
  cycleFocus,
  focus,
  impact,
  REPORT_CYCLE_DIAGRAM_LIMIT,
  type ReportInput,
  reportHtml,
  reportMarkdown,
} from '@flowgraph/core';
import { z } from 'zod';
import { EXIT_OK, UsageError } from '../errors.js';
import { findNode } from '../inputs/find-node.js';
import { analysisOptionsConfig, analysisOptionsShape, toAnalyzeOptions } from '../options/analysis-options.js';
import { FOCUS_HELP, focusOptionsConfig, focusOptionsShape, toFocusOptions } from '../options/focus-options.js';
import { parseOptions } from '../options/parse.js';
import { type GraphSource, selectSource, sourceOptionsConfig, sourceOptionsShape } from '../options/source-options.js';
import { writeScopeOutput } from '../outputs/scope-output.js';
import { writeImportErrors } from '../render/issue-summary.js';
import { nameLookup } from '../render/names.js';
import { createProgress } from '../render/progress-bar.js';
import { loadSource } from '../sources/load-source.js';
import type { Command } from './command.js';
import { SOURCE_HELP } from './help-text.js';

const usage = `Usage: flowgraph report <files or folders...> --format markdown|html [options]
       flowgraph report --live | --demo --format markdown|html [options]

A review document: summary and verdict, every cycle (the first ${REPORT_CYCLE_DIAGRAM_LIMIT} with a diagram, its path and
the suggested cut with the reason), findings, deployment waves, import errors; with --focus,
the focus diagram and the impact tables (what breaks if it changes, what it depends on).
Markdown diagrams are Mermaid blocks (GitHub and GitLab draw them); the HTML report is one
self-contained file with inline SVG diagrams: no script, no network, prints as it shows.

${SOURCE_HELP}
Report:
  --format markdown|html    required
  --title TEXT              the document title (default "Flowgraph review")
  --out FILE|DIR            write to FILE, or into DIR as review.md / review.main-ivr.both-2.html;
                            default stdout
  --strict                  every cycle blocks deployment, step loops included
  --target-version V        every flow must be at version V
  --allowed-status S,...    every flow's status must be one of these
  -h, --help                this help

${FOCUS_HELP}`;

const config = {
  ...sourceOptionsConfig,
  ...analysisOptionsConfig,
  ...focusOptionsConfig,
  title: { type: 'string' },
  out: { type: 'string' },
} as const;

const schema = z.object({
  ...sourceOptionsShape,
  ...analysisOptionsShape,
  ...focusOptionsShape,
  format: z.enum(['markdown', 'html'], { message: 'expected markdown or html' }).optional(),
  title: z.string().trim().min(1).max(200).default('Flowgraph review'),
  out: z.string().min(1).optional(),
});

export const reportCommand: Command = {
  name: 'report',
  summary: 'a review document (Markdown or self-contained HTML): cycles, findings, waves, a focus',
  usage,
  async run(argv, io) {
    const { options, positionals } = parseOptions('report', argv, config, schema);
    const format = options.format;
    if (!format) throw new UsageError('report: --format is required (markdown, html)');
    const source = selectSource('report', positionals, options);
    if (typeof source === 'string') throw new UsageError(source);
    const progress = createProgress(io);
    const loaded = await loadSource(source, options, io, progress).finally(() => progress.stop());
    const context = new AnalysisContext(loaded.graph);
    const result = analyze(context, toAnalyzeOptions(options), [...loaded.settingIssues, ...loaded.issues]);
    writeImportErrors(result.errors, io.stderr);
    const nameOf = nameLookup(loaded.graph);
    const input: ReportInput = {
      title: options.title,
      source: describeSource(source),
      generatedAt: new Date().toISOString().replace(/\.\d+Z$/, 'Z'),
      result,
      nameOf,
      // Grouped, so a component of hundreds of flows still draws readably.
      cycleFocuses: result.cycles.slice(0, REPORT_CYCLE_DIAGRAM_LIMIT).map((cycle) => cycleFocus(context, cycle, { group: true })),
    };
    let fileStem = 'review';
    if (options.focus !== undefined) {
      const node = findNode(loaded.graph, options.focus, '--focus');
      const scope = focus(context, node.id, toFocusOptions(options));
      // Impact is traced where the focus counts its hops: a step inside its flow, the rest on the org graph.
      const traced = impact(node.kind === 'step' ? context : context.org, node.id, { direction: options.direction });
      input.focus = { scope, impact: traced };
      fileStem = `review.${scope.fileStem}`;
    }
    const text = format === 'html' ? reportHtml(input) : reportMarkdown(input);
    await writeScopeOutput(io, text, { out: options.out, fileStem, extension: format === 'html' ? 'html' : 'md' });
    return EXIT_OK;
  },
};

function describeSource(source: GraphSource): string {
  if (source.kind === 'demo') return 'the built-in demo org';
  if (source.kind === 'live') return 'the live org';
  return source.paths.join(', ');
}

import { diffGraphs, diffMarkdown, diffProblems, formatIssue, toJunit, toSarif } from '@flowgraph/core';
import { z } from 'zod';
import { REPORT_FORMAT_HELP, reportFormatShape } from '../ci/report-formats.js';
import { reportSink } from '../ci/write-report.js';
import { EXIT_FINDINGS, EXIT_OK, UsageError } from '../errors.js';
import { analysisOptionsConfig, analysisOptionsShape, toAnalyzeOptions } from '../options/analysis-options.js';
import { parseOptions } from '../options/parse.js';
import { sourceOptionsConfig, sourceOptionsShape } from '../options/source-options.js';
import { colorsFor } from '../render/colors.js';
import { renderDiffText } from '../render/diff-text.js';
import { createProgress } from '../render/progress-bar.js';
import { loadSide, sideSpec, type DiffSideSpec } from '../sources/diff-side.js';
import { TOOL } from '../tool.js';
import type { Command } from './command.js';

const usage = `Usage: flowgraph diff <old> <new> [options]
       flowgraph diff <old> --live [options]

What changed between two states of an org: flows and resources added, removed and changed (and
what changed in each), dependencies, cycles and problems introduced and resolved, the entry
flows that reach the change (its blast radius), and the order to publish it in (the changed
flows plus what they need that <old> lacks: a promotion plan from <new> to <old>).

Each side is a flow file, a folder, a snapshot file, a stored snapshot (@3, @latest,
@previous; see "flowgraph history"), or --live for the new side. Flows whose ids differ (two
orgs, YAML against a crawl) are matched by type and name.

Options:
  --live                    the new side is the live org (GENESYSCLOUD_* credentials)
  --org KEY                 resolve @latest / @previous in this org (default: the org of the
                            newest stored snapshot)
  --no-match-names          match flows and resources by id only
  --exit-code               exit 1 when the change introduces an error-level problem
  --title T                 how the Markdown report names the change (e.g. "main → feature")
  --strict, --target-version V, --allowed-status S,...
                            analysis options for both sides (they decide which problems exist)
  --set name=value, --substitutions FILE
                            template values for file sides
${REPORT_FORMAT_HELP}
  -h, --help                this help
`;

const { live: _live, demo: _demo, ...fileSourceConfig } = sourceOptionsConfig;
const { live: _liveShape, demo: _demoShape, ...fileSourceShape } = sourceOptionsShape;

const config = {
  ...fileSourceConfig,
  ...analysisOptionsConfig,
  live: { type: 'boolean' },
  org: { type: 'string' },
  'match-names': { type: 'boolean' },
  'exit-code': { type: 'boolean' },
  title: { type: 'string' },
  out: { type: 'string' },
} as const;

const schema = z.object({
  ...fileSourceShape,
  ...analysisOptionsShape,
  format: reportFormatShape,
  live: z.boolean().default(false),
  org: z.string().min(1).optional(),
  'match-names': z.boolean().default(true),
  'exit-code': z.boolean().default(false),
  title: z.string().min(1).optional(),
  out: z.string().min(1).optional(),
});

export const diffCommand: Command = {
  name: 'diff',
  summary: 'what changed between two states: flows, cycles, problems, impact, publish order',
  usage,
  async run(argv, io) {
    const { options, positionals } = parseOptions('diff', argv, config, schema);
    const wanted = options.live ? 1 : 2;
    if (positionals.length !== wanted) {
      throw new UsageError(
        `diff: give ${options.live ? 'the old side and --live' : 'two sides, <old> and <new>'} (got ${positionals.length})`,
      );
    }
    const [oldText, newText] = positionals as [string, string | undefined];
    const specs: [DiffSideSpec, DiffSideSpec] = [sideSpec(oldText), options.live ? { kind: 'live' } : sideSpec(newText as string)];
    const progress = createProgress(io);
    const sideOptions = { settings: options, org: options.org };
    let before: Awaited<ReturnType<typeof loadSide>>;
    let after: Awaited<ReturnType<typeof loadSide>>;
    try {
      before = await loadSide(specs[0], sideOptions, io, progress);
      after = await loadSide(specs[1], sideOptions, io, progress);
      progress.phase('comparing');
    } finally {
      progress.stop();
    }
    for (const issue of [...before.issues, ...after.issues].filter((candidate) => candidate.severity === 'error').slice(0, 10)) {
      io.stderr.write(`flowgraph: ${formatIssue(issue)}\n`);
    }
    const diff = diffGraphs(before.graph, after.graph, { analyze: toAnalyzeOptions(options), matchByName: options['match-names'] });
    const failed = options['exit-code'] && diff.summary.introducesErrors;
    const problems = diffProblems(diff, failed);
    const title = options.title ?? `${before.label} → ${after.label}`;
    const sink = reportSink(io, options.out, options.format !== 'text');
    const text =
      options.format === 'json'
        ? `${JSON.stringify({ old: before.label, new: after.label, ...diff }, null, io.isTTY && options.out === undefined ? 2 : undefined)}\n`
        : options.format === 'markdown'
          ? diffMarkdown(diff, { title })
          : options.format === 'sarif'
            ? toSarif(problems, TOOL)
            : options.format === 'junit'
              ? toJunit(problems)
              : renderDiffText(diff, colorsFor({ ...io, isTTY: io.isTTY && options.out === undefined }), title);
    sink.stream.write(text);
    await sink.finish(problems);
    return failed ? EXIT_FINDINGS : EXIT_OK;
  },
};
